import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * The re-index of desk records sealed without slice indexes (slice-index.ts), in the background, one run at a
 * time. Such records come only from other devices (an older app version). A run reads every desk record's key (a
 * quarter of a million a few years in): a scan would wait behind it, so it runs after the day's read, only when
 * some arrived since the last run (in this session or an earlier one), and at most every few minutes. Until a
 * first run has finished here, slice reads wait for one: it starts at once.
 */
export function createDeskReindex(storage: Pick<LobbyStorage, 'desk' | 'deskArrivals'>, clock: { now: () => number }) {
  let reindexing: Promise<unknown> | undefined
  let stopReindex: AbortController | undefined
  // When a run last finished (kept over a lock: the device-local entries it made stay).
  let reindexedAt: number | undefined
  let arrivalsAtReindex = 0
  const reindexEveryMs = 5 * 60_000

  function start() {
    if (reindexing) return
    const stop = (stopReindex = new AbortController())
    const startedWith = storage.deskArrivals.count()
    const run: Promise<unknown> = storage.desk
      .reindex({ signal: stop.signal })
      .then(async () => {
        if (stop.signal.aborted) return
        reindexedAt = clock.now()
        arrivalsAtReindex = startedWith
        await storage.deskArrivals.settle(startedWith)
      })
      .catch(() => undefined)
      .finally(() => {
        if (reindexing === run) reindexing = undefined // a lock since then has already let it go
      })
    reindexing = run
  }

  /** Starts a run after `read` when one is owed: at once while no run has finished here. */
  async function ifOwed(read: Promise<unknown>) {
    const later = () => void read.then(start, () => undefined)
    if (reindexedAt !== undefined) {
      if (storage.deskArrivals.count() !== arrivalsAtReindex && clock.now() - reindexedAt >= reindexEveryMs) later()
      return
    }
    if (!(await storage.desk.indexed())) return start()
    if (await storage.deskArrivals.unsettled()) return later()
    reindexedAt = clock.now()
    arrivalsAtReindex = storage.deskArrivals.count()
  }

  /** The app locks: a run in progress stops (it resumes from scratch after the next unlock). */
  function stop() {
    stopReindex?.abort()
    reindexing = undefined
  }

  return { ifOwed, stop }
}
