/** BB-8, BB-13: the notices a month's statement carries, so the subscriber has them on paper too. */
import { firstDayOf, lastDayOf, type YearMonth } from '@/core/shared/calendar-month'
import type { LocalDate } from '@/core/shared/units'
import { termsStanding, type TermsStanding } from './terms-notice'
import type { BroadbandNotice, Objection, WithId } from './types'

export interface StatementNotice {
  id: string
  notice: BroadbandNotice
  /** BB-13: where this subscriber stands on a change of terms on the statement date. */
  standing?: TermsStanding
}

/**
 * The notices posted in `month` that concern the account: those naming it, and those to every live account unless
 * its agreement had ended before the notice was posted (`endedOn`). Oldest first. A change of terms carries the
 * subscriber's standing on `statementDate` (their `objections`: to any notice, this one's are picked out).
 */
export function statementNotices(
  notices: readonly WithId<BroadbandNotice>[],
  accountId: string,
  month: YearMonth,
  statementDate: LocalDate,
  objections: readonly Objection[] = [],
  endedOn?: LocalDate,
): StatementNotice[] {
  const from = firstDayOf(month)
  const through = lastDayOf(month)
  return notices
    .filter(({ record: n }) => n.postedOn >= from && n.postedOn <= through)
    .filter(({ record: n }) => (n.accountIds ? n.accountIds.includes(accountId) : endedOn === undefined || endedOn >= n.postedOn))
    .sort((a, b) => a.record.postedAt - b.record.postedAt || (a.id < b.id ? -1 : 1))
    .map(({ id, record: notice }) => {
      if (notice.kind !== 'terms' || !notice.effectiveOn) return { id, notice }
      const theirs = objections.filter((o) => o.noticeId === id && o.accountId === accountId)
      return { id, notice, standing: termsStanding({ effectiveOn: notice.effectiveOn }, theirs, statementDate) }
    })
}
