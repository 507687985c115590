/**
 * BB-2, BB-5: an account's statement for one month, folded from its ledger: every line with its running balance,
 * and the late-fee formula, arrears and ageing on the statement date. Nothing here is stored; a statement
 * reopened later gives the same numbers unless entries dated in or before the month arrived since.
 */
import { firstDayOf, lastDayOf, monthOf, type YearMonth } from '@/core/shared/calendar-month'
import type { Fen, LocalDate } from '@/core/shared/units'
import { lateFeeThrough, type LateFeeFormula } from './late-fee'
import { ageingOn, arrearsOn, byAtThenId, countedLines, isDebit, type Ageing, type Arrears, type DuplicateCharge } from './ledger-fold'
import type { DuplicateReview, LedgerEntry, LedgerLine } from './types'

/** One line of a statement: the entry, which column its amount goes in, and the balance after it. */
export interface StatementLine {
  id: string
  entry: LedgerEntry
  debit: Fen
  credit: Fen
  /** The running balance after this line. */
  balance: Fen
}

export interface Statement {
  accountId: string
  month: string
  from: LocalDate
  through: LocalDate
  opening: Fen
  lines: StatementLine[]
  debits: Fen
  credits: Fen
  /** opening + debits − credits. */
  closing: Fen
  lateFee: LateFeeFormula
  arrears: Arrears
  ageing: Ageing
  /** The account's months charged more than once that touch this statement (billing this month, or posted in it). */
  duplicates: DuplicateCharge[]
}

function byOnThenAtThenId(a: LedgerLine, b: LedgerLine): number {
  return a.record.on < b.record.on ? -1 : a.record.on > b.record.on ? 1 : byAtThenId(a, b)
}

/**
 * Per account per month: opening balance (counted entries before the 1st), every counted entry posted in the month
 * in (on, at, id) order with its running balance, closing = opening + debits − credits; the late-fee formula,
 * arrears and ageing through `statementDate` (default: the month's last day).
 */
export function statementOf(
  accountId: string,
  lines: readonly LedgerLine[],
  month: YearMonth,
  statementDate?: LocalDate,
  reviews?: readonly DuplicateReview[],
): Statement {
  const own = lines.filter((l) => l.record.accountId === accountId)
  const from = firstDayOf(month)
  const through = lastDayOf(month)
  const day = statementDate ?? through
  const { counted, duplicates } = countedLines(own, reviews)

  let opening = 0
  const inMonth: LedgerLine[] = []
  for (const l of counted) {
    const { on, kind, amount } = l.record
    if (on < from) opening += isDebit(kind) ? amount : -amount
    else if (on <= through) inMonth.push(l)
  }
  let balance = opening
  let debits = 0
  let credits = 0
  const statementLines = inMonth.sort(byOnThenAtThenId).map((l): StatementLine => {
    const debited = isDebit(l.record.kind)
    const debit = debited ? l.record.amount : 0
    const credit = debited ? 0 : l.record.amount
    debits += debit
    credits += credit
    balance += debit - credit
    return { id: l.id, entry: l.record, debit, credit, balance }
  })

  return {
    accountId,
    month,
    from,
    through,
    opening,
    lines: statementLines,
    debits,
    credits,
    closing: opening + debits - credits,
    lateFee: lateFeeThrough(own, day, reviews),
    arrears: arrearsOn(own, day, reviews),
    ageing: ageingOn(own, day, reviews),
    duplicates: duplicates.filter((d) => d.month === month || d.lines.some((l) => monthOf(l.record.on) === month)),
  }
}
