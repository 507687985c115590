/**
 * Calendar dates and wall-clock times in the organisation's time zone.
 * Dates the members see ("ends 2027-03-31") are `YYYY-MM-DD` strings, not
 * instants: date arithmetic on them is done in UTC, where every day has 24
 * hours, so no zone's daylight-saving change can shift a date. Only the step
 * between an instant and a local date/time needs the zone.
 */
import type { LocalDate, LocalTime } from './units'

const dayMs = 86_400_000
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

const pad2 = (n: number): string => String(n).padStart(2, '0')

// The UTC midnight of the date; `undefined` for a malformed or impossible date (2027-02-30).
function utcMidnightOf(date: string): number | undefined {
  const match = localDatePattern.exec(date)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  // Date.UTC rolls 30 February over into March: a date is valid only if it survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined
  return ms
}

function utcMidnight(date: LocalDate): number {
  const ms = utcMidnightOf(date)
  if (ms === undefined) throw new RangeError(`not a local date (YYYY-MM-DD): ${date}`)
  return ms
}

function formatUtcDate(ms: number): LocalDate {
  const d = new Date(ms)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** Is `s` a real calendar date written `YYYY-MM-DD`? */
export function isLocalDate(s: string): boolean {
  return utcMidnightOf(s) !== undefined
}

/** Is `s` a time of day written `HH:MM` (00:00 … 23:59)? */
export function isLocalTime(s: string): boolean {
  return localTimePattern.test(s)
}

/** Minutes since midnight of an `HH:MM` time. Throws on a malformed time (settings are checked before use). */
export function minutesOf(time: LocalTime): number {
  const match = localTimePattern.exec(time)
  if (!match) throw new RangeError(`not a local time (HH:MM): ${time}`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDaysTo(date: LocalDate, n: number): LocalDate {
  return formatUtcDate(utcMidnight(date) + n * dayMs)
}

/** Whole days from `from` to `to` (to − from): 0 for the same date, negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / dayMs)
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): IsoWeekday {
  return (new Date(utcMidnight(date)).getUTCDay() || 7) as IsoWeekday
}

/** The calendar date in `tz` at `instant` (epoch ms). */
export function localDateOf(instant: number, tz: string): LocalDate {
  return localPartsOf(instant, tz).date
}

// Intl does the zone arithmetic from a plain number: nothing depends on the global Date class, which
// test clocks (and some kiosk browsers' patched clocks) replace.
const wallClocks = new Map<string, Intl.DateTimeFormat>()
function wallClockFormat(tz: string): Intl.DateTimeFormat {
  let f = wallClocks.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    wallClocks.set(tz, f)
  }
  return f
}

/** What a wall clock in `tz` shows at `instant`, as the UTC instant with the same reading (minutes precision). */
function wallClockAsUtc(instant: number, tz: string): number {
  const part: Record<string, number> = {}
  for (const p of wallClockFormat(tz).formatToParts(instant)) if (p.type !== 'literal') part[p.type] = Number(p.value)
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour! % 24, part.minute!)
}

/** The date, the `HH:MM` time, the minutes since local midnight and the ISO weekday in `tz` at `instant`. Seconds are dropped. */
export function localPartsOf(instant: number, tz: string): { date: LocalDate; time: LocalTime; minutes: number; weekday: IsoWeekday } {
  const wall = wallClockAsUtc(instant, tz)
  const date = formatUtcDate(wall - (wall % dayMs))
  const minutes = Math.floor((wall % dayMs) / 60_000)
  return { date, time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`, minutes, weekday: weekdayOf(date) }
}

/**
 * The instant (epoch ms) at which the wall clock in `tz` shows `time` on `date`. A time skipped by a
 * daylight-saving change resolves to the instant after the gap; a repeated one to its first occurrence.
 */
export function instantOf(date: LocalDate, time: LocalTime, tz: string): number {
  const reading = utcMidnight(date) + minutesOf(time) * 60_000
  // The zone's offset a day before and a day after: the same unless a change falls in between.
  const candidates = [reading - dayMs, reading + dayMs].map((near) => reading - (wallClockAsUtc(near, tz) - near))
  const exact = candidates.filter((c) => wallClockAsUtc(c, tz) === reading)
  return exact.length ? Math.min(...exact) : Math.max(...candidates)
}
