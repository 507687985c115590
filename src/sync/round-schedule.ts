/**
 * When the sync loop runs its next round. The browser's `online` event says only that the device
 * has a network, not that the server answers: on a LAN whose server was down and comes back, the
 * browser never went offline. So while the server cannot be reached the loop itself keeps probing,
 * soon at first and then less often (1 s, 2 s, 4 s … at most `unreachableCapMs`), which bounds how
 * long a device waits after the server answers again.
 */
export const idleDelayMs = 30_000
/** Local changes still wait for the server (it refused some, or more arrived during the round). */
export const busyDelayMs = 3_000
export const unreachableFirstMs = 1_000
export const unreachableCapMs = 20_000

export interface RoundOutcome {
  /** The server answered (signed in, and the round did not fail for want of it). */
  reached: boolean
  /** Local changes not yet accepted by the server. */
  pending: number
}

/** After a round: how long to wait, and how many rounds in a row have now not reached the server. */
export function nextRound(outcome: RoundOutcome, unreachableBefore: number): { delayMs: number; unreachable: number } {
  if (!outcome.reached) {
    const unreachable = unreachableBefore + 1
    // 2 ** n grows past the cap long before it overflows; the exponent is clamped anyway.
    const delayMs = Math.min(unreachableCapMs, unreachableFirstMs * 2 ** Math.min(unreachable - 1, 30))
    return { delayMs, unreachable }
  }
  return { delayMs: outcome.pending > 0 ? busyDelayMs : idleDelayMs, unreachable: 0 }
}
