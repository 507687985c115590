/** "just now", "3 minutes ago", "2 hours ago"… in the UI language, for status lines. */
export function formatAgo(thenMs: number, nowMs: number, locale: string): string {
  const seconds = Math.round((thenMs - nowMs) / 1000)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (Math.abs(seconds) < 45) return rtf.format(0, 'second')
  const minutes = Math.round(seconds / 60)
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute')
  const hours = Math.round(minutes / 60)
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour')
  return rtf.format(Math.round(hours / 24), 'day')
}
