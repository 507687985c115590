import type { SelfBroadbandAccount, SelfBroadbandMonth } from '@/core/self-service/schemas'
import { lastDayOf } from '@/core/shared/calendar-month'
import type { Fen, LocalDate } from '@/core/shared/units'

/** What one broadband account asks of the member now: its balance and its latest statement. */
export interface DueNow {
  accountId: string
  accountNo: string
  /** Owed now (positive) or held in credit (negative). */
  balance: Fen
  latest?: { month: string; closing: Fen; due: LocalDate }
}

/**
 * The home page's "due now", one row per account: the balance, and the latest statement's closing balance
 * with its due day (a month's fee is due on the month's last day, as the counter counts it).
 */
export function dueNow(accounts: readonly SelfBroadbandAccount[], latest: Readonly<Record<string, SelfBroadbandMonth | undefined>>): DueNow[] {
  return accounts.map((a) => {
    const month = latest[a.accountId]
    const row: DueNow = { accountId: a.accountId, accountNo: a.accountNo, balance: a.balance }
    if (month) row.latest = { month: month.month, closing: month.closing, due: lastDayOf(month.month) }
    return row
  })
}

/** Months newest first, whatever order they were stored in. */
export const newestFirst = (months: readonly string[]): string[] => [...months].sort().reverse()
