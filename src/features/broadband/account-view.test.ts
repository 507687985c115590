import { describe, expect, it } from 'vitest'
import type { Agreement, LedgerEntry, StatusChange, WithId } from '@/core/broadband/types'
import { accountView } from './account-view'

const agreement: Agreement = {
  accountNo: 'KD-1', accountName: '王小明', subscriberId: 'p1', plan: { name: '100M', monthlyFee: 100_00, singlePortFee: 30_00 },
  cycleStart: '2027-01-01', cycleEnd: '2027-12-31', createdAt: 0, createdBy: 'u1',
}
const started: WithId<StatusChange> = { id: 's1', record: { accountId: 'a1', to: 'active', on: '2027-01-01', at: 1, by: 'u1', reason: 'service-start' } }
const line = (id: string, e: Partial<LedgerEntry>): WithId<LedgerEntry> => ({ id, record: { accountId: 'a1', kind: 'charge', amount: 100_00, on: '2027-01-01', at: 2, by: 'u1', ...e } })
const january = line('l1', { month: '2027-01', due: '2027-01-31' })

describe('the account page from its slice (BB-1, BB-2, BB-3)', () => {
  it('BB-3: a charge unpaid past its due date is arrears: the banner owes it and only payment (and the desk steps) stay open', () => {
    const view = accountView({ agreement, changes: [started], lines: [january], today: '2027-02-10' })
    expect(view.status).toBe('active')
    expect(view.balance).toBe(100_00)
    expect(view.arrears).toBe(100_00)
    expect(view.banner).toEqual({ key: 'broadband.arrears.banner', owed: 100_00 })
    expect(view.actions.planChange).toEqual({ allowed: false, reason: 'arrears' })
    expect(view.ageing).toEqual({ current: 0, upTo30: 100_00, upTo60: 0, over60: 0 })
  })

  it('BB-2: a payment of the charge clears the balance to the fen and lifts the block', () => {
    const view = accountView({ agreement, changes: [started], lines: [january, line('p1', { kind: 'payment', amount: 100_00, on: '2027-02-11', at: 3, channel: 'counter', receiptNo: 'R1' })], today: '2027-02-11' })
    expect(view.balance).toBe(0)
    expect(view.banner).toBeUndefined()
    expect(view.actions.planChange).toEqual({ allowed: true })
  })

  it('BB-12: written notice opens 30 days before the cycle ends, and says when before that', () => {
    expect(accountView({ agreement, changes: [started], lines: [], today: '2027-11-30' }).actions.terminateByNotice).toEqual({ allowed: false, reason: 'notice-window', opensOn: '2027-12-01' })
    expect(accountView({ agreement, changes: [started], lines: [], today: '2027-12-01' }).actions.terminateByNotice).toEqual({ allowed: true })
  })
})
