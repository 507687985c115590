/** BB-2, BB-5, BB-6: which accounts a month's bill run charges, and the ledger entries it posts. */
import type { AgreementState } from './status-fold'
import type { LedgerEntry } from './types'
import { daysInMonth, firstDayOf, lastDayOf, monthOf, type YearMonth } from '@/core/shared/calendar-month'
import { daysBetween } from '@/core/shared/local-date'
import { roundHalfUpToFen } from '@/core/shared/money'
import type { Fen, LocalDate } from '@/core/shared/units'

/** BB-2: a month's fee is due on the month's last day (BB-4 dunning and BB-5 late fees count from it). */
export const dueDateOf = (month: YearMonth): LocalDate => lastDayOf(month)

export interface BillableAccount {
  accountId: string
  monthlyFee: Fen
  state: AgreementState
}

/** `days`/`daysInMonth` only for the month service started in, part-billed (BB-6). */
export interface PlannedCharge {
  accountId: string
  amount: Fen
  monthlyFee: Fen
  days?: number
  daysInMonth?: number
}

export type SkipReason = 'already-billed' | 'pending' | 'terminated' | 'not-started'

export interface BillRunPlan {
  month: YearMonth
  due: LocalDate
  charges: PlannedCharge[]
  skipped: Array<{ accountId: string; why: SkipReason }>
  total: Fen
}

/**
 * Why an account is not charged for `month`, if it is not. A terminated account is skipped unless it was
 * terminated after the month's due date: it was live the whole month, so a late run still bills it (BB-5: no fee
 * accrues after termination, but this one accrued before). Already billed comes first: it is what the ledger says.
 */
function skipReason(account: BillableAccount, billed: ReadonlySet<string>, month: YearMonth): SkipReason | undefined {
  const { status, serviceStart, terminatedOn } = account.state
  if (billed.has(account.accountId)) return 'already-billed'
  if (status === 'pending') return 'pending'
  if (status === 'terminated' && (serviceStart === undefined || terminatedOn === undefined || terminatedOn <= dueDateOf(month))) return 'terminated'
  if (serviceStart === undefined || serviceStart > lastDayOf(month)) return 'not-started'
  return undefined
}

/** The month's fee, or for the month service started in: days from the start × fee ÷ days in the month, half up. */
function chargeFor(account: BillableAccount, month: YearMonth): PlannedCharge {
  const { accountId, monthlyFee } = account
  const start = account.state.serviceStart
  if (start === undefined || monthOf(start) !== month || start === firstDayOf(month)) return { accountId, amount: monthlyFee, monthlyFee }
  const length = daysInMonth(month)
  const days = daysBetween(start, lastDayOf(month)) + 1
  return { accountId, amount: roundHalfUpToFen(days * monthlyFee, length), monthlyFee, days, daysInMonth: length }
}

/**
 * Which accounts a month's bill run charges: active and suspended ones (the fee keeps accruing while suspended,
 * BB-5); not pending, not terminated (BB-5), not one whose service starts after the month (nothing before service
 * starts, BB-6), not one already charged for the month (`billed`: ids with a charge for the month on this device).
 * A month that has not begun by `today` is refused. Run twice, the second run charges nobody twice: that is what
 * makes it idempotent on one device; across offline devices the ledger fold counts one charge per (account, month).
 */
export function billRunPreview(accounts: readonly BillableAccount[], billed: ReadonlySet<string>, month: YearMonth, today: LocalDate): BillRunPlan | { problem: 'month-not-begun' } {
  if (today < firstDayOf(month)) return { problem: 'month-not-begun' }
  const charges: PlannedCharge[] = []
  const skipped: BillRunPlan['skipped'] = []
  for (const account of accounts) {
    const why = skipReason(account, billed, month)
    if (why) skipped.push({ accountId: account.accountId, why })
    else charges.push(chargeFor(account, month))
  }
  return { month, due: dueDateOf(month), charges, skipped, total: charges.reduce((sum, c) => sum + c.amount, 0) }
}

/**
 * The ledger entries a confirmed plan posts, one `charge` per planned charge. A charge that rounds to 0 fen (a fee
 * of a few fen part-billed) posts nothing: a ledger entry is always more than 0.
 */
export function chargeEntries(plan: BillRunPlan, run: string, by: string, at: number, today: LocalDate): LedgerEntry[] {
  return plan.charges
    .filter((c) => c.amount > 0)
    .map((c) => ({
      accountId: c.accountId,
      kind: 'charge',
      amount: c.amount,
      on: today,
      at,
      by,
      month: plan.month,
      due: plan.due,
      detail: { kind: 'monthly-fee', run, monthlyFee: c.monthlyFee, ...(c.days === undefined ? {} : { days: c.days, daysInMonth: c.daysInMonth }) },
    }))
}
