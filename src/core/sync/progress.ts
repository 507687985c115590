/** Issue 13: how far a first sync of a database has got, and roughly how long the rest will take. */
export interface SyncProgress {
  database: string
  /** Documents taken in so far. */
  done: number
  /** Documents the server held when the pull began. */
  total: number
  /** When the pull began (epoch ms). */
  startedAt: number
}

/** Below these, a rate says little (the first page includes opening the replica): no estimate yet. */
const leastDone = 200
const leastElapsedMs = 2_000

/**
 * The share done (0–100, whole) and the seconds left at the rate so far, rounded up to 5 s (a count that jumps by
 * one every second reads as noise); no estimate until enough is done to go by, none once everything is in.
 */
export function progressEstimate(p: SyncProgress, now: number): { percent: number; secondsLeft?: number } {
  const done = Math.min(p.done, p.total)
  const percent = p.total > 0 ? Math.floor((100 * done) / p.total) : 100
  const elapsed = now - p.startedAt
  if (done >= p.total || done < leastDone || elapsed < leastElapsedMs) return { percent }
  const secondsLeft = ((p.total - done) * elapsed) / done / 1000
  return { percent, secondsLeft: Math.max(5, Math.ceil(secondsLeft / 5) * 5) }
}
