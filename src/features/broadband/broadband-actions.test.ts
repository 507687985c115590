import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Agreement, LedgerEntry, StatusChange } from '@/core/broadband/types'
import type { AuditAction } from '@/storage/audit-events'
import type { StoredEnvelope } from '@/storage/documents'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import {
  AccountNoTaken,
  PaymentRefused,
  agreementsOfSubscriber,
  changeStatus,
  chargedAccountsOf,
  findAgreementsByAccountNo,
  getAgreement,
  ledgerOf,
  listAgreements,
  openAgreement,
  postEntries,
  statusChangesOf,
  takePayment,
  transferAgreement,
  updateAgreement,
  type BroadbandContext,
} from './broadband-actions'
import { createBroadbandRecords } from './broadband-records'
import { recordsOfType } from '@/storage/records-of-type'

const at = Date.parse('2026-12-07T02:00:00Z')
const agent = { by: 'agent-1', at }

let ctx: BroadbandContext
let db: ReturnType<typeof createTestStorage>['db']
let audited: { action: AuditAction; recordId?: string; detail?: string }[]

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('accounts:1', 'agent-1'))
  db = t.db
  audited = []
  ctx = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async (e) => void audited.push(e) }, userId: 'agent-1' }
})

function draft(accountNo: string, subscriberId = 'person:1'): Omit<Agreement, 'createdAt' | 'createdBy'> {
  return {
    accountNo,
    accountName: '张伟',
    subscriberId,
    plan: { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 },
    cycleStart: '2026-12-01',
    cycleEnd: '2027-11-30',
  }
}

const terminated = (accountId: string): StatusChange => ({ accountId, to: 'terminated', on: '2026-12-07', at, by: 'agent-1', reason: 'notice' })

function payment(accountId: string, over: Partial<LedgerEntry> = {}): LedgerEntry {
  return { accountId, kind: 'payment', amount: 10_000, on: '2026-12-07', at, by: 'agent-1', channel: 'counter', receiptNo: 'R-0001', ...over }
}

function charge(accountId: string, month: string, amount = 10_000): LedgerEntry {
  return { accountId, kind: 'charge', amount, on: `${month}-01`, at, by: 'agent-1', month, due: `${month}-15`, detail: { kind: 'monthly-fee', run: `run:${month}`, monthlyFee: amount } }
}

describe('broadband agreements (BB-1, BB-4)', () => {
  it('BB-1: an agreement is opened pending (no status event), found by its number, its subscriber and its id; the audit holds its id only', async () => {
    const id = await openAgreement(ctx, draft('KD-1001'), agent)
    expect(await getAgreement(ctx, id)).toMatchObject({ accountNo: 'KD-1001', createdBy: 'agent-1', createdAt: at })
    expect(await statusChangesOf(ctx, id)).toEqual([])
    expect((await findAgreementsByAccountNo(ctx, ' kd-1001 ')).map((a) => a.id)).toEqual([id])
    expect((await agreementsOfSubscriber(ctx, 'person:1')).map((a) => a.id)).toEqual([id])
    expect(await agreementsOfSubscriber(ctx, 'person:2')).toEqual([])
    expect(audited).toEqual([expect.objectContaining({ action: 'broadband.agreement-open', recordId: id })])
    expect(JSON.stringify(audited)).not.toContain('KD-1001')
  })

  it('BB-1: a second agreement with a live agreement’s account number is refused with AccountNoTaken (case and surrounding spaces ignored)', async () => {
    const first = await openAgreement(ctx, draft('KD-1001'), agent)
    const refused = openAgreement(ctx, draft(' kd-1001 ', 'person:2'), agent)
    await expect(refused).rejects.toBeInstanceOf(AccountNoTaken)
    await expect(refused).rejects.toMatchObject({ heldBy: first })
    expect(await listAgreements(ctx)).toHaveLength(1)
  })

  it('BB-1: a suspended agreement still holds its number', async () => {
    const first = await openAgreement(ctx, draft('KD-1001'), agent)
    await changeStatus(ctx, { accountId: first, to: 'active', on: '2026-12-01', at, by: 'agent-1', reason: 'service-start' })
    await changeStatus(ctx, { accountId: first, to: 'suspended', on: '2026-12-05', at: at + 1, by: 'agent-1', reason: 'arrears' })
    await expect(openAgreement(ctx, draft('KD-1001', 'person:2'), agent)).rejects.toBeInstanceOf(AccountNoTaken)
  })

  it('BB-4: a terminated agreement’s number is free again (reclaim); both agreements keep it', async () => {
    const first = await openAgreement(ctx, draft('KD-1001'), agent)
    await changeStatus(ctx, terminated(first))
    const second = await openAgreement(ctx, draft('KD-1001', 'person:2'), agent)
    expect((await findAgreementsByAccountNo(ctx, 'KD-1001')).map((a) => a.id).sort()).toEqual([first, second].sort())
    await expect(openAgreement(ctx, draft('KD-1001', 'person:3'), agent)).rejects.toBeInstanceOf(AccountNoTaken)
  })

  it('BB-1: a plan change updates the agreement; its account number and creation stay as opened', async () => {
    const id = await openAgreement(ctx, draft('KD-1001'), agent)
    const plan = { name: '300M', monthlyFee: 15_000, singlePortFee: 3_000 }
    await updateAgreement(ctx, id, { plan, accountNo: 'KD-9999', createdBy: 'someone' } as Parameters<typeof updateAgreement>[2])
    expect(await getAgreement(ctx, id)).toMatchObject({ plan, accountNo: 'KD-1001', createdBy: 'agent-1' })
    expect(audited.at(-1)).toMatchObject({ action: 'broadband.agreement-change', recordId: id })
  })

  it('CONF-1: the account number, name and subscriber are not stored in clear', async () => {
    const id = await openAgreement(ctx, draft('KD-1001'), agent)
    const row = JSON.stringify(await db.records.get(id))
    for (const clear of ['KD-1001', '张伟', 'person:1', '100M']) expect(row).not.toContain(clear)
  })
})

describe('broadband status changes (BB-1)', () => {
  it('BB-1: status events are read back for their account only, in (at, id) order, and audited with status and reason', async () => {
    const a = await openAgreement(ctx, draft('KD-1001'), agent)
    const b = await openAgreement(ctx, draft('KD-1002'), agent)
    await changeStatus(ctx, { accountId: a, to: 'suspended', on: '2026-12-05', at: at + 10, by: 'agent-1', reason: 'arrears' })
    await changeStatus(ctx, { accountId: a, to: 'active', on: '2026-12-01', at, by: 'agent-1', reason: 'service-start' })
    await changeStatus(ctx, { accountId: b, to: 'active', on: '2026-12-01', at, by: 'agent-1', reason: 'service-start' })
    expect((await statusChangesOf(ctx, a)).map((c) => c.record.to)).toEqual(['active', 'suspended'])
    expect(audited.filter((e) => e.action === 'broadband.status-change').map((e) => e.detail)).toEqual(['suspended:arrears', 'active:service-start', 'active:service-start'])
  })
})

describe('broadband payments and the ledger (BB-2)', () => {
  it('BB-2: a counter payment with a receipt number is posted to its account’s ledger and audited with its channel', async () => {
    const id = await openAgreement(ctx, draft('KD-1001'), agent)
    const entryId = await takePayment(ctx, payment(id, { channel: 'website', receiptNo: ' W-77 ' }))
    expect(await ledgerOf(ctx, id)).toEqual([{ id: entryId, record: expect.objectContaining({ kind: 'payment', amount: 10_000, channel: 'website', receiptNo: 'W-77' }) }])
    expect(audited.at(-1)).toEqual(expect.objectContaining({ action: 'broadband.payment', recordId: entryId, detail: 'website' }))
  })

  it('BB-2: a payment through another channel, without a receipt number, of no amount, or not a payment is refused and nothing is written', async () => {
    const id = await openAgreement(ctx, draft('KD-1001'), agent)
    const refusal = (entry: LedgerEntry) => takePayment(ctx, entry).then(() => undefined, (e: unknown) => (e instanceof PaymentRefused ? e.why : e))
    expect(await refusal(payment(id, { channel: 'wechat' as never }))).toBe('channel')
    expect(await refusal(payment(id, { channel: undefined }))).toBe('channel')
    expect(await refusal(payment(id, { receiptNo: '   ' }))).toBe('receipt')
    expect(await refusal(payment(id, { receiptNo: undefined }))).toBe('receipt')
    expect(await refusal(payment(id, { amount: 0 }))).toBe('amount')
    expect(await refusal(payment(id, { amount: 99.5 }))).toBe('amount')
    expect(await refusal(payment(id, { kind: 'credit' }))).toBe('kind')
    expect(await refusal(payment('bb-agreement:unknown'))).toBe('account')
    expect(await ledgerOf(ctx, id)).toEqual([])
  })

  it('BB-2: a bill run’s entries are posted at once; the month’s charged accounts are found by the month, the audit holds counts and months only', async () => {
    const a = await openAgreement(ctx, draft('KD-1001'), agent)
    const b = await openAgreement(ctx, draft('KD-1002'), agent)
    const c = await openAgreement(ctx, draft('KD-1003'), agent)
    await postEntries(ctx, [charge(a, '2026-11')])
    const ids = await postEntries(ctx, [charge(a, '2026-12'), charge(b, '2026-12', 12_000), { ...charge(c, '2026-12'), kind: 'back-charge' }])
    expect(ids).toHaveLength(3)
    expect([...(await chargedAccountsOf(ctx, '2026-12'))].sort()).toEqual([a, b].sort())
    expect([...(await chargedAccountsOf(ctx, '2026-11'))]).toEqual([a])
    expect([...(await chargedAccountsOf(ctx, '2027-01'))]).toEqual([])
    expect((await ledgerOf(ctx, b)).map((l) => l.record.amount)).toEqual([12_000])
    expect(audited.at(-1)).toEqual(expect.objectContaining({ action: 'broadband.post', detail: 'back-charge:1 charge:2 2026-12' }))
  })

  it('BB-2: when posting fails midway nothing of the batch is posted (one transaction)', async () => {
    const a = await openAgreement(ctx, draft('KD-1001'), agent)
    const bad = { ...charge(a, '2026-12'), amount: 100.5 } // a fraction of a fen: refused by the schema while sealing
    await expect(postEntries(ctx, [charge(a, '2026-11'), charge(a, '2026-12'), bad])).rejects.toThrow()
    expect(await ledgerOf(ctx, a)).toEqual([])
    const rows = await recordsOfType(db, 'bb-ledger').count()
    expect(rows).toBe(0)
  })

  it('BB-2: when the database write itself fails nothing of the batch is posted and nothing is audited', async () => {
    const a = await openAgreement(ctx, draft('KD-1001'), agent)
    const before = audited.length
    const fullDisk = async (rows: readonly StoredEnvelope[]) => {
      await db.records.put(rows[0]!) // the first row lands inside the transaction, then the disk is full
      throw new Error('QuotaExceededError')
    }
    const bulkPut = vi.spyOn(db.records, 'bulkPut').mockImplementationOnce(fullDisk as never)
    await expect(postEntries(ctx, [charge(a, '2026-11'), charge(a, '2026-12')])).rejects.toThrow('QuotaExceededError')
    bulkPut.mockRestore()
    expect(await recordsOfType(db, 'bb-ledger').count()).toBe(0)
    expect(audited.length).toBe(before)
  })
})

describe('BB-12: a transfer of ownership', () => {
  const draft: Omit<Agreement, 'createdAt' | 'createdBy'> = {
    accountNo: 'KD-9', accountName: '旧户', subscriberId: 'person:old', plan: { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 }, cycleStart: '2026-01-01', cycleEnd: '2026-12-31',
  }
  const ended = (accountId: string): StatusChange => ({ accountId, to: 'terminated', reason: 'transfer', on: '2026-12-07', at, by: 'agent-1' })

  it('BB-12: ends the old agreement and opens the new one under the same number, both audited', async () => {
    const old = await openAgreement(ctx, draft, agent)
    await changeStatus(ctx, { accountId: old, to: 'active', reason: 'service-start', on: '2026-01-01', at: at - 60_000, by: 'agent-1' })
    const id = await transferAgreement(ctx, ended(old), { ...draft, subscriberId: 'person:new', accountName: '新户', transferredFrom: old }, agent)
    expect((await statusChangesOf(ctx, old)).map((s) => [s.record.to, s.record.reason])).toEqual([['active', 'service-start'], ['terminated', 'transfer']])
    expect(await getAgreement(ctx, id)).toMatchObject({ subscriberId: 'person:new', accountNo: 'KD-9', transferredFrom: old })
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['broadband.status-change', 'broadband.agreement-open']))
  })

  it('BB-12: a full disk at the write leaves neither the termination nor the new agreement', async () => {
    const old = await openAgreement(ctx, draft, agent)
    vi.spyOn(db.records, 'bulkPut').mockImplementation((() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.records.bulkPut)
    await expect(transferAgreement(ctx, ended(old), { ...draft, subscriberId: 'person:new', transferredFrom: old }, agent)).rejects.toThrow(/quota/i)
    vi.restoreAllMocks()
    expect(await statusChangesOf(ctx, old)).toEqual([])
    expect((await listAgreements(ctx)).map((a) => a.id)).toEqual([old])
  })

  it('BB-1: the new number must not be held by another live agreement: nothing is ended', async () => {
    const old = await openAgreement(ctx, draft, agent)
    await openAgreement(ctx, { ...draft, accountNo: 'KD-10' }, agent)
    await expect(transferAgreement(ctx, ended(old), { ...draft, accountNo: 'KD-10', transferredFrom: old }, agent)).rejects.toBeInstanceOf(AccountNoTaken)
    expect(await statusChangesOf(ctx, old)).toEqual([])
  })
})
