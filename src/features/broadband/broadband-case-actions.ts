import type { Dispute, DisputeStatus, BroadbandNotice, DunningEvent, DuplicateReview, Objection, Outage, WithId } from '@/core/broadband/types'
import { audit, byTime, type BroadbandContext } from './broadband-actions'

// The desk's records around the ledger: dunning steps (BB-4), outages (BB-6), disputes (BB-7), notices (BB-8, BB-13),
// objections (BB-13) and a manager's duplicate-charge reviews. Storage guarantees only; the stores apply the rules.

/** BB-7, duplicate reviews: the ledger entry named is not the account's (or not the charge the record is about). */
export class NotOnLedger extends Error {
  constructor(readonly entryId: string) {
    super(`entry ${entryId} is not on that account's ledger`)
    this.name = 'NotOnLedger'
  }
}

/** BB-7: a dispute is resolved once; a resolved (or unknown) one is not resolved again. */
export class DisputeNotOpen extends Error {
  constructor(readonly disputeId: string) {
    super(`dispute ${disputeId} is not open`)
    this.name = 'DisputeNotOpen'
  }
}

/** The entry `entryId`, if it is on `accountId`'s ledger. */
async function entryOf(ctx: BroadbandContext, accountId: string, entryId: string) {
  const entry = await ctx.records.ledger.get(entryId)
  if (!entry || entry.accountId !== accountId) throw new NotOnLedger(entryId)
  return entry
}

// ——— Dunning (BB-4) ———

export async function recordDunning(ctx: BroadbandContext, event: DunningEvent): Promise<string> {
  const id = await ctx.records.dunning.add(event)
  await audit(ctx, 'broadband.dunning', 'bb-dunning', event.accountId, event.step)
  return id
}

export const dunningOf = async (ctx: BroadbandContext, accountId: string): Promise<WithId<DunningEvent>[]> => byTime(await ctx.records.dunning.byParent(accountId))

// ——— Outages (BB-6) ———

/** Records an outage, or (with its id) updates it: completed when repaired, marked when its credits were posted. */
export async function saveOutage(ctx: BroadbandContext, outage: Outage, id?: string): Promise<string> {
  const saved = await ctx.records.outages.put(outage, id)
  await audit(ctx, 'broadband.outage', 'bb-outage', saved, `accounts:${outage.accountIds.length}${outage.end === undefined ? '' : ' ended'}`)
  return saved
}

export const listOutages = (ctx: BroadbandContext): Promise<WithId<Outage>[]> => ctx.records.outages.list()

// ——— Disputes (BB-7) ———

/** Raises an open dispute of one entry on the account's ledger (the store checks the 6-month window first). */
export async function raiseDispute(ctx: BroadbandContext, dispute: Omit<Dispute, 'status' | 'resolution' | 'resolvedBy' | 'creditEntryId'>): Promise<string> {
  await entryOf(ctx, dispute.accountId, dispute.entryId)
  const id = await ctx.records.disputes.put({ ...dispute, status: 'open' })
  await audit(ctx, 'broadband.dispute-raise', 'bb-dispute', id)
  return id
}

export interface DisputeOutcome {
  status: Exclude<DisputeStatus, 'open'>
  resolution: string
  resolvedBy: string
  /** The credit an upheld dispute posted (the store posts it first). */
  creditEntryId?: string
}

/** Resolves an open dispute, once: `DisputeNotOpen` for a resolved or unknown one. */
export async function resolveDispute(ctx: BroadbandContext, id: string, outcome: DisputeOutcome): Promise<void> {
  const dispute = await ctx.records.disputes.get(id)
  if (!dispute || dispute.status !== 'open') throw new DisputeNotOpen(id)
  await ctx.records.disputes.put({ ...dispute, ...outcome }, id)
  await audit(ctx, 'broadband.dispute-resolve', 'bb-dispute', id, outcome.status)
}

export const disputesOf = (ctx: BroadbandContext, accountId: string): Promise<WithId<Dispute>[]> => ctx.records.disputes.byParent(accountId)

// ——— Notices and objections (BB-8, BB-13) ———

export async function postNotice(ctx: BroadbandContext, notice: BroadbandNotice): Promise<string> {
  const id = await ctx.records.notices.put(notice)
  await audit(ctx, 'broadband.notice', 'bb-notice', id, notice.kind)
  return id
}

export const listNotices = (ctx: BroadbandContext): Promise<WithId<BroadbandNotice>[]> => ctx.records.notices.list()

export async function recordObjection(ctx: BroadbandContext, objection: Objection): Promise<string> {
  const id = await ctx.records.objections.add(objection)
  await audit(ctx, 'broadband.objection', 'bb-objection', id, objection.outcome)
  return id
}

export const objectionsOf = async (ctx: BroadbandContext, accountId: string): Promise<WithId<Objection>[]> => byTime(await ctx.records.objections.byParent(accountId))

// ——— Duplicate charges (two offline bill runs) ———

/**
 * A manager's decision on which of a month's charges counts (only managers may write it: the server refuses anyone
 * else's). The kept entry must be a charge of that account and month.
 */
export async function reviewDuplicate(ctx: BroadbandContext, review: DuplicateReview): Promise<string> {
  const kept = await entryOf(ctx, review.accountId, review.kept)
  if (kept.kind !== 'charge' || kept.month !== review.month) throw new NotOnLedger(review.kept)
  const id = await ctx.records.duplicateReviews.put(review)
  await audit(ctx, 'broadband.duplicate-review', 'bb-duplicate-review', id, review.month)
  return id
}

export const duplicateReviewsOf = (ctx: BroadbandContext, accountId: string): Promise<WithId<DuplicateReview>[]> => ctx.records.duplicateReviews.byParent(accountId)
