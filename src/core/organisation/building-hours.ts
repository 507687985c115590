import { localPartsOf, minutesOf } from '@/core/shared/local-date'
import type { OrganisationSettings } from './types'

export type BuildingOpenAnswer =
  | { open: true; closes: string }
  | { open: false; reason: 'holiday'; holiday?: string }
  | { open: false; reason: 'closed-today' }
  | { open: false; reason: 'outside-hours' }

/**
 * Is the building open at `instant` (epoch ms), reading the weekly hours and holidays in `timeZone`?
 * A holiday closes the whole local date, whatever its weekday's hours.
 */
export function buildingOpenAt(instant: number, settings: Pick<OrganisationSettings, 'timeZone' | 'hours' | 'holidays'>): BuildingOpenAnswer {
  const local = localPartsOf(instant, settings.timeZone)
  const holiday = settings.holidays.find((h) => h.date === local.date)
  if (holiday) return { open: false, reason: 'holiday', ...(holiday.name ? { holiday: holiday.name } : {}) }
  const day = settings.hours[`${local.weekday}`]
  if (!day) return { open: false, reason: 'closed-today' }
  if (local.minutes < minutesOf(day.opens) || local.minutes >= minutesOf(day.closes)) return { open: false, reason: 'outside-hours' }
  return { open: true, closes: day.closes }
}
