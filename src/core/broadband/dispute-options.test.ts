import { describe, expect, it } from 'vitest'
import type { Dispute, LedgerEntry, WithId } from './types'
import { disputeOptions } from './dispute-options'

const line = (id: string, e: Partial<LedgerEntry>): WithId<LedgerEntry> => ({ id, record: { accountId: 'a1', kind: 'charge', amount: 100_00, on: '2027-01-31', at: 1, by: 'u1', ...e } })
const open = { allowed: true } as const

describe('BB-7 a charge may be disputed within 6 months of it', () => {
  it('on the last day of the window the button is there; the day after it is gone with the day it closed', () => {
    const charge = line('c1', {})
    expect(disputeOptions([charge], [], '2027-07-31', open)).toEqual([{ entryId: 'c1', state: { open: true } }])
    expect(disputeOptions([charge], [], '2027-08-01', open)).toEqual([{ entryId: 'c1', state: { open: false, reason: 'window-closed', closedOn: '2027-07-31' } }])
  })

  it('only debits can be disputed; a charge already disputed is not offered again', () => {
    const charge = line('c1', {})
    const payment = line('p1', { kind: 'payment', channel: 'counter', receiptNo: 'R1' })
    const disputed: WithId<Dispute> = { id: 'd1', record: { accountId: 'a1', entryId: 'c1', raisedOn: '2027-02-01', raisedBy: 'u1', reason: '没有用网', status: 'open' } }
    expect(disputeOptions([charge, payment], [disputed], '2027-02-02', open)).toEqual([{ entryId: 'c1', state: { open: false, reason: 'disputed' } }])
  })

  it('BB-3: in arrears a dispute waits for the payment', () => {
    expect(disputeOptions([line('c1', {})], [], '2027-02-02', { allowed: false, reason: 'arrears' })).toEqual([{ entryId: 'c1', state: { open: false, reason: 'arrears' } }])
  })
})
