/** MEM-4: at most `cap` members of a tier at once, and a waiting list in order. */
import { feesOf, membershipState, type MembershipState } from './membership-state'
import type { FeeEntry, LedgerEntry, LocalDate, MembershipSettings, Tier, WaitlistEntry } from './types'

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

/** One place taken in a tier: the fee that first enrolled the member into their current run of it. */
export interface PlaceTaken {
  memberId: string
  /** When that fee was taken (epoch ms). */
  at: number
  /** First day of that fee's term. */
  start: LocalDate
}

/** MEM-4: a tier holding more members than its cap, and the places taken last that pushed it over. */
export interface OverCap {
  tierId: string
  cap: number
  holding: number
  /** The `holding − cap` latest places, earliest first. */
  enrolledLast: PlaceTaken[]
}

// The fee that took the member's place: the first-paid fee of the tier within the current run,
// so a renewal (a later fee in the same run) keeps the time of the original enrolment.
function placeFee(entries: LedgerEntry[], memberId: string, tierId: string, state: MembershipState): FeeEntry | undefined {
  const { start, end } = state
  if (start === undefined || end === undefined) return undefined
  return feesOf(entries, memberId).find((f) => f.tierId === tierId && f.start >= start && f.end <= end)
}

/**
 * MEM-4 after sync: the cap is checked on the tablet that enrols, so two
 * offline tablets can each give away the last place. Once their ledgers meet,
 * this finds the tier over its cap on `today` and names the places taken last
 * (by the time of enrolment; equal times: the later in the ledger), for a
 * manager to resolve — never silently accepted. `undefined` when within the cap.
 */
export function overCap(entries: LedgerEntry[], tier: Tier, today: LocalDate, settings: MembershipSettings): OverCap | undefined {
  if (tier.cap === undefined) return undefined
  const memberIds = new Set(entries.filter((e) => e.kind === 'fee' && e.tierId === tier.id).map((e) => e.memberId))
  const places: { place: PlaceTaken; order: number }[] = []
  for (const memberId of memberIds) {
    const state = membershipState(entries, memberId, today, settings)
    if (state.tierId !== tier.id || (state.status !== 'active' && state.status !== 'not-started')) continue
    const fee = placeFee(entries, memberId, tier.id, state)
    if (fee) places.push({ place: { memberId, at: fee.at, start: fee.start }, order: entries.indexOf(fee) })
  }
  if (places.length <= tier.cap) return undefined
  places.sort((a, b) => a.place.at - b.place.at || a.order - b.order)
  return { tierId: tier.id, cap: tier.cap, holding: places.length, enrolledLast: places.slice(tier.cap).map((p) => p.place) }
}

/** MEM-4: every capped tier over its cap on `today`, in the order of the settings. */
export function overCapsOn(entries: LedgerEntry[], today: LocalDate, settings: MembershipSettings): OverCap[] {
  return settings.tiers.flatMap((tier) => overCap(entries, tier, today, settings) ?? [])
}
