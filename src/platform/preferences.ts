/**
 * Device preferences that are not secret and not personal (UI language, what
 * kind of device this is). Nothing about a person ever goes here: localStorage
 * is plaintext on disk (CONF-1).
 */
const prefix = 'lobby.pref.'

export function readPreference(key: string): string | null {
  try {
    return localStorage.getItem(prefix + key)
  } catch {
    return null // storage disabled (private mode): behave as if nothing was remembered
  }
}

export function writePreference(key: string, value: string): void {
  try {
    localStorage.setItem(prefix + key, value)
  } catch {
    // Quota or disabled storage: the choice still holds for this visit.
  }
}

/** Forgets a choice, so whatever it overrode applies again. */
export function forgetPreference(key: string): void {
  try {
    localStorage.removeItem(prefix + key)
  } catch {
    // Disabled storage remembered nothing to forget.
  }
}
