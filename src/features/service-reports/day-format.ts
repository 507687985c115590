import type { LocalDate } from '@/core/shared/units'

const formats = new Map<string, Intl.DateTimeFormat>()

/** A local date with its weekday (Mon, 8 Mar 2027 / 2027年3月8日周一): formatted in UTC, since it is already the organisation's day. */
export function formatDay(day: LocalDate, locale: string): string {
  let f = formats.get(locale)
  if (!f) formats.set(locale, (f = new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })))
  const [y, m, d] = day.split('-').map(Number)
  return f.format(Date.UTC(y!, m! - 1, d!))
}
