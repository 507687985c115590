/** Is `tz` a time zone this runtime knows (an IANA name such as `Asia/Shanghai`, or `UTC`)? */
export function isTimeZone(tz: string): boolean {
  if (tz.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The zone organisations founded before organisation settings fall back to, when the desk stored none either. */
export const fallbackTimeZone = 'Asia/Shanghai'

/**
 * The membership desk's zone: the organisation's when its settings exist, else the zone the desk
 * stored before there were organisation settings, else {@link fallbackTimeZone}. Invalid zones are skipped.
 */
export function deskTimeZone(organisationZone: string | undefined, storedDeskZone: string | undefined): string {
  return [organisationZone, storedDeskZone].find((tz): tz is string => tz !== undefined && isTimeZone(tz)) ?? fallbackTimeZone
}
