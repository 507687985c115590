import type { OpenedNotice } from '@/storage/notices.repo'

/** A notice older than this when the list is first read (an unlock, a sign-in) is listed, not announced again. */
export const announceWithinMs = 10 * 60_000

/**
 * REC-3: follows the signed-in user's unacknowledged notices (`watch`, the repository's live query): every list
 * goes to `onList`, and each notice seen for the first time goes to `announce` (the system notification),
 * except those already old when following began. Returns the stop function.
 */
export function followNotices(
  watch: (next: (notices: OpenedNotice[]) => void) => () => void,
  onList: (notices: OpenedNotice[]) => void,
  announce: (notice: OpenedNotice) => void,
  now: () => number = Date.now,
): () => void {
  const seen = new Set<string>()
  let first = true
  return watch((notices) => {
    onList(notices)
    for (const n of notices) {
      if (seen.has(n.id)) continue
      seen.add(n.id)
      if (!first || now() - n.at <= announceWithinMs) announce(n)
    }
    first = false
  })
}
