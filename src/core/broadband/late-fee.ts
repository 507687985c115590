/**
 * BB-5: the late fee, as a formula a statement can show (amount × days × 3‰ for each stretch, rounded once).
 *
 * The fee is cumulative: each statement works out everything through its date and posts the difference from what
 * earlier statements charged, so rounding happens once over the whole history and a payment that arrives late
 * (taken offline, dated before a statement) corrects the next statement instead of being lost.
 * Suspension and termination do not enter: the fee accrues on what the ledger says is owed.
 */
import { monthOf } from '@/core/shared/calendar-month'
import { dateOfDayNumber, dayNumberOf } from '@/core/shared/day-number'
import { roundHalfUpToFen } from '@/core/shared/money'
import type { Fen, LocalDate } from '@/core/shared/units'
import { lateFeePerMille } from './late-fee-days'
import { byAtThenId, countedLines, dueOf, isLateFeeCredit, isPrincipal } from './ledger-fold'
import type { DuplicateReview, LateFeeSegment, LedgerEntry, LedgerLine } from './types'

/** BB-5: the late fee through a day, with the numbers behind it. */
export interface LateFeeFormula {
  through: LocalDate
  perMille: number
  /** Maximal runs of days with the same base amount (days with nothing overdue are left out). */
  segments: LateFeeSegment[]
  /** Σ amount × days × perMille ÷ 1000, rounded once, half a fen up. */
  cumulative: Fen
  /** Late fees already posted on or before `through` (late-fee debits less late-fee credits). */
  charged: Fen
  /** cumulative − charged: negative when a statement charged too much. */
  due: Fen
}

/**
 * BB-5: late-fee-days.ts `firstLateFeeDay` as a day number, without its string round trips (a statement asks it for
 * every charge of years of history): the same day one calendar month on, or that month's last day, then the day after.
 */
export function firstLateFeeDayNumber(due: LocalDate): number {
  const [year, month, day] = [Number(due.slice(0, 4)), Number(due.slice(5, 7)), Number(due.slice(8, 10))]
  // Date.UTC's months count from 0: `month` is the next month, and day 0 of the one after is its last day.
  const nextMonthLength = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(day, nextMonthLength)) / 86_400_000 + 1
}

// A principal debit as the late fee sees it, in the order credits pay it; days as day numbers (day-number.ts).
interface Principal {
  amount: Fen
  postedOn: number
  /** Infinity for a refund, which takes credits like principal but never accrues a fee. */
  accruesFrom: number
}

// One dated change to the credit pools: a credit, a late-fee credit or a late-fee debit.
interface PoolEvent {
  on: number
  credit: Fen
  lateFeeCredit: Fen
  lateFee: Fen
}

interface Ledger {
  principal: Principal[]
  events: PoolEvent[]
  charged: Fen
}

function ledgerThrough(lines: readonly LedgerLine[], through: LocalDate, reviews?: readonly DuplicateReview[]): Ledger {
  const principalLines: LedgerLine[] = []
  const events: PoolEvent[] = []
  let charged = 0
  const days = new Map<LocalDate, number>()
  const dayOf = (date: LocalDate): number => {
    let n = days.get(date)
    if (n === undefined) days.set(date, (n = dayNumberOf(date)))
    return n
  }
  for (const l of countedLines(lines, reviews).counted) {
    const { kind, amount } = l.record
    if (l.record.on > through) continue
    const on = dayOf(l.record.on)
    if (isPrincipal(kind)) principalLines.push(l)
    else if (kind === 'late-fee') {
      events.push({ on, credit: 0, lateFeeCredit: 0, lateFee: amount })
      charged += amount
    } else if (isLateFeeCredit(l)) {
      events.push({ on, credit: 0, lateFeeCredit: amount, lateFee: 0 })
      charged -= amount
    } else events.push({ on, credit: amount, lateFeeCredit: 0, lateFee: 0 })
  }
  // Credits pay principal oldest due first (ledger-fold.ts allocatedOn): the same order here.
  const ordered = principalLines.map((l) => ({ l, due: dueOf(l) }))
  ordered.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : byAtThenId(a.l, b.l)))
  const principal = ordered.map(({ l, due }): Principal => {
    const postedOn = dayOf(l.record.on)
    // A back-charge posted after its first late-fee day accrues from the day it was posted.
    const accruesFrom = l.record.kind === 'refund' ? Infinity : Math.max(firstLateFeeDayNumber(due), postedOn)
    return { amount: l.record.amount, postedOn, accruesFrom }
  })
  events.sort((a, b) => a.on - b.on)
  return { principal, events, charged }
}

// The overdue principal on `day`, given the credit pools of the entries posted on or before it.
function baseOn(principal: readonly Principal[], day: number, credits: Fen, lateFeeCredits: Fen, lateFees: Fen): Fen {
  // A late-fee credit pays late fees first; only what is left of it reaches principal.
  let pool = credits + Math.max(0, lateFeeCredits - lateFees)
  let base = 0
  for (const item of principal) {
    if (item.postedOn > day) continue
    const paid = Math.min(pool, item.amount)
    pool -= paid
    if (item.accruesFrom <= day) base += item.amount - paid
  }
  return base
}

/**
 * BB-5: the cumulative late fee through `through` (inclusive): for each day d, 3‰ of the overdue principal
 * (charges and back-charges only, never late fees or refunds, so it never compounds) whose first late-fee day is
 * on or before d, after allocating the credits posted on or before d (a payment on day d stops that day's fee).
 * Summed exactly in whole units (amount × days × 3) and rounded once. Worked by stretches between the days
 * something changes, not day by day.
 */
export function lateFeeThrough(lines: readonly LedgerLine[], through: LocalDate, reviews?: readonly DuplicateReview[]): LateFeeFormula {
  const { principal, events, charged } = ledgerThrough(lines, through, reviews)
  const last = dayNumberOf(through)
  const changes = new Set<number>()
  for (const item of principal) {
    changes.add(item.postedOn)
    if (item.accruesFrom <= last) changes.add(item.accruesFrom)
  }
  for (const event of events) changes.add(event.on)
  const days = [...changes].sort((a, b) => a - b)

  // Stretches as [from, through] day numbers, merged while the base stays the same.
  const stretches: { amount: Fen; from: number; through: number }[] = []
  let credits = 0
  let lateFeeCredits = 0
  let lateFees = 0
  let next = 0
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!
    for (; next < events.length && events[next]!.on <= day; next++) {
      credits += events[next]!.credit
      lateFeeCredits += events[next]!.lateFeeCredit
      lateFees += events[next]!.lateFee
    }
    const base = baseOn(principal, day, credits, lateFeeCredits, lateFees)
    if (base <= 0) continue
    const end = i + 1 < days.length ? days[i + 1]! - 1 : last
    const previous = stretches.at(-1)
    if (previous && previous.amount === base && previous.through + 1 === day) previous.through = end
    else stretches.push({ amount: base, from: day, through: end })
  }
  let sum = 0
  const segments = stretches.map(({ amount, from, through: to }): LateFeeSegment => {
    const count = to - from + 1
    sum += amount * count * lateFeePerMille
    return { amount, from: dateOfDayNumber(from), through: dateOfDayNumber(to), days: count }
  })
  const cumulative = roundHalfUpToFen(sum, 1000)
  return { through, perMille: lateFeePerMille, segments, cumulative, charged, due: cumulative - charged }
}

/**
 * BB-5: the ledger entry (without id) a statement on `statementDate` posts for the late fee, or undefined when
 * nothing is due: a `late-fee` debit, or a `credit` with the late-fee detail when earlier statements charged too much.
 */
export function lateFeeEntry(
  accountId: string,
  lines: readonly LedgerLine[],
  statementDate: LocalDate,
  by: string,
  at: number,
  reviews?: readonly DuplicateReview[],
): LedgerEntry | undefined {
  const own = lines.filter((l) => l.record.accountId === accountId)
  const formula = lateFeeThrough(own, statementDate, reviews)
  if (formula.due === 0) return undefined
  const { through, segments, perMille, cumulative, charged } = formula
  return {
    accountId,
    kind: formula.due > 0 ? 'late-fee' : 'credit',
    amount: Math.abs(formula.due),
    on: statementDate,
    at,
    by,
    month: monthOf(statementDate),
    detail: { kind: 'late-fee', through, segments, perMille, cumulative, charged },
  }
}
