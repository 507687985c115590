import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Agreement, Outage } from '@/core/broadband/types'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { changeStatus, ledgerOf, openAgreement, type BroadbandContext } from './broadband-actions'
import { saveOutage } from './broadband-case-actions'
import { createBroadbandRecords } from './broadband-records'
import { endOutage, liveAccountsByNo, outageRows, postOutageCredits } from './outage-actions'

const tz = 'Asia/Shanghai'
const at = Date.parse('2026-04-01T02:00:00Z')
const clock = { today: '2026-05-03', now: Date.parse('2026-05-03T02:00:00Z'), userId: 'agent-1' }
let ctx: BroadbandContext

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('accounts:1', 'agent-1'))
  ctx = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async () => undefined }, userId: 'agent-1' }
})

const draft = (accountNo: string, monthlyFee: number): Omit<Agreement, 'createdAt' | 'createdBy'> => ({
  accountNo, accountName: `户 ${accountNo}`, subscriberId: `person:${accountNo}`, plan: { name: 'p', monthlyFee, singlePortFee: 0 }, cycleStart: '2026-01-01', cycleEnd: '2026-12-31',
})
async function active(accountNo: string, fee: number) {
  const id = await openAgreement(ctx, draft(accountNo, fee), { by: 'agent-1', at })
  await changeStatus(ctx, { accountId: id, to: 'active', on: '2026-01-01', at, by: 'agent-1', reason: 'service-start' })
  return id
}
// SPEC BB-6: 30 April 22:00 to 2 May 01:00 is 1 of April's 30 days and 2 of May's 31.
const spanning = (accountIds: string[]): Outage => ({
  accountIds,
  start: Date.parse('2026-04-30T22:00:00+08:00'),
  end: Date.parse('2026-05-02T01:00:00+08:00'),
  cause: 'fibre cut',
  businessCaused: true,
  promisedBy: Date.parse('2026-05-01T08:00:00+08:00'),
  recordedAt: at,
  recordedBy: 'agent-1',
})

describe('outage credits (BB-6)', () => {
  it('BB-6: an outage across a month end credits each account per month (days × fee ÷ days in the month, half up), posted once', async () => {
    const a = await active('BB-1', 10_000)
    const b = await active('BB-2', 9_999)
    const id = await saveOutage(ctx, spanning([a, b]))
    const [row] = await outageRows(ctx, tz)
    if (!row || !row.credits.due) throw new Error('no credits')
    // BB-1: 1 × 100.00 ÷ 30 = 3.333… → 3.33; 2 × 100.00 ÷ 31 = 6.451… → 6.45. BB-2: 1 × 99.99 ÷ 30 = 3.333 → 3.33; 2 × 99.99 ÷ 31 = 6.450… → 6.45.
    expect(row.credits.accounts.map((c) => [c.accountNo, c.months.map((m) => [m.month, m.days, m.daysInMonth, m.credit]), c.total])).toEqual([
      ['BB-1', [['2026-04', 1, 30, 333], ['2026-05', 2, 31, 645]], 978],
      ['BB-2', [['2026-04', 1, 30, 333], ['2026-05', 2, 31, 645]], 978],
    ])
    expect(await postOutageCredits(ctx, id, tz, clock)).toEqual({ ok: true, id })
    // Posted at one instant: ordered here by month (the ledger orders by (at, id), and ids are random).
    const byMonth = (await ledgerOf(ctx, a)).sort((x, y) => (x.record.month ?? '').localeCompare(y.record.month ?? ''))
    expect(byMonth.map((l) => [l.record.kind, l.record.amount, l.record.month, l.record.detail])).toEqual([
      ['credit', 333, '2026-04', { kind: 'outage', outageId: id, days: 1, daysInMonth: 30, monthlyFee: 10_000 }],
      ['credit', 645, '2026-05', { kind: 'outage', outageId: id, days: 2, daysInMonth: 31, monthlyFee: 10_000 }],
    ])
    // BB-6: once: the outage's creditedAt refuses a second post, and nothing more is written.
    expect(await postOutageCredits(ctx, id, tz, clock)).toEqual({ ok: false, problem: 'already-credited' })
    expect(await ledgerOf(ctx, a)).toHaveLength(2)
  })

  it('BB-6: an outage repaired in time, or not the business\'s, or still going, credits nothing', async () => {
    const a = await active('BB-1', 10_000)
    const inTime = await saveOutage(ctx, { ...spanning([a]), promisedBy: Date.parse('2026-05-02T01:00:00+08:00') })
    expect(await postOutageCredits(ctx, inTime, tz, clock)).toEqual({ ok: false, problem: 'no-credit' })
    const { end: _end, ...ongoing } = spanning([a])
    const going = await saveOutage(ctx, ongoing)
    expect((await outageRows(ctx, tz)).find((r) => r.id === going)?.credits).toEqual({ due: false, why: 'ongoing' })
    // BB-6: an end before the start is refused; a later one completes it.
    expect(await endOutage(ctx, going, ongoing.start - 1)).toEqual({ ok: false, problem: 'end-before-start' })
    expect(await endOutage(ctx, going, ongoing.start + 3_600_000)).toEqual({ ok: true, id: going })
    expect(await ledgerOf(ctx, a)).toEqual([])
  })

  it('BB-6: account numbers resolve to live agreements; a terminated or unknown number is named', async () => {
    const a = await active('BB-1', 10_000)
    const gone = await active('BB-2', 10_000)
    await changeStatus(ctx, { accountId: gone, to: 'terminated', on: '2026-03-01', at: at + 1, by: 'agent-1', reason: 'notice' })
    expect(await liveAccountsByNo(ctx, ['BB-1', 'BB-2', 'BB-9'])).toEqual({ ids: [a], unknown: ['BB-2', 'BB-9'] })
  })
})
