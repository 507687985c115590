import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Agreement, LedgerEntry } from '@/core/broadband/types'
import { balanceOf } from '@/core/broadband/ledger-fold'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { changeStatus, ledgerOf, openAgreement, postEntries, statusChangesOf, type BroadbandContext } from './broadband-actions'
import { createBroadbandRecords } from './broadband-records'
import { duplicatesOn, keepCharge, monthsThrough } from './duplicate-actions'
import { noticeRows, objectTo, postCheckedNotice, statementNoticesOf } from './notice-actions'

const at = Date.parse('2026-11-01T02:00:00Z')
const clock = { today: '2026-12-07', now: Date.parse('2026-12-07T02:00:00Z'), userId: 'manager-1' }
let ctx: BroadbandContext

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('accounts:1', 'manager-1'))
  ctx = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async () => undefined }, userId: 'manager-1' }
})

const draft = (accountNo: string): Omit<Agreement, 'createdAt' | 'createdBy'> => ({
  accountNo, accountName: `户 ${accountNo}`, subscriberId: `person:${accountNo}`, plan: { name: 'p', monthlyFee: 10_000, singlePortFee: 0 }, cycleStart: '2026-01-01', cycleEnd: '2026-12-31',
})
async function active(accountNo: string) {
  const id = await openAgreement(ctx, draft(accountNo), { by: 'agent-1', at })
  await changeStatus(ctx, { accountId: id, to: 'active', on: '2026-01-01', at, by: 'agent-1', reason: 'service-start' })
  return id
}
const charge = (accountId: string, month: string, run: string, when: number): LedgerEntry => ({
  accountId, kind: 'charge', amount: 10_000, on: '2026-12-01', at: when, by: 'agent-1', month, due: '2026-11-30', detail: { kind: 'monthly-fee', run, monthlyFee: 10_000 },
})

describe('notices and objections (BB-13)', () => {
  it('BB-13: an objection that cannot be agreed ends the agreement with a terminated event, reason objection', async () => {
    const a = await active('BB-1')
    const posted = await postCheckedNotice(ctx, { kind: 'terms', title: '新资费', body: '月费调整', channels: ['sms'], effectiveOn: '2027-01-01' }, ['BB-1'], clock)
    if (!posted.ok) throw new Error('not posted')
    expect(await objectTo(ctx, posted.id, 'BB-1', 'recorded', '', clock)).toEqual({ ok: true })
    expect(await objectTo(ctx, posted.id, 'BB-1', 'ended', 'cannot agree', { ...clock, now: clock.now + 60_000 })).toEqual({ ok: true })
    expect((await statusChangesOf(ctx, a)).at(-1)?.record).toMatchObject({ to: 'terminated', reason: 'objection', on: '2026-12-07' })
    const [row] = await noticeRows(ctx)
    expect(row?.notice.accountIds).toEqual([a])
    expect(row?.objections.map((o) => [o.accountNo, o.record.outcome])).toEqual([['BB-1', 'recorded'], ['BB-1', 'ended']])
  })

  it('BB-13: a notice to listed accounts refuses a number no live agreement holds, and an objection from an account it does not concern', async () => {
    await active('BB-1')
    await active('BB-2')
    expect(await postCheckedNotice(ctx, { kind: 'terms', title: 't', body: 'b', channels: ['web'], effectiveOn: '2027-01-01' }, ['BB-1', 'BB-7'], clock)).toEqual({ ok: false, unknown: ['BB-7'] })
    const posted = await postCheckedNotice(ctx, { kind: 'terms', title: 't', body: 'b', channels: ['web'], effectiveOn: '2027-01-01' }, ['BB-1'], clock)
    if (!posted.ok) throw new Error('not posted')
    expect(await objectTo(ctx, posted.id, 'BB-2', 'recorded', '', clock)).toEqual({ ok: false, problem: 'not-concerned' })
  })
})

describe('notices on statements (BB-8, BB-13)', () => {
  it('BB-8, BB-13: the month a notice is posted in, its accounts\' statements carry it, with a subscriber\'s standing on a change of terms', async () => {
    const a = await active('BB-1')
    const b = await active('BB-2')
    const maintenance = await postCheckedNotice(ctx, { kind: 'maintenance', title: '机房维护', body: '', channels: ['sms'], startsAt: clock.now + 3 * 86_400_000, endsAt: clock.now + 3.1 * 86_400_000 }, ['BB-2'], clock)
    const terms = await postCheckedNotice(ctx, { kind: 'terms', title: '新资费', body: '', channels: ['web'], effectiveOn: '2027-01-01' }, undefined, { ...clock, now: clock.now + 60_000 })
    if (!maintenance.ok || !terms.ok) throw new Error('not posted')
    await objectTo(ctx, terms.id, 'BB-1', 'recorded', '', { ...clock, now: clock.now + 120_000 })
    const onA = await statementNoticesOf(ctx, a, '2026-12', '2026-12-31')
    expect(onA.map((n) => [n.notice.title, n.standing])).toEqual([['新资费', 'objected']])
    expect((await statementNoticesOf(ctx, b, '2026-12', '2026-12-31')).map((n) => [n.notice.title, n.standing])).toEqual([
      ['机房维护', undefined],
      ['新资费', 'open'],
    ])
    expect(await statementNoticesOf(ctx, b, '2026-11', '2026-11-30')).toEqual([])
    expect(await statementNoticesOf(ctx, b, '2027-01', '2027-01-31')).toEqual([])
  })
})

describe('months charged twice (issue 12 §3)', () => {
  it('months run from the first through today\'s', () => {
    expect(monthsThrough('2026-11', '2027-01-05')).toEqual(['2026-11', '2026-12', '2027-01'])
  })

  it('issue 12 §3: two bill runs of one month show the month charged twice, the first counting; keeping the other resolves it and the balance counts one charge', async () => {
    const a = await active('BB-1')
    await postEntries(ctx, [charge(a, '2026-11', 'run-a', at + 1)])
    await postEntries(ctx, [charge(a, '2026-11', 'run-b', at + 2)])
    const [row] = await duplicatesOn(ctx, clock.today)
    expect(row).toMatchObject({ accountNo: 'BB-1', month: '2026-11', reviewed: false })
    expect(row?.lines.map((l) => l.record.detail)).toEqual([expect.objectContaining({ run: 'run-a' }), expect.objectContaining({ run: 'run-b' })])
    expect(row?.counted).toBe(row?.lines[0]?.id)
    await keepCharge(ctx, row!, row!.lines[1]!.id, clock)
    const [after] = await duplicatesOn(ctx, clock.today)
    expect(after).toMatchObject({ reviewed: true, counted: row!.lines[1]!.id })
    expect(balanceOf(await ledgerOf(ctx, a), (await ctx.records.duplicateReviews.byParent(a)).map((r) => r.record))).toBe(10_000)
  })
})
