import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Agreement } from '@/core/broadband/types'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { changeStatus, ledgerOf, openAgreement, type BroadbandContext } from './broadband-actions'
import { createBroadbandRecords } from './broadband-records'
import { postBillRun, previewBillRun } from './bill-run-actions'

const at = Date.parse('2026-12-07T02:00:00Z')
const clock = { today: '2026-12-07', now: at, userId: 'agent-1' }
let ctx: BroadbandContext
let audited: { action: string; detail?: string }[]

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('accounts:1', 'agent-1'))
  audited = []
  ctx = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async (e) => void audited.push(e) }, userId: 'agent-1' }
})

const draft = (accountNo: string, monthlyFee: number): Omit<Agreement, 'createdAt' | 'createdBy'> => ({
  accountNo,
  accountName: `户 ${accountNo}`,
  subscriberId: `person:${accountNo}`,
  plan: { name: '100M', monthlyFee, singlePortFee: 3_000 },
  cycleStart: '2026-11-01',
  cycleEnd: '2027-10-31',
})

async function started(accountNo: string, fee: number, on: string) {
  const id = await openAgreement(ctx, draft(accountNo, fee), { by: 'agent-1', at })
  await changeStatus(ctx, { accountId: id, to: 'active', on, at, by: 'agent-1', reason: 'service-start' })
  return id
}

describe('the bill run (issue 12 §3, BB-2, BB-6)', () => {
  it('BB-2, BB-6: the preview charges each live account its fee, part-bills the month service started and skips a pending one, with the total in fen', async () => {
    await started('BB-1', 10_000, '2026-10-01')
    await started('BB-2', 9_900, '2026-11-20')
    await openAgreement(ctx, draft('BB-3', 5_000), { by: 'agent-1', at })
    const plan = await previewBillRun(ctx, '2026-11', clock.today)
    if ('problem' in plan) throw new Error(plan.problem)
    // 11 of November's 30 days × 99.00 = 36.30.
    expect(plan.charges.map((c) => [c.accountNo, c.amount, c.days, c.daysInMonth])).toEqual([
      ['BB-1', 10_000, undefined, undefined],
      ['BB-2', 3_630, 11, 30],
    ])
    expect(plan.skipped.map((s) => [s.accountNo, s.why])).toEqual([['BB-3', 'pending']])
    expect(plan.total).toBe(13_630)
  })

  it('issue 12 §3: posted once, the month\'s charges are on the ledger and a second run shows every account already billed', async () => {
    const a = await started('BB-1', 10_000, '2026-10-01')
    const plan = await previewBillRun(ctx, '2026-11', clock.today)
    if ('problem' in plan) throw new Error(plan.problem)
    expect(await postBillRun(ctx, plan, clock, 'run-1')).toEqual({ count: 1, total: 10_000 })
    expect((await ledgerOf(ctx, a)).map((l) => [l.record.kind, l.record.amount, l.record.month, l.record.due])).toEqual([['charge', 10_000, '2026-11', '2026-11-30']])
    expect(audited).toContainEqual(expect.objectContaining({ action: 'broadband.post', detail: 'charge:1 2026-11' }))
    const again = await previewBillRun(ctx, '2026-11', clock.today)
    if ('problem' in again) throw new Error(again.problem)
    expect(again.charges).toEqual([])
    expect(again.skipped.map((s) => s.why)).toEqual(['already-billed'])
    expect(await postBillRun(ctx, again, clock, 'run-2')).toEqual({ count: 0, total: 0 })
    // The first preview posted again (a second tap, another tab): nobody is charged twice.
    expect(await postBillRun(ctx, plan, clock, 'run-3')).toEqual({ count: 0, total: 0 })
    expect(await ledgerOf(ctx, a)).toHaveLength(1)
  })

  it('issue 12 §3: what is posted is the plan the agent confirmed, less any account charged since', async () => {
    const a = await started('BB-1', 10_000, '2026-10-01')
    const b = await started('BB-2', 8_000, '2026-10-01')
    const plan = await previewBillRun(ctx, '2026-11', clock.today)
    if ('problem' in plan) throw new Error(plan.problem)
    // BB-2's November charge is posted meanwhile (another tab), and an account opened after the preview is not in it.
    const onlyB = { ...plan, charges: plan.charges.filter((c) => c.accountId === b) }
    expect(await postBillRun(ctx, onlyB, clock, 'run-tab')).toEqual({ count: 1, total: 8_000 })
    await started('BB-3', 5_000, '2026-10-01')
    expect(await postBillRun(ctx, plan, clock, 'run-1')).toEqual({ count: 1, total: 10_000 })
    expect((await ledgerOf(ctx, a)).map((l) => l.record.amount)).toEqual([10_000])
    expect((await ledgerOf(ctx, b)).map((l) => l.record.amount)).toEqual([8_000])
  })

  it('a month that has not begun is refused', async () => {
    expect(await previewBillRun(ctx, '2027-01', clock.today)).toEqual({ problem: 'month-not-begun' })
  })
})
