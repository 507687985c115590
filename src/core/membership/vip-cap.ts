/** MEM-4: at most `cap` members of a tier at once, and a waiting list in order. */
import type { MembershipState } from './membership-state'
import type { Tier, WaitlistEntry } from './types'

/**
 * MEM-4: may one more member join `tier`, with `activeCount` members holding
 * it now (not counting the one joining)? With the default cap 4, the 4th is
 * accepted (3 held) and the 5th refused (4 held), naming the cap.
 */
export function capCheck(tier: Tier, activeCount: number): { ok: true } | { ok: false; cap: number } {
  if (tier.cap === undefined || activeCount < tier.cap) return { ok: true }
  return { ok: false, cap: tier.cap }
}

/**
 * MEM-4: how many members hold a place in `tierId`: those active, and those
 * whose paid term has not started yet — a place promised is a place taken.
 */
export function countActive(tierId: string, states: MembershipState[]): number {
  return states.filter((s) => s.tierId === tierId && (s.status === 'active' || s.status === 'not-started')).length
}

/** MEM-4: the open waiting-list entries of `tierId`, first come first served (equal times keep their order). */
export function waitlistInOrder(entries: WaitlistEntry[], tierId: string): WaitlistEntry[] {
  return entries.filter((e) => e.tierId === tierId && !e.closed).sort((a, b) => a.at - b.at)
}
