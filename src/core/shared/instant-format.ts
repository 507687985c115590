/**
 * Issue 10: every time shown to a person is read in the organisation's zone, never the device's, so the same
 * instant reads the same in every list on every device (a tablet set to another zone, the audit log, the
 * check-in list). All instants shown in the app go through here; the zone comes from the organisation settings.
 */

const formats = new Map<string, Intl.DateTimeFormat>()
function format(locale: string, timeZone: string, style: 'time' | 'date-time' | 'opening'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`
  let f = formats.get(key)
  if (!f) {
    const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } as const
    const options: Intl.DateTimeFormatOptions =
      style === 'time' ? clock : style === 'opening' ? { weekday: 'short', month: 'short', day: 'numeric', ...clock } : { year: 'numeric', month: 'short', day: 'numeric', ...clock }
    f = new Intl.DateTimeFormat(locale, options)
    formats.set(key, f)
  }
  return f
}

/** An instant (epoch ms or ISO text); unreadable input gives undefined. */
function instantOf(at: number | string): number | undefined {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  return Number.isFinite(ms) ? ms : undefined
}

/** A time of day in the organisation's zone: 19:03. */
export function formatTime(at: number | string, timeZone: string, locale: string): string {
  const ms = instantOf(at)
  return ms === undefined ? '' : format(locale, timeZone, 'time').format(ms)
}

/** A date and time in the organisation's zone: 2026年12月7日 00:42 / 7 Dec 2026, 00:42. */
export function formatDateTime(at: number | string, timeZone: string, locale: string): string {
  const ms = instantOf(at)
  return ms === undefined ? '' : format(locale, timeZone, 'date-time').format(ms)
}

/** An instant in the organisation's zone, with the weekday: 周五 19:00 / Fri 19:00. */
export function formatOpening(at: number | string, timeZone: string, locale: string): string {
  const ms = instantOf(at)
  return ms === undefined ? '' : format(locale, timeZone, 'opening').format(ms)
}
