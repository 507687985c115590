import { noticeWindow } from '@/core/broadband/agreement-check'
import { ageingOn, arrearsOn, balanceOf } from '@/core/broadband/ledger-fold'
import { agreementState } from '@/core/broadband/status-fold'
import type { Agreement, DuplicateReview, LedgerLine, StatusChange, WithId } from '@/core/broadband/types'
import type { LocalDate } from '@/core/shared/units'
import { accountActions, arrearsBanner, type NoticeState } from '@/core/broadband/account-actions'

export interface AccountSlice {
  agreement: Agreement
  changes: readonly WithId<StatusChange>[]
  lines: readonly LedgerLine[]
  reviews?: readonly DuplicateReview[]
  today: LocalDate
}

/** BB-12: written notice is taken from 30 days before the cycle ends through its last day (agreement-check.ts). */
function noticeState(cycleEnd: LocalDate, today: LocalDate): NoticeState {
  const window = noticeWindow(cycleEnd, today)
  return window.open ? { open: true } : { open: false, opensOn: window.opensOn }
}

/**
 * What the account page shows, folded from one account's slice every time (never stored): the status from its
 * events (BB-1), the balance, what is overdue and its ageing from the ledger (BB-2), the BB-3 banner and which
 * actions are open.
 */
export function accountView(s: AccountSlice) {
  const state = agreementState(s.changes)
  const arrears = arrearsOn(s.lines, s.today, s.reviews)
  return {
    status: state.status,
    state,
    balance: balanceOf(s.lines, s.reviews),
    arrears: arrears.overdue,
    ageing: ageingOn(s.lines, s.today, s.reviews),
    banner: arrearsBanner(arrears.overdue),
    actions: accountActions({ status: state.status, arrears: arrears.overdue, notice: noticeState(s.agreement.cycleEnd, s.today) }),
  }
}

export type AccountView = ReturnType<typeof accountView>
