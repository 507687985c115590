import { checkReason, type ReasonProblem } from './reasons'
import type { Fen, LedgerEntry, LocalDate, MembershipSettings } from './types'

export type DepositReturnProblem = 'nothing-held' | 'more-than-held' | ReasonProblem | 'membership-running'

/**
 * MEM-6: the last day of the member's membership the deposit secures, while it
 * still runs on `today` (undefined once it has ended: the deposit can go back).
 * The desk has no "end membership" action, so the deposit waits for the term
 * to run out. The deposit secures every term of a tier that takes one (by the
 * settings, or a tier a deposit was taken for, should the settings change
 * later); a renewal paid ahead extends the wait to its end. A move down to a
 * tier without a deposit does not: that deposit goes back when the VIP term
 * ends. After an upgrade the credited term keeps its recorded end, so the
 * later of both ends counts: the deposit is held a little longer rather than
 * returned while a term it secures might still run.
 */
export function depositLockedUntil(entries: LedgerEntry[], memberId: string, today: LocalDate, settings: MembershipSettings): LocalDate | undefined {
  const securedTiers = new Set(settings.tiers.filter((t) => t.deposit > 0).map((t) => t.id))
  for (const e of entries) if (e.kind === 'deposit' && e.memberId === memberId) securedTiers.add(e.tierId)
  let end: LocalDate | undefined
  for (const e of entries) {
    if (e.kind === 'fee' && e.memberId === memberId && securedTiers.has(e.tierId) && (end === undefined || e.end > end)) end = e.end
  }
  return end !== undefined && today <= end ? end : undefined
}

/**
 * MEM-6: a deposit goes back only when the membership it secures has ended
 * (`lockedUntil` from `depositLockedUntil`), whole, or with part kept for a
 * reason; what is refunded and what is kept add up to what is held, never
 * more or less.
 */
export function checkDepositReturn(held: Fen, refunded: Fen, kept: Fen, reason: string, lockedUntil?: LocalDate): DepositReturnProblem | undefined {
  if (held <= 0) return 'nothing-held'
  if (lockedUntil !== undefined) return 'membership-running'
  if (refunded < 0 || kept < 0 || refunded + kept !== held) return 'more-than-held'
  const reasonProblem = checkReason(reason)
  // A reason is needed only when part is kept; one given anyway is stored too, so it is held to the same length.
  if (reasonProblem === 'reason-too-long' || (kept > 0 && reasonProblem)) return reasonProblem
  return undefined
}

/**
 * MEM-6, for the manager: the deposits the space holds for all its members,
 * taken less what went back or was kept. Derived from the ledger each time,
 * never stored, so it cannot drift from the entries.
 */
export function totalDepositsHeld(entries: LedgerEntry[]): Fen {
  let held = 0
  for (const e of entries) {
    if (e.kind === 'deposit') held += e.amount
    else if (e.kind === 'deposit-return') held -= e.refunded + e.kept
  }
  return held
}
