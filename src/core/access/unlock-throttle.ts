/** CONF-7: wrong PINs allowed before the passphrase is required again. */
export const maxPinFailures = 5

/**
 * CONF-7: after repeated wrong passphrases the next attempt waits, doubling
 * each time: free for the first 3, then 5 s, 10 s, 20 s … up to 5 minutes.
 */
export function signInDelaySeconds(failures: number): number {
  if (failures < 3) return 0
  return Math.min(300, 5 * 2 ** (failures - 3))
}

/** Seconds still to wait before another sign-in attempt, given the last failure time (ms). */
export function secondsUntilNextAttempt(failures: number, lastFailureAt: number, now: number): number {
  const wait = signInDelaySeconds(failures) * 1000 - (now - lastFailureAt)
  return wait > 0 ? Math.ceil(wait / 1000) : 0
}

/** CONF-7: what a wrong PIN leads to. */
export function afterWrongPin(failuresBefore: number): { failures: number; pinDisabled: boolean; attemptsLeft: number } {
  const failures = failuresBefore + 1
  return { failures, pinDisabled: failures >= maxPinFailures, attemptsLeft: Math.max(0, maxPinFailures - failures) }
}

/** A PIN is 4 to 8 digits and not all the same digit. */
export function checkPin(pin: string): 'format' | 'too-simple' | null {
  if (!/^\d{4,8}$/.test(pin)) return 'format'
  if (new Set(pin).size === 1) return 'too-simple'
  return null
}
