import { formatHlc, parseHlc, receive, tick, ticks, type Hlc } from '@/core/sync/hlc'
import type { LocalStore } from './local-store'

const key = 'hlc'

/**
 * This device's hybrid logical clock, persisted so it never runs backwards
 * across reloads. Field clocks in record bodies come from here.
 */
export function createHlcClock(local: LocalStore, deviceId: () => Promise<string>, now: () => number = Date.now) {
  let last: Hlc | undefined
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work)
    queue = next.catch(() => undefined)
    return next
  }

  async function load(): Promise<Hlc | undefined> {
    if (last) return last
    const stored = await local.get<string>(key)
    last = stored ? parseHlc(stored) : undefined
    return last
  }

  /** The clock for a change made now on this device. */
  function next(): Promise<string> {
    return serial(async () => {
      last = tick(await load(), now(), await deviceId())
      await local.set(key, formatHlc(last))
      return formatHlc(last)
    })
  }

  /**
   * `n` clocks at once, saved once: a bulk write (a bill run's 10,000 charges) would otherwise wait on
   * 10,000 saves of the clock, one after another.
   */
  function nextMany(n: number): Promise<string[]> {
    return serial(async () => {
      if (n <= 0) return []
      const issued = ticks(await load(), n, now(), await deviceId())
      last = issued[issued.length - 1]!
      await local.set(key, formatHlc(last))
      return issued.map(formatHlc)
    })
  }

  /** Moves this clock past one seen in a record from another device. */
  function observe(remote: string): Promise<void> {
    return serial(async () => {
      last = receive(await load(), parseHlc(remote), now(), await deviceId())
      await local.set(key, formatHlc(last))
    })
  }

  return { next, nextMany, observe }
}

export type HlcClock = ReturnType<typeof createHlcClock>
