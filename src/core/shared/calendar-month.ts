/** Calendar months of local dates (`YYYY-MM-DD`): the month a date is in, its length, the same day months later. */
import type { LocalDate } from './units'

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** `YYYY-MM` of a local date. */
export type YearMonth = string

function partsOf(date: LocalDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`not a local date (YYYY-MM-DD): ${date}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** The month `date` is in. */
export const monthOf = (date: LocalDate): YearMonth => date.slice(0, 7)

/** Days in a month: 28 to 31 (February 29 in leap years). */
export function daysInMonth(month: YearMonth): number {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m, 0)).getUTCDate()
}

/** The first day of `month`. */
export const firstDayOf = (month: YearMonth): LocalDate => `${month}-01`

/** The last day of `month`. */
export const lastDayOf = (month: YearMonth): LocalDate => `${month}-${pad2(daysInMonth(month))}`

/**
 * The same day of the month `n` months after `date`, or that month's last day when it is shorter:
 * 2027-01-31 + 1 → 2027-02-28, 2028-01-31 + 1 → 2028-02-29, 2027-03-31 − 1 → 2027-02-28.
 */
export function sameDayMonthsLater(date: LocalDate, n: number): LocalDate {
  const [year, month, day] = partsOf(date)
  const target = year * 12 + (month - 1) + n
  const targetMonth = `${Math.floor(target / 12)}-${pad2((target % 12) + 1)}`
  return `${targetMonth}-${pad2(Math.min(day, daysInMonth(targetMonth)))}`
}
