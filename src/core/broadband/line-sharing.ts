/** BB-10: the back-charge for sharing the line through a router. */
import { dueDateOf } from './bill-run'
import type { Plan } from './types'
import { firstDayOf, monthOf, sameDayMonthsLater, type YearMonth } from '@/core/shared/calendar-month'
import type { Fen, LocalDate } from '@/core/shared/units'

export type LineSharingBackCharge = {
  amount: Fen
  month: YearMonth
  due: LocalDate
  resumesOn: LocalDate
  detail: { kind: 'line-sharing'; terminals: number; singlePortFee: Fen }
}

/**
 * BB-10: found on `foundOn` with `extraTerminals` terminals beyond the one the plan covers: the single-port
 * monthly fee for each, back-charged for the month found and due with that month's fee (its last day); service
 * resumes only on the first day of the next month. A plan whose single-port fee is 0 gives an amount of 0: the
 * caller posts no entry then (a ledger entry is always more than 0).
 */
export function lineSharingBackCharge(extraTerminals: number, plan: Plan, foundOn: LocalDate): LineSharingBackCharge | { problem: 'terminals-not-positive' } {
  if (!Number.isSafeInteger(extraTerminals) || extraTerminals <= 0) return { problem: 'terminals-not-positive' }
  const month = monthOf(foundOn)
  return {
    amount: extraTerminals * plan.singlePortFee,
    month,
    due: dueDateOf(month),
    resumesOn: firstDayOf(monthOf(sameDayMonthsLater(foundOn, 1))),
    detail: { kind: 'line-sharing', terminals: extraTerminals, singlePortFee: plan.singlePortFee },
  }
}
