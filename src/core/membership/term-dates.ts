/** MEM-7: the dates of a membership term and where a renewal starts. */
import { addDaysTo, isLocalDate } from '@/core/shared/local-date'
import type { LocalDate, Term } from './types'

/** Calendar months in each term. */
export const monthsIn: Record<Term, number> = { month: 1, halfYear: 6, year: 12 }

const pad2 = (n: number): string => String(n).padStart(2, '0')

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * MEM-7: the last day (inclusive) of a `term` starting on `start`.
 *
 * The rule is "the day before the same day of the month N months later"
 * (month = 1, half-year = 6, year = 12): 2027-01-15 → 2027-02-14. When that
 * day does not exist in the target month (the 29th–31st), the term ends on the
 * target month's last day instead: 2027-01-31, 01-30 and 01-29 all end on
 * 2027-02-28; 2028-01-31 → 2028-02-29; a year from 2028-02-29 ends
 * 2029-02-28. Put another way, the next term starts on the same day N months
 * later, or on the 1st of the month after when that day is missing — so a
 * month never comes up short, and back-to-back renewals leave no gap.
 * (2028-02-29 → 2028-03-28: the 29th exists in March.)
 */
export function termEnd(start: LocalDate, term: Term): LocalDate {
  if (!isLocalDate(start)) throw new RangeError(`not a local date (YYYY-MM-DD): ${start}`)
  const [year, month, day] = start.split('-').map(Number) as [number, number, number]
  const target = month - 1 + monthsIn[term] // zero-based, may run past December
  const targetYear = year + Math.floor(target / 12)
  const targetMonth = (target % 12) + 1
  const lastDay = daysInMonth(targetYear, targetMonth)
  if (day > lastDay) return `${targetYear}-${pad2(targetMonth)}-${pad2(lastDay)}`
  return addDaysTo(`${targetYear}-${pad2(targetMonth)}-${pad2(day)}`, -1)
}

/**
 * MEM-7: where a renewal's term starts. A membership still running (its end is
 * today or later) is extended from the day after its end, so no paid day is
 * lost; an expired one (or none) starts afresh today.
 */
export function renewalStart(currentEnd: LocalDate | undefined, today: LocalDate): LocalDate {
  return currentEnd !== undefined && currentEnd >= today ? addDaysTo(currentEnd, 1) : today
}
