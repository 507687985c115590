/** How the bench's seeds write fast through the app's repositories (bench/browser/seed.ts, reception-seed.ts, broadband-seed.ts; bench/mixed-seed.ts). */
import { formatHlc, tick, type Hlc } from '@/core/sync/hlc'
import type { RepoClock } from '@/storage/sealed-repo'

/** Runs `write` over `items` with `width` writes in flight: IndexedDB round trips overlap the sealing. */
export async function inParallel<T>(items: T[], width: number, write: (item: T, i: number) => Promise<void>, progress: (done: number) => void) {
  let next = 0
  let done = 0
  async function lane() {
    while (next < items.length) {
      const i = next++
      await write(items[i]!, i)
      if (++done % 10_000 === 0) progress(done)
    }
  }
  await Promise.all(Array.from({ length: width }, lane))
}

/** Writes `items` in bulk, `batch` at a time with `width` batches in flight; the ids in the items' order. */
export async function putInSlices<T>(items: T[], { batch, width }: { batch: number; width: number }, write: (slice: T[]) => Promise<string[]>): Promise<string[]> {
  const slices = Array.from({ length: Math.ceil(items.length / batch) }, (_, i) => items.slice(i * batch, (i + 1) * batch))
  const ids: string[] = new Array(items.length)
  await inParallel(slices, width, async (slice, i) => void (await write(slice)).forEach((id, k) => (ids[i * batch + k] = id)), () => {})
  return ids
}

/**
 * The device clock persists every tick (one IndexedDB write per record); seeding ticks an
 * in-memory copy and hands the last value to the device clock at the end, so the app's
 * next write still sorts after every seeded one.
 */
export function memoryClock(deviceId: string): RepoClock & { last(): Hlc | undefined } {
  let last: Hlc | undefined
  return { next: async () => formatHlc((last = tick(last, Date.now(), deviceId))), last: () => last }
}
