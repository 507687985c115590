import { sameDayMonthsLater } from '@/core/shared/calendar-month'
import { addDaysTo, daysBetween } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'

/** BB-5: the daily late-fee rate, in thousandths (3‰ a day, simple interest). */
export const lateFeePerMille = 3

/**
 * BB-5: the first day a late fee accrues on an amount due on `due`: the first day on which it is more than one
 * calendar month past due. Due 31 January: one month on is 28 February (29 in a leap year), so 1 March. Due
 * 15 January: 15 February is one month, so 16 February.
 */
export function firstLateFeeDay(due: LocalDate): LocalDate {
  return addDaysTo(sameDayMonthsLater(due, 1), 1)
}

/** BB-5: the late-fee days of an amount due on `due`, from its first late-fee day through `through`, both counted (0 before). */
export function lateFeeDays(due: LocalDate, through: LocalDate): number {
  return Math.max(0, daysBetween(firstLateFeeDay(due), through) + 1)
}
