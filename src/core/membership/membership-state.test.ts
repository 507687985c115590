import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { coveringFee, membershipState, planFee } from './membership-state'
import { depositEntry, depositReturnEntry, feeEntry } from './test-fixtures'
import type { LedgerEntry } from './types'

const settings = defaultMembershipSettings()
const ordinary = settings.tiers[0]!
const vip = settings.tiers[1]!

describe('MEM-7 membership state', () => {
  it('MEM-7: a member with no fee has no membership', () => {
    expect(membershipState([], 'm1', '2027-01-10', settings)).toEqual({ status: 'none', depositHeld: 0, feesPaid: 0, points: 0, terms: [] })
  })

  it('MEM-7: a term covering today is active, with its tier and dates', () => {
    const entries = [feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31' })]
    expect(membershipState(entries, 'm1', '2027-01-31', settings)).toMatchObject({ status: 'active', tierId: 'ordinary', start: '2027-01-01', end: '2027-01-31' })
  })

  it('MEM-7: the day after the end, the membership is expired and keeps its end date', () => {
    const entries = [feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31' })]
    expect(membershipState(entries, 'm1', '2027-02-01', settings)).toMatchObject({ status: 'expired', end: '2027-01-31' })
  })

  it('MEM-7: a term paid ahead has not started', () => {
    const entries = [feeEntry({ at: 1, start: '2027-02-01', end: '2027-02-28' })]
    expect(membershipState(entries, 'm1', '2027-01-20', settings)).toMatchObject({ status: 'not-started', start: '2027-02-01', end: '2027-02-28' })
  })

  it('MEM-7: stacked renewals show one run, from the first start to the last end', () => {
    const entries = [
      feeEntry({ at: 3, start: '2027-03-01', end: '2027-03-31' }),
      feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31' }),
      feeEntry({ at: 2, start: '2027-02-01', end: '2027-02-28' }),
    ]
    const state = membershipState(entries, 'm1', '2027-01-15', settings)
    expect(state).toMatchObject({ status: 'active', start: '2027-01-01', end: '2027-03-31' })
    expect(state.terms.map((t) => t.start)).toEqual(['2027-01-01', '2027-02-01', '2027-03-01'])
  })

  it('MEM-7: a gap splits the run; the current run is the one covering today', () => {
    const entries = [
      feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31' }),
      feeEntry({ at: 2, start: '2027-02-01', end: '2027-02-28' }),
      feeEntry({ at: 3, start: '2027-04-10', end: '2027-05-09' }),
    ]
    expect(membershipState(entries, 'm1', '2027-02-10', settings)).toMatchObject({ status: 'active', start: '2027-01-01', end: '2027-02-28' })
    expect(membershipState(entries, 'm1', '2027-03-15', settings)).toMatchObject({ status: 'not-started', start: '2027-04-10', end: '2027-05-09' })
    expect(membershipState(entries, 'm1', '2027-04-10', settings)).toMatchObject({ status: 'active', start: '2027-04-10', end: '2027-05-09' })
    expect(membershipState(entries, 'm1', '2027-06-01', settings)).toMatchObject({ status: 'expired', start: '2027-04-10', end: '2027-05-09' })
  })

  it('MEM-7: after an upgrade the current tier is the one paid last among those covering today', () => {
    const entries = [
      feeEntry({ at: 1, tierId: 'ordinary', start: '2027-01-01', end: '2027-01-31' }),
      feeEntry({ at: 2, tierId: 'vip', start: '2027-01-15', end: '2027-02-14', amount: 90000 }),
    ]
    expect(membershipState(entries, 'm1', '2027-01-20', settings)).toMatchObject({ status: 'active', tierId: 'vip', start: '2027-01-01', end: '2027-02-14' })
    expect(coveringFee(entries, 'm1', '2027-01-20')?.tierId).toBe('vip')
  })

  it('MEM-7: other members’ entries are ignored', () => {
    const entries = [feeEntry({ at: 1, memberId: 'm2', start: '2027-01-01', end: '2027-01-31' }), depositEntry(100000, 1, 'm2')]
    expect(membershipState(entries, 'm1', '2027-01-10', settings)).toMatchObject({ status: 'none', depositHeld: 0, feesPaid: 0 })
  })

  it('MEM-6: a deposit is held until returned; a partial refund with a part kept releases both', () => {
    const entries: LedgerEntry[] = [depositEntry(100000, 1)]
    expect(membershipState(entries, 'm1', '2027-01-10', settings).depositHeld).toBe(100000)
    entries.push(depositReturnEntry(70000, 30000, 2))
    expect(membershipState(entries, 'm1', '2027-01-10', settings).depositHeld).toBe(0)
  })

  it('MEM-6: a refund of part of the deposit leaves the rest held', () => {
    const entries = [depositEntry(100000, 1), depositReturnEntry(40000, 0, 2)]
    expect(membershipState(entries, 'm1', '2027-01-10', settings).depositHeld).toBe(60000)
  })

  it('MEM-10: two fees of 0.50 earn 1 point: points count full yuan of the total paid, not of each fee', () => {
    const entries = [
      feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31', amount: 50 }),
      feeEntry({ at: 2, start: '2027-02-01', end: '2027-02-28', amount: 50 }),
    ]
    expect(membershipState(entries, 'm1', '2027-01-10', settings).points).toBe(1)
  })

  it('MEM-10: 99.99 paid earns 99 points', () => {
    const entries = [feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31', amount: 9999 })]
    const state = membershipState(entries, 'm1', '2027-01-10', settings)
    expect(state.points).toBe(99)
    expect(state.feesPaid).toBe(9999)
  })

  it('MEM-10: a deposit is not money paid for membership (it goes back) and earns no points', () => {
    const entries = [feeEntry({ at: 1, tierId: 'vip', start: '2027-01-01', end: '2027-12-31', amount: 960000 }), depositEntry(100000, 1)]
    expect(membershipState(entries, 'm1', '2027-01-10', settings).points).toBe(9600)
  })

  it('MEM-10: an upgrade counts what was taken (listed − credit) once, on top of the fee it credits, with the points-per-yuan setting', () => {
    const entries = [
      feeEntry({ at: 1, tierId: 'ordinary', start: '2027-01-01', end: '2027-01-31', amount: 10050 }),
      feeEntry({ at: 2, tierId: 'vip', start: '2027-01-11', end: '2027-02-10', listed: 96000, credit: 6750 }),
    ]
    const state = membershipState(entries, 'm1', '2027-01-20', { ...settings, pointsPerYuan: 2 })
    expect(state.feesPaid).toBe(10050 + 89250)
    expect(state.points).toBe(993 * 2)
  })
})

describe('MEM-7 planning a fee', () => {
  const january = feeEntry({ at: 1, tierId: 'ordinary', start: '2027-01-01', end: '2027-01-31', amount: 10000 })

  it('MEM-7: renewing an active membership starts the day after its end', () => {
    expect(planFee({ entries: [january], memberId: 'm1', tier: ordinary, term: 'month', today: '2027-01-25', settings })).toEqual({
      start: '2027-02-01',
      end: '2027-02-28',
      listed: 10000,
      credit: 0,
      amount: 10000,
    })
  })

  it('MEM-7: renewing an expired membership starts today', () => {
    expect(planFee({ entries: [january], memberId: 'm1', tier: ordinary, term: 'year', today: '2027-03-10', settings })).toMatchObject({
      start: '2027-03-10',
      end: '2028-03-09',
      amount: 100000,
    })
  })

  it('MEM-7: a renewal after stacked renewals starts after the last of them', () => {
    const february = feeEntry({ at: 2, start: '2027-02-01', end: '2027-02-28' })
    expect(planFee({ entries: [january, february], memberId: 'm1', tier: ordinary, term: 'month', today: '2027-01-10', settings }).start).toBe('2027-03-01')
  })

  it('MEM-7: an upgrade to a higher rank starts today, with the credit taken off the listed price', () => {
    expect(planFee({ entries: [january], memberId: 'm1', tier: vip, term: 'month', today: '2027-01-16', settings, credit: 5161 })).toEqual({
      start: '2027-01-16',
      end: '2027-02-15',
      listed: 96000,
      credit: 5161,
      amount: 90839,
    })
  })

  it('MEM-7: VIP paid on an expired ordinary membership is a fresh start today, not an upgrade', () => {
    expect(planFee({ entries: [january], memberId: 'm1', tier: vip, term: 'month', today: '2027-02-05', settings }).start).toBe('2027-02-05')
  })

  it('MEM-7: a move to a lower rank waits for the current term to end', () => {
    const vipJanuary = feeEntry({ at: 1, tierId: 'vip', start: '2027-01-01', end: '2027-01-31', amount: 96000 })
    expect(planFee({ entries: [vipJanuary], memberId: 'm1', tier: ordinary, term: 'month', today: '2027-01-16', settings }).start).toBe('2027-02-01')
  })

  it('MEM-7: a credit larger than the listed price is capped so the fee is never negative', () => {
    expect(planFee({ entries: [], memberId: 'm1', tier: ordinary, term: 'month', today: '2027-01-16', settings, credit: 50000 })).toMatchObject({
      credit: 10000,
      amount: 0,
    })
  })
})
