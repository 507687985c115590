/** REC-4, REC-6: when the building closes on a day, read from the organisation's hours and holidays. */
import type { OrganisationSettings } from '@/core/organisation/types'
import { addDaysTo, instantOf, localDateOf, weekdayOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'

export type BuildingClock = Pick<OrganisationSettings, 'timeZone' | 'hours' | 'holidays'>

/** The instant the building closes on `day`; undefined on a holiday or a weekday with no hours. */
export function closingTimeOf(day: LocalDate, org: BuildingClock): number | undefined {
  // As buildingOpenAt reads them: a holiday closes the whole date, a weekday not listed is closed.
  if (org.holidays.some((h) => h.date === day)) return undefined
  const hours = org.hours[`${weekdayOf(day)}`]
  return hours ? instantOf(day, hours.closes, org.timeZone) : undefined
}

/** The first instant of the next local day. */
export function endOfDay(day: LocalDate, tz: string): number {
  return instantOf(addDaysTo(day, 1), '00:00', tz)
}

/**
 * The closing time of the day `at` falls on, when it is still ahead of `at`; otherwise (the building closed
 * that day, or already closed when `at` came) the end of that local day. Never earlier than `at`.
 */
export function closingAfter(at: number, org: BuildingClock): number {
  const day = localDateOf(at, org.timeZone)
  const closes = closingTimeOf(day, org)
  return closes !== undefined && closes > at ? closes : endOfDay(day, org.timeZone)
}
