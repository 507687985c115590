/** MEM-3: admit or refuse at the desk, and why. */
import type { CardEpochStatus } from './card-epoch'
import type { MembershipState } from './membership-state'
import { isOpenAt, nextOpening } from './opening-hours'
import type { CheckInDecision, Member, MembershipSettings, RefusalReason } from './types'

/**
 * How the member was identified: a card QR that did not match any member
 * (`'unknown'`), one that failed its signature (`'forged'`), a valid card of
 * `memberId` with its `serial` and how its key's epoch stands (MEM-8, absent:
 * current), or a member found by number or phone (no card). `'visitor-badge'`: a visitor's badge (REC-4), not a card.
 */
export type PresentedCard = 'unknown' | 'forged' | 'visitor-badge' | { memberId: string; serial: number; epoch?: CardEpochStatus } | { memberId: string }

export interface CheckInInput {
  card: PresentedCard
  /** The member the card or look-up names; absent when none was found. */
  member?: Member
  /** Their membership today (`membershipState`). */
  state?: MembershipState
  blacklisted: boolean
  /** Their visit still open, if any (`openCheckInOf`). */
  openCheckIn?: { at: number }
  settings: MembershipSettings
  now: number
}

/**
 * MEM-3: the decision the desk sees. The first refusal that applies wins, in
 * this order: who the card is (unknown → forged → revoked: a card of an older
 * serial → outdated: signed by a card key retired longer ago than the grace
 * days, MEM-8), then who the person is (blacklisted, MEM-9 → suspended),
 * then their membership (not started → expired), then the visit (already
 * checked in → outside this tier's hours, MEM-2). Otherwise: admit.
 *
 * A forged card is reported as forged even though it names no member (it
 * could not: its content is not to be trusted) — that is why 'forged' is
 * tested before "no member found". A member who has never paid a fee (status
 * `none`) is refused as `unknown-card`: they hold no membership, so their card
 * is not a membership card yet, and the desk does what it does for an unknown
 * card — look the person up and take a fee. (`expired` would need an end date
 * and `not-started` a start date that do not exist.)
 */
export function decideCheckIn(input: CheckInInput): CheckInDecision {
  const { card, member, state, settings, now } = input
  if (card === 'unknown') return { admit: false, reason: 'unknown-card' }
  if (card === 'forged') return { admit: false, reason: 'forged-card' }
  if (card === 'visitor-badge') return { admit: false, reason: 'visitor-badge' }
  if (!member) return { admit: false, reason: 'unknown-card' }
  if ('serial' in card && card.serial !== member.cardSerial) return { admit: false, reason: 'revoked-card' }
  if ('serial' in card && card.epoch === 'outdated') return { admit: false, reason: 'card-outdated' }
  if (input.blacklisted) return { admit: false, reason: 'blacklisted' }
  if (member.suspended) return { admit: false, reason: 'suspended' }
  if (!state || state.status === 'none' || state.tierId === undefined || state.start === undefined || state.end === undefined)
    return { admit: false, reason: 'unknown-card' }
  if (state.status === 'not-started') return { admit: false, reason: 'not-started', start: state.start }
  if (state.status === 'expired') return { admit: false, reason: 'expired', end: state.end }
  if (input.openCheckIn) return { admit: false, reason: 'already-checked-in', since: input.openCheckIn.at }
  if (!isOpenAt(settings, state.tierId, now)) return { admit: false, reason: 'outside-hours', nextOpening: nextOpening(settings, state.tierId, now) }
  if ('serial' in card && card.epoch === 'reissue') return { admit: true, tierId: state.tierId, end: state.end, reissueCard: true }
  return { admit: true, tierId: state.tierId, end: state.end }
}

/**
 * MEM-3, MEM-9: refusals the desk can never admit over, whatever reason it types:
 * who the person or the card is (blacklisted: a manager lifts it; forged,
 * revoked or outdated card: the member is looked up, or their card reissued), nobody to
 * admit (unknown card, a visitor's badge: REC-4), or a visit already open (check out instead).
 */
const notOverridable: ReadonlySet<RefusalReason> = new Set<RefusalReason>(['unknown-card', 'forged-card', 'revoked-card', 'card-outdated', 'blacklisted', 'already-checked-in', 'visitor-badge'])

/** MEM-3: whether staff may admit over this refusal with a reason (audited). */
export function overridableAtDesk(reason: RefusalReason): boolean {
  return !notOverridable.has(reason)
}
