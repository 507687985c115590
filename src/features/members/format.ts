import type { LocalDate } from '@/core/membership/types'

// Making an Intl.DateTimeFormat costs far more than formatting with one: a list of a few hundred dates made one
// per row, at every scan (the check-in page's "ending soon"). One per locale, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** A calendar date as people read it: 2027年2月28日 / 28 Feb 2027. */
export function formatLocalDate(date: LocalDate | undefined, locale: string): string {
  if (!date) return ''
  const [y, m, d] = date.split('-').map(Number)
  let f = dateFormats.get(locale)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    dateFormats.set(locale, f)
  }
  return f.format(Date.UTC(y!, m! - 1, d!))
}

// Instants are formatted in the organisation's zone by the one formatter the whole app uses (issue 10).
export { formatOpening, formatTime } from '@/core/shared/instant-format'
