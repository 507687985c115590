/**
 * Hybrid logical clock (Kulkarni et al.): wall time in ms, a counter for
 * events within the same ms or behind a clock that ran ahead, and the device
 * id to break the last tie. Serialised so that string order is clock order:
 * `000001764290000000:0000:deviceid`.
 */
export interface Hlc {
  wall: number
  count: number
  device: string
}

const wallWidth = 15
const countWidth = 4
const maxCount = 36 ** countWidth - 1

export function formatHlc(c: Hlc): string {
  if (!Number.isSafeInteger(c.wall) || c.wall < 0) throw new RangeError(`bad HLC wall time ${c.wall}`)
  if (!Number.isInteger(c.count) || c.count < 0 || c.count > maxCount) throw new RangeError(`bad HLC count ${c.count}`)
  if (c.device === '' || c.device.includes(':')) throw new RangeError('HLC device id must be non-empty without ":"')
  return `${c.wall.toString().padStart(wallWidth, '0')}:${c.count.toString(36).padStart(countWidth, '0')}:${c.device}`
}

export function parseHlc(s: string): Hlc {
  const m = /^(\d{15}):([0-9a-z]{4}):([^:]+)$/.exec(s)
  if (!m) throw new RangeError(`not an HLC: ${s}`)
  return { wall: Number(m[1]), count: parseInt(m[2]!, 36), device: m[3]! }
}

/** The clock for a local event at wall time `now`, after the last clock this device issued or saw. */
export function tick(last: Hlc | undefined, now: number, device: string): Hlc {
  if (!last || now > last.wall) return { wall: now, count: 0, device }
  // A counter that would outgrow its four digits moves the clock a millisecond ahead instead: order is kept.
  if (last.count >= maxCount) return { wall: last.wall + 1, count: 0, device }
  return { wall: last.wall, count: last.count + 1, device }
}

/** `n` clocks for `n` local events at wall time `now`, in order: what a bulk write stamps its records with. */
export function ticks(last: Hlc | undefined, n: number, now: number, device: string): Hlc[] {
  const out: Hlc[] = []
  for (let i = 0; i < n; i++) out.push((last = tick(last, now, device)))
  return out
}

/** After receiving `remote`, the device's clock moves past both its own last clock and the remote one. */
export function receive(last: Hlc | undefined, remote: Hlc, now: number, device: string): Hlc {
  const wall = Math.max(now, last?.wall ?? 0, remote.wall)
  let count = 0
  if (wall === last?.wall && wall === remote.wall) count = Math.max(last.count, remote.count) + 1
  else if (wall === last?.wall) count = last.count + 1
  else if (wall === remote.wall) count = remote.count + 1
  return { wall, count, device }
}
