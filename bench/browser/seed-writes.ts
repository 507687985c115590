/** How the bench's seed pages write fast through the app's repositories (bench/browser/seed.ts, reception-seed.ts). */
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

/**
 * The device clock persists every tick (one IndexedDB write per record); seeding ticks an
 * in-memory copy and hands the last value to the device clock at the end, so the app's
 * next write still sorts after every seeded one.
 */
export function memoryClock(deviceId: string): RepoClock & { last(): Hlc | undefined } {
  let last: Hlc | undefined
  return { next: async () => formatHlc((last = tick(last, Date.now(), deviceId))), last: () => last }
}
