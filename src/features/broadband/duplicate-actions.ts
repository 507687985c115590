import { countedLines, type DuplicateCharge } from '@/core/broadband/ledger-fold'
import type { DuplicateReview, LedgerLine } from '@/core/broadband/types'
import { monthOf, type YearMonth } from '@/core/shared/calendar-month'
import { addDaysTo } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { type BroadbandContext } from './broadband-actions'
import { reviewDuplicate } from './broadband-case-actions'
import type { RunClock } from './bill-run-actions'

/** A month charged twice on an account, with the account's number and name. */
export interface DuplicateRow extends DuplicateCharge {
  accountNo: string
  accountName: string
}

/** The months from `first` through `today`'s, oldest first. */
export function monthsThrough(first: YearMonth, today: LocalDate): YearMonth[] {
  const months: YearMonth[] = []
  for (let m = first; m <= monthOf(today); m = monthOf(addDaysTo(`${m}-28`, 7))) months.push(m)
  return months
}

/**
 * Months charged more than once (two offline bill runs), and which charge counts: each month's charges are read by
 * their month (the `day` index), from the month of the oldest agreement, never a payment or any other line.
 */
export async function duplicatesOn(ctx: BroadbandContext, today: LocalDate, monthsBack = 36): Promise<DuplicateRow[]> {
  const first = monthOf(addDaysTo(`${monthOf(today)}-01`, -31 * (monthsBack - 1)))
  const charges: LedgerLine[] = []
  for (const month of monthsThrough(first, today)) {
    for (const line of await ctx.records.ledger.onDay(`${month}-01`)) if (line.record.kind === 'charge' && line.record.month === month) charges.push(line)
  }
  const { duplicates } = countedLines(charges, [])
  if (!duplicates.length) return []
  const rows: DuplicateRow[] = []
  for (const d of duplicates) {
    const [agreement, reviews] = await Promise.all([ctx.records.agreements.get(d.accountId), ctx.records.duplicateReviews.byParent(d.accountId)])
    const reviewed = countedLines(d.lines, reviews.map((r) => r.record)).duplicates[0] ?? d
    rows.push({ ...reviewed, accountNo: agreement?.accountNo ?? '', accountName: agreement?.accountName ?? '' })
  }
  return rows.sort((x, y) => x.accountNo.localeCompare(y.accountNo) || x.month.localeCompare(y.month))
}

/** A manager keeps one of a month's charges as the one that counts (a `bb-duplicate-review`; the other stays on the ledger, not counted). */
export async function keepCharge(ctx: BroadbandContext, row: Pick<DuplicateRow, 'accountId' | 'month'>, entryId: string, clock: RunClock): Promise<void> {
  const review: DuplicateReview = { accountId: row.accountId, month: row.month, kept: entryId, reviewedBy: clock.userId, reviewedAt: clock.now }
  await reviewDuplicate(ctx, review)
}
