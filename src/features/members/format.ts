import type { LocalDate } from '@/core/membership/types'

/** A calendar date as people read it: 2027年2月28日 / 28 Feb 2027. */
export function formatLocalDate(date: LocalDate | undefined, locale: string): string {
  if (!date) return ''
  const [y, m, d] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!))
}

// Instants are formatted in the organisation's zone by the one formatter the whole app uses (issue 10).
export { formatOpening, formatTime } from '@/core/shared/instant-format'
