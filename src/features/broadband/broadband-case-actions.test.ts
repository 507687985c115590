import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BroadbandNotice, LedgerEntry, Outage } from '@/core/broadband/types'
import type { AuditAction } from '@/storage/audit-events'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { ledgerOf, postEntries, type BroadbandContext } from './broadband-actions'
import {
  DisputeNotOpen,
  NotOnLedger,
  disputesOf,
  dunningOf,
  duplicateReviewsOf,
  listNotices,
  listOutages,
  objectionsOf,
  postNotice,
  raiseDispute,
  recordDunning,
  recordObjection,
  resolveDispute,
  reviewDuplicate,
  saveOutage,
} from './broadband-case-actions'
import { createBroadbandRecords } from './broadband-records'
import { recordsOfType } from '@/storage/records-of-type'

const at = Date.parse('2026-12-07T02:00:00Z')
const a = 'bb-agreement:a'
const b = 'bb-agreement:b'

let ctx: BroadbandContext
let db: ReturnType<typeof createTestStorage>['db']
let audited: { action: AuditAction; recordId?: string; detail?: string }[]

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('accounts:1', 'manager-1'))
  db = t.db
  audited = []
  ctx = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async (e) => void audited.push(e) }, userId: 'manager-1' }
})

const charge = (accountId: string, month: string, amount = 10_000): LedgerEntry => ({ accountId, kind: 'charge', amount, on: `${month}-01`, at, by: 'agent-1', month, due: `${month}-15` })

describe('dunning steps (BB-4)', () => {
  it('BB-4: a confirmed dunning step is read back for its account only, in order, audited with its step', async () => {
    await recordDunning(ctx, { accountId: a, step: 'credit-record', due: '2026-10-15', on: '2026-12-20', at: at + 5, by: 'agent-1', department: true })
    await recordDunning(ctx, { accountId: a, step: 'notice', due: '2026-10-15', on: '2026-12-07', at, by: 'agent-1' })
    await recordDunning(ctx, { accountId: b, step: 'notice', due: '2026-11-15', on: '2026-12-07', at, by: 'agent-1' })
    expect((await dunningOf(ctx, a)).map((d) => d.record.step)).toEqual(['notice', 'credit-record'])
    expect(audited.map((e) => [e.action, e.recordId, e.detail])).toEqual([
      ['broadband.dunning', a, 'credit-record'],
      ['broadband.dunning', a, 'notice'],
      ['broadband.dunning', b, 'notice'],
    ])
  })
})

describe('outages (BB-6)', () => {
  it('BB-6: an outage is recorded, completed when repaired, and listed; the audit holds the count of accounts, not the area or cause', async () => {
    const outage: Outage = { accountIds: [a, b], area: '3号楼', start: at, cause: '光缆被挖断', businessCaused: true, promisedBy: at + 4 * 3600_000, recordedAt: at, recordedBy: 'agent-1' }
    const id = await saveOutage(ctx, outage)
    await saveOutage(ctx, { ...outage, end: at + 30 * 3600_000 }, id)
    expect(await listOutages(ctx)).toEqual([{ id, record: { ...outage, end: at + 30 * 3600_000 } }])
    expect(audited.map((e) => [e.action, e.recordId, e.detail])).toEqual([
      ['broadband.outage', id, 'accounts:2'],
      ['broadband.outage', id, 'accounts:2 ended'],
    ])
    expect(JSON.stringify(audited)).not.toMatch(/3号楼|光缆/)
  })
})

describe('disputes (BB-7)', () => {
  it('BB-7: a dispute of a charge on the account’s ledger is raised open, found by the account, and resolved once', async () => {
    const [entryId] = await postEntries(ctx, [charge(a, '2026-11')])
    const id = await raiseDispute(ctx, { accountId: a, entryId: entryId!, raisedOn: '2026-12-07', raisedBy: 'agent-1', reason: '当月已停机' })
    expect((await disputesOf(ctx, a)).map((d) => d.record.status)).toEqual(['open'])
    expect(await disputesOf(ctx, b)).toEqual([])
    await resolveDispute(ctx, id, { status: 'upheld', resolution: '核实停机', resolvedBy: 'manager-1', creditEntryId: 'bb-ledger:credit' })
    expect((await disputesOf(ctx, a))[0]!.record).toMatchObject({ status: 'upheld', resolvedBy: 'manager-1', creditEntryId: 'bb-ledger:credit', reason: '当月已停机' })
    await expect(resolveDispute(ctx, id, { status: 'rejected', resolution: 'again', resolvedBy: 'manager-1' })).rejects.toBeInstanceOf(DisputeNotOpen)
    expect(audited.filter((e) => e.action.startsWith('broadband.dispute')).map((e) => [e.action, e.recordId, e.detail])).toEqual([
      ['broadband.dispute-raise', id, undefined],
      ['broadband.dispute-resolve', id, 'upheld'],
    ])
  })

  it('BB-7: a dispute of an entry not on that account’s ledger is refused (NotOnLedger), nothing written', async () => {
    const [entryId] = await postEntries(ctx, [charge(a, '2026-11')])
    await expect(raiseDispute(ctx, { accountId: b, entryId: entryId!, raisedOn: '2026-12-07', raisedBy: 'agent-1', reason: 'x' })).rejects.toBeInstanceOf(NotOnLedger)
    await expect(raiseDispute(ctx, { accountId: a, entryId: 'bb-ledger:none', raisedOn: '2026-12-07', raisedBy: 'agent-1', reason: 'x' })).rejects.toBeInstanceOf(NotOnLedger)
    expect(await disputesOf(ctx, a)).toEqual([])
    expect(await disputesOf(ctx, b)).toEqual([])
  })
})

describe('notices and objections (BB-8, BB-13)', () => {
  it('BB-8, BB-13: notices are posted and listed; an objection is read back for its account, audited with its outcome', async () => {
    const terms: BroadbandNotice = { kind: 'terms', title: '资费调整', body: '…', channels: ['web', 'sms'], postedAt: at, postedOn: '2026-12-07', postedBy: 'manager-1', effectiveOn: '2027-01-07' }
    const maintenance: BroadbandNotice = { kind: 'maintenance', title: '线路维护', body: '…', accountIds: [a], channels: ['group'], postedAt: at, postedOn: '2026-12-07', postedBy: 'manager-1', startsAt: at + 86_400_000, endsAt: at + 90_000_000 }
    const noticeId = await postNotice(ctx, terms)
    await postNotice(ctx, maintenance)
    expect((await listNotices(ctx)).map((n) => n.record.kind).sort()).toEqual(['maintenance', 'terms'])
    await recordObjection(ctx, { noticeId, accountId: a, on: '2026-12-10', at, by: 'agent-1', outcome: 'recorded' })
    await recordObjection(ctx, { noticeId, accountId: a, on: '2026-12-12', at: at + 1, by: 'agent-1', outcome: 'ended' })
    expect((await objectionsOf(ctx, a)).map((o) => o.record.outcome)).toEqual(['recorded', 'ended'])
    expect(await objectionsOf(ctx, b)).toEqual([])
    expect(audited.map((e) => [e.action, e.detail])).toEqual([
      ['broadband.notice', 'terms'],
      ['broadband.notice', 'maintenance'],
      ['broadband.objection', 'recorded'],
      ['broadband.objection', 'ended'],
    ])
    expect(JSON.stringify(audited)).not.toContain('资费调整')
  })
})

describe('duplicate charge reviews (two offline bill runs)', () => {
  it('BB-2: a manager keeps one of a month’s charges on the account; the review is read back for the account, audited with the month', async () => {
    const [first, second] = await postEntries(ctx, [charge(a, '2026-11'), charge(a, '2026-11')])
    const id = await reviewDuplicate(ctx, { accountId: a, month: '2026-11', kept: first!, reviewedBy: 'manager-1', reviewedAt: at })
    expect(await duplicateReviewsOf(ctx, a)).toEqual([{ id, record: expect.objectContaining({ kept: first, month: '2026-11' }) }])
    expect(audited.at(-1)).toMatchObject({ action: 'broadband.duplicate-review', recordId: id, detail: '2026-11' })
    expect((await ledgerOf(ctx, a)).map((l) => l.id).sort()).toEqual([first, second].sort())
  })

  it('BB-2: the kept entry must be a charge of that account and month (NotOnLedger otherwise)', async () => {
    const [november, onB] = await postEntries(ctx, [charge(a, '2026-11'), charge(b, '2026-12')])
    const review = { accountId: a, month: '2026-12', kept: november!, reviewedBy: 'manager-1', reviewedAt: at }
    await expect(reviewDuplicate(ctx, review)).rejects.toBeInstanceOf(NotOnLedger)
    await expect(reviewDuplicate(ctx, { ...review, kept: onB! })).rejects.toBeInstanceOf(NotOnLedger)
    expect(await duplicateReviewsOf(ctx, a)).toEqual([])
    expect(await recordsOfType(db, 'bb-duplicate-review').count()).toBe(0)
  })
})
