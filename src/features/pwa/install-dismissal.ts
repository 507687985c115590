import { readPreference, writePreference } from '@/platform/preferences'

/**
 * "Not now" on the install offer holds on this device for this long (the browser offers the
 * install again on every page load). Kept in localStorage as the dismissal's time in ms: a
 * device preference, nothing about a person (platform/preferences.ts).
 */
export const installQuietDays = 30
const preferenceKey = 'install-dismissed-at'
const dayMs = 24 * 60 * 60 * 1000
// Another tab's clock, or a second's rounding: not a clock that was set wrong.
const clockSlackMs = 5 * 60 * 1000

/** Whether a dismissal kept as `kept` (ms, as text) still silences the offer at `now`. */
export function installOfferQuiet(kept: string | null, now: number): boolean {
  if (!kept) return false
  const at = Number(kept)
  if (!Number.isFinite(at)) return false
  const age = now - at
  return age > -clockSlackMs && age < installQuietDays * dayMs
}

export function installDismissedRecently(now = Date.now()): boolean {
  return installOfferQuiet(readPreference(preferenceKey), now)
}

export function rememberInstallDismissed(now = Date.now()): void {
  writePreference(preferenceKey, String(now))
}
