/** BB-8, BB-13 (issue 14): the notices a subscriber sees on their own account. */
import { statementNotices, type StatementNotice } from '@/core/broadband/statement-notices'
import type { TermsStanding } from '@/core/broadband/terms-notice'
import type { BroadbandNotice, Objection, WithId } from '@/core/broadband/types'
import { monthOf } from '@/core/shared/calendar-month'
import type { OwnSlice } from './broadband-slice'
import type { SelfNotice } from './schemas'

// Every standing but `open` and `accepted` comes from an objection raised in time (`termsStanding`).
const afterObjection: ReadonlySet<TermsStanding> = new Set<TermsStanding>(['objected', 'agreed', 'ended'])

function selfNotice({ id, notice: n, standing }: StatementNotice): SelfNotice {
  return {
    id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    postedOn: n.postedOn,
    ...(n.startsAt !== undefined ? { startsAt: n.startsAt } : {}),
    ...(n.endsAt !== undefined ? { endsAt: n.endsAt } : {}),
    ...(n.effectiveOn !== undefined ? { effectiveOn: n.effectiveOn } : {}),
    ...(standing !== undefined ? { objected: afterObjection.has(standing) } : {}),
  }
}

/**
 * The notices concerning the account, newest first: for each month a notice was posted in, the ones its statement
 * carries (`statementNotices`: naming the account, or to every live account while its agreement had not ended),
 * with a change of terms' standing today; `objected` when the subscriber objected in time (BB-13). A notice to
 * every account posted before this agreement was made never concerned it, and is left out.
 */
export function accountNotices(s: OwnSlice, notices: readonly WithId<BroadbandNotice>[], objections: readonly Objection[]): SelfNotice[] {
  const theirs = objections.filter((o) => o.accountId === s.accountId)
  const months = [...new Set(notices.map((n) => monthOf(n.record.postedOn)))].sort().reverse()
  return months.flatMap((month) =>
    statementNotices(notices, s.accountId, month, s.today, theirs, s.state.terminatedOn)
      .filter((n) => n.notice.postedAt >= s.agreement.createdAt)
      .reverse()
      .map(selfNotice),
  )
}
