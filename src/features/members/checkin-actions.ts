import { decideCheckIn, overridableAtDesk } from '@/core/membership/checkin-decision'
import { checkReason, type ReasonProblem } from '@/core/membership/reasons'
import type { CardEpochStatus } from '@/core/membership/card-epoch'
import { looksLikeMemberNo } from '@/core/membership/member-number'
import { openCheckInOf } from '@/core/membership/visits'
import type { CheckIn, CheckInDecision, CheckOut, RefusalReason } from '@/core/membership/types'
import { looksLikeMemberCard, verifyCard } from '@/crypto/card-key'
import { looksLikeVisitorBadge } from '@/crypto/visitor-badge'
import { cardKeyRing } from './card-keys'
import { deskSettings, loadDeskSlice, type DeskSlice } from './desk-slice'
import { blacklistOf, stateOf, todayIn, type DeskView } from './desk-snapshot'
import type { ActionContext } from './membership-actions'

/** What a check-in decides with: a slice of the desk realm (desk-slice.ts) is enough, or the whole of it. */
export type CheckinContext = Omit<ActionContext, 'snapshot'> & { snapshot: DeskView }

type DecideInput = Parameters<typeof decideCheckIn>[0]

/** What the desk typed or scanned, resolved to a member (or why not). */
export type Presented =
  /** `epoch`: how the card's key stands (MEM-8: signed by a retired key, within its grace or not). */
  | { kind: 'card'; memberId: string; serial: number; epoch: CardEpochStatus }
  | { kind: 'lookup'; memberId: string }
  | { kind: 'unknown' }
  | { kind: 'forged' }
  /** REC-4: a visitor's badge, told by its shape: refused here, never verified or audited as a card. */
  | { kind: 'visitor-badge' }
  /** A phone shared by several members: the desk picks one. */
  | { kind: 'choose'; memberIds: string[] }

export interface CheckInOutcome {
  decision: CheckInDecision
  memberId?: string
  /** The check-in recorded (admitted, or overridden). */
  checkInId?: string
  choose?: string[]
}

/**
 * MEM-3, MEM-8: a card QR is verified against the organisation's card key of the epoch it names
 * (and how that key stands: current, retired within the grace days, or past them); a member number goes
 * through the member number's blind index; anything else is tried as a phone (blind index of
 * people, then their member records). A QR that looks like ours but fails its signature is
 * forged, and audited.
 */
export async function resolvePresented(ctx: ScanContext & { snapshot: Pick<DeskView, 'settings'> | Promise<Pick<DeskView, 'settings'>> }, text: string): Promise<Presented> {
  const input = text.trim()
  if (!input) return { kind: 'unknown' }
  if (looksLikeVisitorBadge(input)) return { kind: 'visitor-badge' }
  if (looksLikeMemberCard(input)) {
    const [keys, org] = await Promise.all([ctx.storage.desk.cardKeys.list(), ctx.storage.signIns.getOrg()])
    const ring = org ? cardKeyRing(keys, org.orgId) : undefined
    const verdict = ring && org ? await verifyCard(input, ring.publicKeys, org.orgId) : ({ ok: false, reason: 'forged' } as const)
    if (verdict.ok) return { kind: 'card', memberId: verdict.memberId, serial: verdict.serial, epoch: ring!.statusOf(verdict.epoch, (await ctx.snapshot).settings, ctx.now) }
    // A card of a key epoch this device does not hold yet cannot be checked: it reads as unknown, not as forged.
    if (verdict.reason === 'forged') {
      await ctx.storage.audit.append({ action: 'card.forged', by: ctx.userId, detail: 'signature failed' })
      return { kind: 'forged' }
    }
  }
  if (looksLikeMemberNo(input)) {
    const found = await ctx.storage.desk.members.findByMemberNo(input)
    if (found.length) return { kind: 'lookup', memberId: found[0]!.id }
  }
  // Each person's member record through the `parent` index: no member is opened but theirs.
  const people = await ctx.storage.people.findBy('phone', input)
  const members = (await Promise.all(people.map((p) => ctx.storage.desk.members.ofPerson(p.id)))).flat().map((m) => m.id)
  if (members.length === 1) return { kind: 'lookup', memberId: members[0]! }
  if (members.length > 1) return { kind: 'choose', memberIds: members }
  return { kind: 'unknown' }
}

/** An open check-in counts only on the day it was made: yesterday's forgotten check-out does not block today. */
export function openToday(snapshot: DeskView, memberId: string, now: number) {
  const open = openCheckInOf(snapshot.checkIns, snapshot.checkOuts, memberId)
  return open && todayIn(snapshot, open.record.at) === todayIn(snapshot, now) ? open : undefined
}

export function decide(ctx: CheckinContext, presented: Presented): CheckInDecision {
  const { snapshot, now } = ctx
  let card: DecideInput['card'] = 'unknown'
  if (presented.kind === 'forged') card = 'forged'
  else if (presented.kind === 'visitor-badge') card = 'visitor-badge'
  else if (presented.kind === 'card') card = { memberId: presented.memberId, serial: presented.serial, epoch: presented.epoch }
  else if (presented.kind === 'lookup') card = { memberId: presented.memberId }
  const memberId = typeof card === 'object' ? card.memberId : undefined
  const member = memberId ? snapshot.members.find((m) => m.id === memberId)?.record : undefined
  return decideCheckIn({
    card,
    member,
    state: memberId ? stateOf(snapshot, memberId, now) : undefined,
    blacklisted: memberId ? blacklistOf(snapshot, memberId) !== undefined : false,
    openCheckIn: memberId ? openToday(snapshot, memberId, now)?.record : undefined,
    settings: snapshot.settings,
    now,
  })
}

/** MEM-3: an override's reason is required and at most `textLimits.reason` long (it goes into the audit log). */
export class OverrideReasonError extends Error {
  constructor(readonly problem: ReasonProblem) {
    super(`override reason: ${problem}`)
    this.name = 'OverrideReasonError'
  }
}

/** MEM-3, MEM-9: an override the desk may not make (thrown, so no caller can record it by skipping the button). */
export class OverrideRefusedError extends Error {
  constructor(readonly refusal: RefusalReason) {
    super(`a "${refusal}" refusal is not overridden at the desk`)
    this.name = 'OverrideRefusedError'
  }
}

/**
 * MEM-3: records an admitted check-in, or one admitted over a refusal with the
 * reason (audited). An override is refused for a refusal the desk may not
 * override (MEM-9 blacklisted, forged or revoked card), and the member is
 * decided again here rather than trusting the refusal the caller names, so a
 * blacklisted member cannot be admitted by calling this with another reason.
 */
export async function recordCheckIn(
  ctx: CheckinContext & { deviceId: string },
  memberId: string,
  override?: { refusal: RefusalReason; reason: string },
): Promise<string> {
  return (await writeCheckIn(ctx, memberId, override)).id
}

/** `recordCheckIn`, returning the visit written (the check-in page's lists take it as it is, without a re-read). */
async function writeCheckIn(
  ctx: CheckinContext & { deviceId: string },
  memberId: string,
  override?: { refusal: RefusalReason; reason: string },
): Promise<{ id: string; record: CheckIn }> {
  if (override) {
    const problem = checkReason(override.reason)
    if (problem) throw new OverrideReasonError(problem)
    if (!overridableAtDesk(override.refusal)) throw new OverrideRefusedError(override.refusal)
    const now = decide(ctx, { kind: 'lookup', memberId })
    if (!now.admit && !overridableAtDesk(now.reason)) throw new OverrideRefusedError(now.reason)
  }
  const record: CheckIn = { memberId, at: ctx.now, day: todayIn(ctx.snapshot, ctx.now), deviceId: ctx.deviceId, by: ctx.userId, ...(override ? { override } : {}) }
  const id = await ctx.storage.desk.checkIns.add(record)
  if (override) await ctx.storage.audit.append({ action: 'checkin.override', by: ctx.userId, recordId: id, recordType: 'checkin', detail: override.refusal })
  return { id, record }
}

/** MEM-3: a member leaves; returns the check-out written (the check-in page's lists take it as it is). */
export async function checkOut(ctx: ScanContext & { snapshot: Pick<DeskView, 'settings'> }, checkInId: string, memberId: string): Promise<CheckOut> {
  const record: CheckOut = { checkInId, memberId, at: ctx.now, day: todayIn(ctx.snapshot, ctx.now), by: ctx.userId }
  await ctx.storage.desk.checkOuts.add(record)
  return record
}

/** A slice with a visit just written added: what the desk knows now, without reading it back. */
const withVisit = (slice: DeskSlice, visit: { id: string; record: CheckIn }): DeskSlice => ({ ...slice, checkIns: [...slice.checkIns, visit] })

/**
 * MEM-3: staff admit a member over a refusal, with a reason (audited). Decided again on the member's slice (the
 * member, their fees, their visits of today); `slice` is that slice with the visit recorded.
 */
export async function overrideAtDesk(ctx: ScanContext, memberId: string, override: { refusal: RefusalReason; reason: string }) {
  const slice = await loadDeskSlice(ctx.storage, await deskSettings(ctx.storage), ctx.now, { memberIds: [memberId] })
  const visit = await writeCheckIn({ ...ctx, snapshot: slice }, memberId, override)
  return { checkInId: visit.id, slice: withVisit(slice, visit) }
}

/** Who scans, when: a check-in reads its own slice, so it needs no snapshot. */
export type ScanContext = Omit<CheckinContext, 'snapshot'> & {
  deviceId: string
  /** Work on the slice read (the page learning the member's name) done while the check-in is written. */
  meanwhile?: (slice: DeskSlice) => Promise<unknown>
}

/**
 * MEM-3: scan or typed text → decision; an admit is recorded at once. Reads a slice, never the realm
 * (docs/architecture.md "Reading a slice"): the settings and card keys, the member the text names, their fees
 * and blacklist events, and their own visits of today; `slice` is what was read, with the visit recorded (the
 * page shows the member from it, and its lists follow it without a re-read).
 */
export async function scanAtDesk(ctx: ScanContext, text: string): Promise<CheckInOutcome & { slice: DeskSlice }> {
  // The settings are read while the text is resolved (only a card's key epoch needs them).
  const settings = deskSettings(ctx.storage)
  const presented = await resolvePresented({ ...ctx, snapshot: settings }, text)
  const memberIds = presented.kind === 'choose' ? presented.memberIds : presented.kind === 'card' || presented.kind === 'lookup' ? [presented.memberId] : []
  const slice = await loadDeskSlice(ctx.storage, await settings, ctx.now, { memberIds })
  const meanwhile = ctx.meanwhile?.(slice)
  if (presented.kind === 'choose') return (await meanwhile, { decision: { admit: false, reason: 'unknown-card' }, choose: presented.memberIds, slice })
  const decision = decide({ ...ctx, snapshot: slice }, presented)
  const memberId = memberIds[0]
  if (!decision.admit || !memberId) return (await meanwhile, { decision, memberId, slice })
  const [visit] = await Promise.all([writeCheckIn({ ...ctx, snapshot: slice }, memberId), meanwhile])
  return { decision, memberId, checkInId: visit.id, slice: withVisit(slice, visit) }
}

