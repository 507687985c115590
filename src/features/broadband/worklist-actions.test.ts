import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Agreement, LedgerEntry } from '@/core/broadband/types'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { changeStatus, openAgreement, postEntries, statusChangesOf, takePayment, type BroadbandContext } from './broadband-actions'
import { createBroadbandRecords } from './broadband-records'
import { confirmStep, pastDueMonths, worklistOn } from './worklist-actions'

const at = Date.parse('2026-10-01T02:00:00Z')
let ctx: BroadbandContext
let audited: { action: string; detail?: string }[]

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('accounts:1', 'agent-1'))
  audited = []
  ctx = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async (e) => void audited.push(e) }, userId: 'agent-1' }
})

const draft = (accountNo: string): Omit<Agreement, 'createdAt' | 'createdBy'> => ({
  accountNo,
  accountName: `户 ${accountNo}`,
  subscriberId: `person:${accountNo}`,
  plan: { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 },
  cycleStart: '2026-10-01',
  cycleEnd: '2027-09-30',
})
const charge = (accountId: string, month: string): LedgerEntry => ({
  accountId, kind: 'charge', amount: 10_000, on: `${month}-01`, at, by: 'agent-1', month, due: month === '2026-10' ? '2026-10-31' : '2026-11-30',
  detail: { kind: 'monthly-fee', run: 'run', monthlyFee: 10_000 },
})

async function active(accountNo: string) {
  const id = await openAgreement(ctx, draft(accountNo), { by: 'agent-1', at })
  await changeStatus(ctx, { accountId: id, to: 'active', on: '2026-10-01', at, by: 'agent-1', reason: 'service-start' })
  return id
}
const clockOn = (today: string) => ({ today, now: Date.parse(`${today}T04:00:00Z`), userId: 'agent-1' })

describe('the dunning worklist (BB-4, BB-9)', () => {
  it('BB-4: the months already past due are those whose last day is before today', () => {
    expect(pastDueMonths('2026-11-01', 2)).toEqual(['2026-10', '2026-09'])
    expect(pastDueMonths('2026-11-30', 2)).toEqual(['2026-10', '2026-09'])
    expect(pastDueMonths('2026-12-01', 2)).toEqual(['2026-11', '2026-10'])
  })

  it('BB-4: an unpaid October fee proposes the notice on 1 November; confirmed, it gives the letter\'s facts and is audited; the paid account is not listed', async () => {
    const unpaid = await active('BB-1')
    const paid = await active('BB-2')
    await postEntries(ctx, [charge(unpaid, '2026-10'), charge(paid, '2026-10')])
    await takePayment(ctx, { accountId: paid, kind: 'payment', amount: 10_000, on: '2026-10-20', at, by: 'agent-1', channel: 'counter', receiptNo: 'R-1' })
    const { rows, read, inArrears } = await worklistOn(ctx, '2026-11-01')
    expect(read).toBe(2)
    // BB-3: the same pass counts the accounts owing past due (the manager's day shows it).
    expect(inArrears).toBe(1)
    expect(rows.map((r) => [r.accountNo, r.kind])).toEqual([['BB-1', 'notice']])
    const done = await confirmStep(ctx, rows[0]!, clockOn('2026-11-01'), { toDepartment: true, department: '历史系' })
    expect(done).toEqual({ ok: true, letter: { accountNo: 'BB-1', accountName: '户 BB-1', owed: 10_000, due: '2026-10-31', on: '2026-11-01', department: '历史系' } })
    expect(audited.at(-1)).toMatchObject({ action: 'broadband.dunning', detail: 'notice' })
    expect((await worklistOn(ctx, '2026-11-06')).rows).toEqual([])
    // BB-4: unpaid 6 days after the notice: the credit record.
    expect((await worklistOn(ctx, '2026-11-07')).rows.map((r) => r.kind)).toEqual(['credit-record'])
    // A second confirmation of a step already done (another tap, another device) writes nothing.
    expect(await confirmStep(ctx, rows[0]!, clockOn('2026-11-07'), { toDepartment: false })).toEqual({ ok: false, reason: 'no-longer-due' })
  })

  it('BB-4: more than a month overdue the account may be suspended; confirmed, a status event suspends it for arrears', async () => {
    const id = await active('BB-1')
    await postEntries(ctx, [charge(id, '2026-10'), charge(id, '2026-11')])
    const rows = (await worklistOn(ctx, '2026-12-01')).rows
    const suspend = rows.find((r) => r.kind === 'may-suspend')
    expect(suspend?.step).toMatchObject({ due: '2026-10-31', overdue: 20_000 })
    expect(await confirmStep(ctx, suspend!, clockOn('2026-12-01'), { toDepartment: false })).toEqual({ ok: true })
    expect((await statusChangesOf(ctx, id)).at(-1)?.record).toMatchObject({ to: 'suspended', reason: 'arrears', on: '2026-12-01' })
  })
})
