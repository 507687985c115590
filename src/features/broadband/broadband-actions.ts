import type { Agreement, LedgerEntry, LedgerLine, StatusChange, WithId } from '@/core/broadband/types'
import { paymentChannels } from '@/core/broadband/schemas'
import { normaliseBlind } from '@/crypto/blind-index'
import type { AuditEvent } from '@/storage/audit-events'
import type { BroadbandRecords } from './broadband-records'
import type { BroadbandAuditAction } from './broadband.audit'

/**
 * The broadband desk's reads and writes over its records (BB-1 … BB-13): plain async functions, storage guarantees only.
 * The business rules (which status change is allowed, BB-3 plan changes, what a bill run charges) are the core's;
 * the stores check them first and call these. Every write is audited with a `broadband.*` action whose detail holds
 * ids, months, kinds and counts, never a subscriber's data (CONF-6).
 */
export interface BroadbandContext {
  records: BroadbandRecords
  audit: { append: (event: Pick<AuditEvent, 'by' | 'recordId' | 'recordType' | 'detail'> & { action: BroadbandAuditAction }) => Promise<unknown> }
  /** Who acts: the audit entry's author. */
  userId: string
}

/** Who opened an agreement, and when (stamped on it as `createdBy`, `createdAt`). */
export interface Actor {
  by: string
  at: number
}

/** BB-1, BB-4: an agreement that is not terminated still holds its account number. */
export class AccountNoTaken extends Error {
  constructor(readonly heldBy: string) {
    super('account number taken by a live agreement')
    this.name = 'AccountNoTaken'
  }
}

/** BB-2: a payment refused before it is written (the form checks first: this is defence in depth). */
export class PaymentRefused extends Error {
  constructor(readonly why: 'kind' | 'amount' | 'channel' | 'receipt' | 'account') {
    super(`payment refused: ${why}`)
    this.name = 'PaymentRefused'
  }
}

/** Audits one of the desk's writes: ids, months, kinds and counts in `detail`, never a subscriber's data. */
export const audit = (ctx: BroadbandContext, action: BroadbandAuditAction, recordType: string, recordId?: string, detail?: string) =>
  ctx.audit.append({ action, by: ctx.userId, recordType, ...(recordId ? { recordId } : {}), ...(detail ? { detail } : {}) })

// ——— Agreements (BB-1, BB-3, BB-4, BB-12) ———

/** The agreements holding `accountNo`: a blind-index look-up, each candidate confirmed on its decrypted, normalised number. */
export async function findAgreementsByAccountNo(ctx: BroadbandContext, accountNo: string): Promise<WithId<Agreement>[]> {
  const wanted = normaliseBlind('accountNo', accountNo)
  const found = await ctx.records.agreements.findBy('accountNo', accountNo)
  return found.filter((a) => normaliseBlind('accountNo', a.record.accountNo) === wanted)
}

/** BB-1: an agreement is live until it has a `terminated` status event (none at all: pending). */
async function isLive(ctx: BroadbandContext, agreementId: string): Promise<boolean> {
  return !(await statusChangesOf(ctx, agreementId)).some((c) => c.record.to === 'terminated')
}

/**
 * BB-1: opens an agreement, pending (no status event is written: none means pending). Refused with `AccountNoTaken`
 * while another agreement holding the number is live; a terminated one's number is free again (BB-4 reclaim).
 */
export async function openAgreement(ctx: BroadbandContext, draft: Omit<Agreement, 'createdAt' | 'createdBy'>, who: Actor): Promise<string> {
  for (const held of await findAgreementsByAccountNo(ctx, draft.accountNo)) {
    if (await isLive(ctx, held.id)) throw new AccountNoTaken(held.id)
  }
  const id = await ctx.records.agreements.put({ ...draft, createdAt: who.at, createdBy: who.by })
  await audit(ctx, 'broadband.agreement-open', 'bb-agreement', id)
  return id
}

/**
 * BB-12: a transfer of ownership ends the old agreement (a `terminated` status event, reason `transfer`) and opens the
 * new one, in one transaction: a full disk or a crash leaves either both or neither, never an account ended with no
 * successor. The number is checked first (`AccountNoTaken`), as for any new agreement.
 */
export async function transferAgreement(ctx: BroadbandContext, termination: StatusChange, draft: Omit<Agreement, 'createdAt' | 'createdBy'>, who: Actor): Promise<string> {
  for (const held of await findAgreementsByAccountNo(ctx, draft.accountNo)) {
    if (held.id !== termination.accountId && (await isLive(ctx, held.id))) throw new AccountNoTaken(held.id)
  }
  const ended = await ctx.records.statusChanges.sealMany([termination])
  const opened = await ctx.records.agreements.sealMany([{ record: { ...draft, createdAt: who.at, createdBy: who.by } }])
  await ctx.records.writeTogether([ended, opened])
  const id = opened.changes[0]!.id
  await audit(ctx, 'broadband.status-change', 'bb-status', termination.accountId, `${termination.to}:${termination.reason}`)
  await audit(ctx, 'broadband.agreement-open', 'bb-agreement', id)
  return id
}

export const getAgreement = (ctx: BroadbandContext, id: string): Promise<Agreement | undefined> => ctx.records.agreements.get(id)

/** A subscriber's agreements (the directory person's), opening only those. */
export const agreementsOfSubscriber = (ctx: BroadbandContext, personId: string): Promise<WithId<Agreement>[]> => ctx.records.agreements.byParent(personId)

/** Every agreement (the bill run walks them): agreements only, never the ledger. */
export const listAgreements = (ctx: BroadbandContext): Promise<WithId<Agreement>[]> => ctx.records.agreements.list()

/**
 * Changes an agreement's particulars (a plan change: the store checks BB-3 first). The account number stays the
 * one it was opened with: changing it would bypass the live-number check (a new number is a new agreement).
 */
export async function updateAgreement(ctx: BroadbandContext, id: string, changes: Partial<Omit<Agreement, 'accountNo' | 'createdAt' | 'createdBy'>>): Promise<void> {
  const current = await ctx.records.agreements.get(id)
  if (!current) throw new Error(`no agreement ${id}`)
  await ctx.records.agreements.put({ ...current, ...changes, accountNo: current.accountNo, createdAt: current.createdAt, createdBy: current.createdBy }, id)
  await audit(ctx, 'broadband.agreement-change', 'bb-agreement', id, Object.keys(changes).sort().join(','))
}

// ——— Status (BB-1, BB-4, BB-9, BB-12, BB-13) ———

/** Writes one status event (the store checks the BB-1 transition first); the status is the fold of these. */
export async function changeStatus(ctx: BroadbandContext, change: StatusChange): Promise<string> {
  const id = await ctx.records.statusChanges.add(change)
  await audit(ctx, 'broadband.status-change', 'bb-status', change.accountId, `${change.to}:${change.reason}`)
  return id
}

/** An agreement's status events, ordered by `(at, id)` so every device folds them alike. */
export async function statusChangesOf(ctx: BroadbandContext, accountId: string): Promise<WithId<StatusChange>[]> {
  return byTime(await ctx.records.statusChanges.byParent(accountId))
}

// ——— Ledger (BB-2, BB-5, BB-6, BB-7, BB-10) ———

/**
 * BB-2: takes a payment: refused (`PaymentRefused`) unless it is a `payment` of more than 0 fen through the counter or the website with a
 * receipt number, on an agreement this device knows.
 */
export async function takePayment(ctx: BroadbandContext, entry: LedgerEntry): Promise<string> {
  if (entry.kind !== 'payment') throw new PaymentRefused('kind')
  if (!Number.isSafeInteger(entry.amount) || entry.amount <= 0) throw new PaymentRefused('amount')
  if (!entry.channel || !(paymentChannels as readonly string[]).includes(entry.channel)) throw new PaymentRefused('channel')
  if (!entry.receiptNo || entry.receiptNo.trim() === '') throw new PaymentRefused('receipt')
  if (!(await ctx.records.agreements.get(entry.accountId))) throw new PaymentRefused('account')
  const id = await ctx.records.ledger.add({ ...entry, receiptNo: entry.receiptNo.trim() })
  await audit(ctx, 'broadband.payment', 'bb-ledger', id, entry.channel)
  return id
}

/**
 * Posts many entries in one transaction (a bill run's 10,000 charges): all land or none does, so a failure leaves
 * nothing half-posted and the run can simply be run again. The audit detail: how many of each kind, and the months.
 */
export async function postEntries(ctx: BroadbandContext, entries: readonly LedgerEntry[]): Promise<string[]> {
  if (entries.length === 0) return []
  const ids = await ctx.records.ledger.addMany(entries)
  await audit(ctx, 'broadband.post', 'bb-ledger', undefined, postedDetail(entries))
  return ids
}

function postedDetail(entries: readonly LedgerEntry[]): string {
  const kinds = new Map<string, number>()
  for (const e of entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1)
  const months = [...new Set(entries.flatMap((e) => (e.month ? [e.month] : [])))].sort()
  return [...[...kinds].sort().map(([k, n]) => `${k}:${n}`), ...months].join(' ')
}

/** One account's ledger lines (that account's only, opened by its slice), ordered by `(at, id)`. */
export async function ledgerOf(ctx: BroadbandContext, accountId: string): Promise<LedgerLine[]> {
  return byTime(await ctx.records.ledger.byParent(accountId))
}

/** BB-2: the accounts already charged for `month` (bill run idempotence), opening that month's charges only. */
export async function chargedAccountsOf(ctx: BroadbandContext, month: string): Promise<Set<string>> {
  const charges = await ctx.records.ledger.onDay(`${month}-01`)
  return new Set(charges.filter((c) => c.record.kind === 'charge' && c.record.month === month).map((c) => c.record.accountId))
}

/** Events by `(at, id)`: the order every device folds them in. */
export function byTime<T extends { at: number }>(events: WithId<T>[]): WithId<T>[] {
  return events.sort((a, b) => a.record.at - b.record.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
