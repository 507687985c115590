/**
 * Local dates as whole day numbers (days since 1970-01-01), for folds that step through many dates: parse each
 * date once, then compare and subtract integers. Same UTC arithmetic as local-date.ts, so no zone can shift a day.
 */
import type { LocalDate } from './units'

const dayMs = 86_400_000

/** The day number of a `YYYY-MM-DD` date (not checked: pass dates already checked by their schema). */
export function dayNumberOf(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * dayMs).toISOString().slice(0, 10)
}
