import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as envelope from '@/crypto/envelope'
import type { LedgerEntry } from '@/core/broadband/types'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { chargedAccountsOf, ledgerOf, postEntries, type BroadbandContext } from './broadband-actions'
import { createBroadbandRecords } from './broadband-records'

vi.mock('@/crypto/envelope', async (original) => {
  const real = await original<typeof envelope>()
  return { ...real, open: vi.fn(real.open) }
})
const opened = vi.mocked(envelope.open)

const at = Date.parse('2026-12-07T02:00:00Z')
const months = ['2026-10', '2026-11', '2026-12']

const charge = (accountId: string, month: string): LedgerEntry => ({ accountId, kind: 'charge', amount: 10_000, on: `${month}-01`, at, by: 'agent-1', month, due: `${month}-15` })
const paid = (accountId: string, month: string): LedgerEntry => ({ accountId, kind: 'payment', amount: 10_000, on: `${month}-01`, at, by: 'agent-1', channel: 'counter', receiptNo: 'R-1' })

/** 20 accounts, each charged and paid in each of 3 months: 120 ledger lines; a fresh session (nothing opened yet) reads them. */
async function busyLedger() {
  const t = createTestStorage()
  const keys = await oneRealmKeys('accounts:1', 'agent-1')
  t.setKeys(keys)
  const ctx = (): BroadbandContext => ({ records: createBroadbandRecords(t.storage.recordContext), audit: { append: async () => undefined }, userId: 'agent-1' })
  const accounts = Array.from({ length: 20 }, (_, i) => `bb-agreement:${i}`)
  await postEntries(ctx(), months.flatMap((m) => accounts.flatMap((a) => [charge(a, m), paid(a, m)])))
  await ctx().records.ledger.reindex()
  t.setKeys({ ...keys })
  return { ctx: ctx(), accounts }
}

describe('broadband slice reads open only the records asked for (BB-2)', () => {
  it('BB-2: one account’s ledger among 20 opens only that account’s 6 lines', async () => {
    const { ctx, accounts } = await busyLedger()
    opened.mockClear()
    const lines = await ledgerOf(ctx, accounts[7]!)
    expect(lines).toHaveLength(6)
    expect(lines.every((l) => l.record.accountId === accounts[7])).toBe(true)
    expect(opened.mock.calls.length).toBeLessThanOrEqual(6)
  }, 30_000)

  it('BB-2: a month’s charged accounts open only that month’s 20 charges (no payment, no other month)', async () => {
    const { ctx, accounts } = await busyLedger()
    opened.mockClear()
    expect([...(await chargedAccountsOf(ctx, '2026-11'))].sort()).toEqual([...accounts].sort())
    expect(opened.mock.calls.length).toBeLessThanOrEqual(20)
  }, 30_000)
})
