import type { LocalDate } from '@/core/membership/types'

// Making an Intl.DateTimeFormat costs far more than formatting with one: a list of a few hundred dates made one
// per row, at every scan (the check-in page's "ending soon"). One per locale, zone and style, kept.
const formats = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options)
    formats.set(key, f)
  }
  return f
}

/** A calendar date as people read it: 2027年2月28日 / 28 Feb 2027. */
export function formatLocalDate(date: LocalDate | undefined, locale: string): string {
  if (!date) return ''
  const [y, m, d] = date.split('-').map(Number)
  return formatter(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!))
}

/** An instant in the organisation's zone, with the weekday: 周五 19:00 / Fri 19:00. */
export function formatOpening(instant: number, timeZone: string, locale: string): string {
  return formatter(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant)
}

/** A time of day in the organisation's zone: 19:03. */
export function formatTime(instant: number, timeZone: string, locale: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant)
}
