/**
 * MEM-2: when each tier may come in. All dates and times are read in
 * `settings.timeZone`; a window opens at `from` (inclusive) and closes at `to`
 * (exclusive): 19:00 is open, 21:30 is closed.
 */
import { addDaysTo, instantOf, localPartsOf, minutesOf, weekdayOf } from '@/core/shared/local-date'
import type { CalendarOverride, LocalDate, LocalTime, MembershipSettings } from './types'

/** How far `nextOpening` looks: a year and a few days, so an annual closure cannot hide the next opening. */
const searchDays = 370

/**
 * The override deciding `date` for `tierId`, if any. When several cover the
 * date, one naming the tier beats one for all tiers (a VIP-only opening inside
 * a general holiday closure); among equals, the one entered last wins.
 */
export function overrideFor(overrides: CalendarOverride[], tierId: string, date: LocalDate): CalendarOverride | undefined {
  const covering = overrides.filter((o) => o.from <= date && date <= o.to && (o.tiers === undefined || o.tiers.includes(tierId)))
  return covering.findLast((o) => o.tiers !== undefined) ?? covering.at(-1)
}

/** MEM-2: the opening windows of `tierId` on `date`, the override's if one applies, else the weekly pattern's. Unknown tier: none. */
export function windowsOn(settings: MembershipSettings, tierId: string, date: LocalDate): { from: LocalTime; to: LocalTime }[] {
  const override = overrideFor(settings.overrides, tierId, date)
  if (override) return override.closed ? [] : (override.hours ?? [])
  const weekday = weekdayOf(date)
  return settings.tiers.find((t) => t.id === tierId)?.hours.filter((w) => w.weekday === weekday) ?? []
}

/** MEM-2: may a member of `tierId` be in at `instant`? */
export function isOpenAt(settings: MembershipSettings, tierId: string, instant: number): boolean {
  const { date, minutes } = localPartsOf(instant, settings.timeZone)
  return windowsOn(settings, tierId, date).some((w) => minutesOf(w.from) <= minutes && minutes < minutesOf(w.to))
}

/**
 * MEM-2: the instant the next window of `tierId` opens, at or after `instant`
 * (a window that opened earlier and is still open does not count: this is for
 * telling a member refused outside hours when to come back). Looks at most
 * 370 days ahead; `undefined` when nothing opens in that time.
 */
export function nextOpening(settings: MembershipSettings, tierId: string, instant: number): number | undefined {
  const today = localPartsOf(instant, settings.timeZone).date
  for (let d = 0; d <= searchDays; d++) {
    const date = addDaysTo(today, d)
    const starts = windowsOn(settings, tierId, date)
      .map((w) => instantOf(date, w.from, settings.timeZone))
      .filter((start) => start >= instant)
    if (starts.length > 0) return Math.min(...starts)
  }
  return undefined
}
