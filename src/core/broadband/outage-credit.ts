import { daysInMonth, monthOf, type YearMonth } from '@/core/shared/calendar-month'
import { addDaysTo, instantOf, localDateOf } from '@/core/shared/local-date'
import { roundHalfUpToFen } from '@/core/shared/money'
import type { Fen, LocalDate } from '@/core/shared/units'

/** BB-6: an outage as recorded: when it started and ended, whose fault, and when repair was promised by. */
export interface Outage {
  /** Epoch ms. */
  start: number
  /** Epoch ms: service back. The outage covers [start, end). */
  end: number
  businessCaused: boolean
  /** Epoch ms: the repair the business promised (an outage mended by then earns no credit). */
  promisedBy: number
}

/** BB-6: one calendar month's part of an outage credit, with the numbers the statement shows. */
export interface MonthCredit {
  month: YearMonth
  /** The local calendar days of this month the outage overlaps, each counted once. */
  days: number
  daysInMonth: number
  monthlyFee: Fen
  /** days × monthly fee ÷ days in the month, rounded half up to the fen. */
  credit: Fen
}

export type OutageCredit =
  | { due: true; months: MonthCredit[]; total: Fen }
  | { due: false; why: 'not-business-caused' | 'repaired-in-time' }

export type OutageProblem = 'end-before-start' | 'negative-fee'

/** The local calendar days [start, end) overlaps, in `tz`: an outage ending exactly at midnight does not touch the next day. */
export function affectedDays(start: number, end: number, tz: string): LocalDate[] {
  const first = localDateOf(start, tz)
  const days: LocalDate[] = []
  for (let day = first; instantOf(day, '00:00', tz) < end; day = addDaysTo(day, 1)) days.push(day)
  return days
}

/**
 * BB-6: the credit a business-caused outage not repaired within the promised time earns: per calendar month
 * it overlaps, affected days × monthly fee ÷ days in that month, rounded to the fen (an outage from 30 April
 * 22:00 to 2 May 01:00 is 1 day of April's 30 and 2 days of May's 31). A month wholly out is credited its fee.
 */
export function outageCredit(outage: Outage, monthlyFee: Fen, tz: string): OutageCredit | { problem: OutageProblem } {
  if (!(outage.end > outage.start)) return { problem: 'end-before-start' }
  if (!Number.isSafeInteger(monthlyFee) || monthlyFee < 0) return { problem: 'negative-fee' }
  if (!outage.businessCaused) return { due: false, why: 'not-business-caused' }
  if (outage.end <= outage.promisedBy) return { due: false, why: 'repaired-in-time' }
  const byMonth = new Map<YearMonth, number>()
  for (const day of affectedDays(outage.start, outage.end, tz)) byMonth.set(monthOf(day), (byMonth.get(monthOf(day)) ?? 0) + 1)
  const months = [...byMonth].map(([month, days]): MonthCredit => {
    const length = daysInMonth(month)
    return { month, days, daysInMonth: length, monthlyFee, credit: roundHalfUpToFen(days * monthlyFee, length) }
  })
  return { due: true, months, total: months.reduce((sum, m) => sum + m.credit, 0) }
}
