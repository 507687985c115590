import { checkDepositReturn, depositLockedUntil } from '@/core/membership/deposit-return'
import { coveringFee, planFee } from '@/core/membership/membership-state'
import { memberNumberFrom } from '@/core/membership/member-number'
import { upgradeCredit } from '@/core/membership/upgrade'
import { checkReason, type ReasonProblem } from '@/core/membership/reasons'
import { moneyCeilings } from '@/core/membership/money-ceilings'
import { validServiceHours } from '@/core/membership/service-hours'
import { capCheck, countActive } from '@/core/membership/vip-cap'
import type { Fen, LedgerEntry, LocalDate, Member, PaymentMethod, Term, Tier } from '@/core/membership/types'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { blacklistOf, stateOf, tierOf, todayIn, type DeskSnapshot } from './desk-snapshot'
import type { MemberFocusView } from './member-focus'

/** Who acts, when: passed in so the rules stay testable and the clock stays one. */
export interface ActionContext {
  storage: DeskStorage
  /** The whole realm, or a member in focus with every holder of a capped tier (member-focus.ts): never a bare slice. */
  snapshot: DeskSnapshot | MemberFocusView
  now: number
  userId: string
}

/** The part of the device's storage the membership desk works with. */
export type DeskStorage = Pick<LobbyStorage, 'desk' | 'audit' | 'people' | 'signIns' | 'orgSettings'>

export interface Payment {
  method: PaymentMethod
  receiptNo: string
}

export type MembershipProblem =
  | { problem: 'unknown-tier' | 'receipt-required' | 'blacklisted' | 'no-membership' | 'not-an-upgrade' | 'unknown-member' | 'amount-too-high' }
  | { problem: 'cap-full'; cap: number; tierId: string }
  | { problem: 'already-member'; memberId: string }

export type ActionResult<T = object> = ({ ok: true } & T) | ({ ok: false } & MembershipProblem)

/** What taking a fee will do, shown before the desk confirms it (MEM-1, MEM-7, upgrade credit). */
export interface FeeQuote {
  tier: Tier
  term: Term
  start: string
  end: string
  listed: Fen
  credit: Fen
  amount: Fen
  /** A deposit taken with this fee (a first VIP term, MEM-6). */
  deposit: Fen
  upgrade: boolean
  /** For an upgrade: the days of the old term credited, out of its length. */
  creditDays?: { remaining: number; total: number }
}

function activeOfTier(ctx: ActionContext, tierId: string, except?: string): number {
  const states = ctx.snapshot.members.filter((m) => m.id !== except).map((m) => stateOf(ctx.snapshot, m.id, ctx.now))
  return countActive(tierId, states)
}

/** The price, term and credit of a new fee for `memberId` (undefined: a new member). */
export function quoteFee(ctx: ActionContext, memberId: string | undefined, tierId: string, term: Term): ActionResult<{ quote: FeeQuote }> {
  const tier = tierOf(ctx.snapshot, tierId)
  if (!tier) return { ok: false, problem: 'unknown-tier' }
  const today = todayIn(ctx.snapshot, ctx.now)
  const state = memberId ? stateOf(ctx.snapshot, memberId, ctx.now) : undefined
  const current = state?.status === 'active' ? tierOf(ctx.snapshot, state.tierId) : undefined
  const upgrade = current !== undefined && tier.rank > current.rank
  // MEM-4: the cap counts members of the tier now; renewing while in the tier takes no new place.
  const takesNewPlace = !(state?.status === 'active' && state.tierId === tier.id)
  if (tier.cap !== undefined && takesNewPlace) {
    const check = capCheck(tier, activeOfTier(ctx, tier.id, memberId))
    if (!check.ok) return { ok: false, problem: 'cap-full', cap: check.cap, tierId: tier.id }
  }
  let credit = 0
  let creditDays: FeeQuote['creditDays']
  if (upgrade && memberId) {
    const covering = coveringFee(ctx.snapshot.ledger, memberId, today)
    const c = upgradeCredit(covering, today)
    credit = c.credit
    creditDays = { remaining: c.remainingDays, total: c.totalDays }
  }
  const plan = planFee({ entries: ctx.snapshot.ledger, memberId: memberId ?? '', tier, term, today, credit, settings: ctx.snapshot.settings })
  const depositHeld = state?.depositHeld ?? 0
  const deposit = tier.deposit > depositHeld ? tier.deposit - depositHeld : 0
  // A price saved before the money ceilings (or synced from a device without them) is never charged past one.
  if (plan.amount + deposit > moneyCeilings.payment) return { ok: false, problem: 'amount-too-high' }
  return { ok: true, quote: { tier, term, ...plan, deposit, upgrade, creditDays } }
}

async function takeFee(ctx: ActionContext, memberId: string, quote: FeeQuote, payment: Payment): Promise<void> {
  const base = { memberId, at: ctx.now, method: payment.method, receiptNo: payment.receiptNo.trim(), by: ctx.userId }
  const fee: LedgerEntry = { ...base, kind: 'fee', tierId: quote.tier.id, term: quote.term, listed: quote.listed, credit: quote.credit, amount: quote.amount, start: quote.start, end: quote.end }
  await ctx.storage.desk.ledger.add(fee)
  if (quote.deposit > 0) await ctx.storage.desk.ledger.add({ ...base, kind: 'deposit', tierId: quote.tier.id, amount: quote.deposit })
}

/**
 * MEM-1, MEM-4, MEM-6: a person becomes a member: a member record with a new
 * number and card, the fee and (for a tier that takes one) the deposit, as
 * ledger entries. A person who already has a member record renews instead.
 */
export async function enrol(ctx: ActionContext, input: { personId: string; tierId: string; term: Term } & Payment): Promise<ActionResult<{ memberId: string }>> {
  if (!input.receiptNo.trim()) return { ok: false, problem: 'receipt-required' }
  const existing = ctx.snapshot.members.find((m) => m.record.personId === input.personId)
  if (existing) return { ok: false, problem: 'already-member', memberId: existing.id }
  const quoted = quoteFee(ctx, undefined, input.tierId, input.term)
  if (!quoted.ok) return quoted
  const member: Member = { personId: input.personId, memberNo: memberNumberFrom(crypto.getRandomValues(new Uint8Array(8))), cardSerial: 1, createdAt: ctx.now }
  const memberId = await ctx.storage.desk.members.put(member)
  await takeFee(ctx, memberId, quoted.quote, input)
  await closeWaiting(ctx, input.personId, input.tierId, 'enrolled')
  return { ok: true, memberId }
}

/** MEM-7 (renewal from the current end or today), MEM-9 (refused when blacklisted), upgrades with their credit. */
export async function pay(ctx: ActionContext, input: { memberId: string; tierId: string; term: Term } & Payment): Promise<ActionResult<{ quote: FeeQuote }>> {
  if (!input.receiptNo.trim()) return { ok: false, problem: 'receipt-required' }
  const member = ctx.snapshot.members.find((m) => m.id === input.memberId)
  if (!member) return { ok: false, problem: 'unknown-member' }
  if (blacklistOf(ctx.snapshot, input.memberId)) return { ok: false, problem: 'blacklisted' }
  const quoted = quoteFee(ctx, input.memberId, input.tierId, input.term)
  if (!quoted.ok) return quoted
  await takeFee(ctx, input.memberId, quoted.quote, input)
  await closeWaiting(ctx, member.record.personId, input.tierId, 'enrolled')
  return quoted
}

/**
 * MEM-6: the deposit goes back, all of it or less what is kept, with the
 * reason, once the VIP membership it secures has ended (refused with the day
 * it ends while it runs: the desk has no action that ends a membership early).
 */
export async function returnDeposit(
  ctx: ActionContext,
  input: { memberId: string; refunded: Fen; kept: Fen; reason: string } & Payment,
): Promise<
  | ActionResult
  | { ok: false; problem: 'more-than-held' | ReasonProblem | 'nothing-held'; held: Fen }
  | { ok: false; problem: 'membership-running'; held: Fen; endsOn: LocalDate }
> {
  const held = stateOf(ctx.snapshot, input.memberId, ctx.now).depositHeld
  const lockedUntil = depositLockedUntil(ctx.snapshot.ledger, input.memberId, todayIn(ctx.snapshot, ctx.now), ctx.snapshot.settings)
  const problem = checkDepositReturn(held, input.refunded, input.kept, input.reason, lockedUntil)
  if (problem === 'membership-running' && lockedUntil !== undefined) return { ok: false, problem, held, endsOn: lockedUntil }
  if (problem && problem !== 'membership-running') return { ok: false, problem, held }
  await ctx.storage.desk.ledger.add({
    kind: 'deposit-return', memberId: input.memberId, at: ctx.now, refunded: input.refunded, kept: input.kept, reason: input.reason.trim(),
    method: input.method, receiptNo: input.receiptNo.trim(), by: ctx.userId,
  })
  return { ok: true }
}

/** MEM-4: joins the ordered waiting list of a full tier. */
export async function joinWaitlist(ctx: ActionContext, personId: string, tierId: string, note = ''): Promise<void> {
  const waiting = ctx.snapshot.waitlist.some((w) => w.record.personId === personId && w.record.tierId === tierId && !w.record.closed)
  if (!waiting) await ctx.storage.desk.waitlist.put({ personId, tierId, at: ctx.now, note })
}

async function closeWaiting(ctx: ActionContext, personId: string, tierId: string, outcome: 'enrolled' | 'withdrawn'): Promise<void> {
  for (const w of ctx.snapshot.waitlist) {
    if (w.record.personId === personId && w.record.tierId === tierId && !w.record.closed) {
      await ctx.storage.desk.waitlist.put({ ...w.record, closed: { at: ctx.now, outcome } }, w.id)
    }
  }
}

export const withdrawFromWaitlist = (ctx: ActionContext, personId: string, tierId: string) => closeWaiting(ctx, personId, tierId, 'withdrawn')

/** MEM-8: a lost card is revoked by issuing the next serial; older cards then read as revoked. */
export async function reissueCard(ctx: ActionContext, memberId: string): Promise<number> {
  const member = ctx.snapshot.members.find((m) => m.id === memberId)
  if (!member) throw new Error('unknown member')
  const serial = member.record.cardSerial + 1
  await ctx.storage.desk.members.put({ ...member.record, cardSerial: serial }, memberId)
  await ctx.storage.audit.append({ action: 'card.reissue', by: ctx.userId, recordId: memberId, recordType: 'member', detail: `serial ${serial}` })
  return serial
}

/** MEM-3: a suspended membership is refused at check-in until resumed. */
export async function setSuspended(ctx: ActionContext, memberId: string, reason: string | undefined): Promise<void> {
  const member = ctx.snapshot.members.find((m) => m.id === memberId)
  if (!member) throw new Error('unknown member')
  const { suspended: _was, ...rest } = member.record
  await ctx.storage.desk.members.put(reason ? { ...rest, suspended: { reason, at: ctx.now } } : rest, memberId)
  await ctx.storage.audit.append({ action: 'member.suspend', by: ctx.userId, recordId: memberId, recordType: 'member', detail: reason ? 'suspended' : 'resumed' })
}

/** MEM-9: blacklisting and lifting, by a manager (the server refuses anyone else's). */
export async function setBlacklisted(ctx: ActionContext, memberId: string, action: 'add' | 'lift', reason: string): Promise<ActionResult | { ok: false; problem: ReasonProblem }> {
  const problem = checkReason(reason)
  if (problem) return { ok: false, problem }
  await ctx.storage.desk.blacklist.add({ memberId, action, reason: reason.trim(), at: ctx.now, by: ctx.userId })
  await ctx.storage.audit.append({ action: action === 'add' ? 'member.blacklist' : 'member.blacklist-lift', by: ctx.userId, recordId: memberId, recordType: 'member' })
  return { ok: true }
}

/** MEM-5: hours of service a VIP gave. */
export async function logService(ctx: ActionContext, input: { memberId: string; date: string; hours: number; note: string }): Promise<ActionResult | { ok: false; problem: 'hours-invalid' }> {
  if (!validServiceHours(input.hours)) return { ok: false, problem: 'hours-invalid' }
  await ctx.storage.desk.serviceLogs.add({ memberId: input.memberId, date: input.date, hours: input.hours, note: input.note.trim(), by: ctx.userId })
  return { ok: true }
}
