/** Issue 14: one broadband account's records as the self-service views read them, cut to that account (CONF-11). */
import { accountActions } from '@/core/broadband/account-actions'
import { noticeWindow } from '@/core/broadband/agreement-check'
import { arrearsOn } from '@/core/broadband/ledger-fold'
import { agreementState, type AgreementState } from '@/core/broadband/status-fold'
import type { ActionState } from '@/core/broadband/account-actions'
import type { Agreement, Dispute, DuplicateReview, LedgerLine, StatusChange, WithId } from '@/core/broadband/types'
import { lastDayOf, type YearMonth } from '@/core/shared/calendar-month'
import type { LocalDate } from '@/core/shared/units'

/** What the account page reads of one account (its `parent` slices), plus the day and the fold's instant. */
export interface BroadbandSlice {
  accountId: string
  agreement: Agreement
  changes: readonly WithId<StatusChange>[]
  lines: readonly LedgerLine[]
  reviews?: readonly DuplicateReview[]
  disputes: readonly WithId<Dispute>[]
  /** The organisation's date today: statement dates, dispute windows and arrears are counted to it. */
  today: LocalDate
  /** When the view is folded (`foldedAt`). */
  now: number
}

/** The slice with every record of another account left out, and the agreement's status folded. */
export interface OwnSlice extends BroadbandSlice {
  reviews: readonly DuplicateReview[]
  state: AgreementState
}

/** CONF-11: a staff device may hand over more than one account's records; the view keeps only this account's. */
export function ownSlice(s: BroadbandSlice): OwnSlice {
  const changes = s.changes.filter((c) => c.record.accountId === s.accountId)
  return {
    ...s,
    changes,
    lines: s.lines.filter((l) => l.record.accountId === s.accountId),
    reviews: (s.reviews ?? []).filter((r) => r.accountId === s.accountId),
    disputes: s.disputes.filter((d) => d.record.accountId === s.accountId),
    state: agreementState(changes),
  }
}

/** The counter's statement date for `month`: its last day, or today while the month is still running. */
export function statementDateOf(month: YearMonth, today: LocalDate): LocalDate {
  const last = lastDayOf(month)
  return today < last ? today : last
}

/** BB-3, BB-7: the account page's dispute gate today (closed in arrears), as `accountView` works it out. */
export function disputeGate(s: OwnSlice): ActionState {
  const cycle = noticeWindow(s.agreement.cycleEnd, s.today)
  const notice = cycle.open ? ({ open: true } as const) : { open: false as const, opensOn: cycle.opensOn }
  return accountActions({ status: s.state.status, arrears: arrearsOn(s.lines, s.today, s.reviews).overdue, notice }).dispute
}
