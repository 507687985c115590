import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { checkDepositReturn, depositLockedUntil, totalDepositsHeld } from './deposit-return'
import { depositEntry, depositReturnEntry, feeEntry } from './test-fixtures'

const settings = defaultMembershipSettings()

describe('MEM-6 deposit return', () => {
  it('MEM-6: returns the whole deposit, or keeps part of it only with a reason', () => {
    expect(checkDepositReturn(100000, 100000, 0, '')).toBeUndefined()
    expect(checkDepositReturn(100000, 80000, 20000, '储物柜钥匙丢失')).toBeUndefined()
    expect(checkDepositReturn(100000, 80000, 20000, '  ')).toBe('reason-required')
  })
  it('MEM-6: refunded and kept add up to what is held, never more or less, never negative', () => {
    expect(checkDepositReturn(100000, 100000, 1, 'x')).toBe('more-than-held')
    expect(checkDepositReturn(100000, 50000, 0, '')).toBe('more-than-held')
    expect(checkDepositReturn(100000, 110000, -10000, 'x')).toBe('more-than-held')
  })
  it('MEM-6: the reason for keeping part is a sentence or two: at most 200 characters', () => {
    expect(checkDepositReturn(100000, 80000, 20000, '损'.repeat(200))).toBeUndefined()
    expect(checkDepositReturn(100000, 80000, 20000, '损'.repeat(201))).toBe('reason-too-long')
    expect(checkDepositReturn(100000, 80000, 20000, 'x'.repeat(10_000))).toBe('reason-too-long')
  })
  it('MEM-6: nothing to return when nothing is held', () => {
    expect(checkDepositReturn(0, 0, 0, '')).toBe('nothing-held')
  })
})

describe('MEM-6 deposit return waits for the VIP membership to end', () => {
  const vipYear = feeEntry({ at: 1, tierId: 'vip', term: 'year', start: '2027-01-01', end: '2027-12-31', amount: 960000 })
  const held = depositEntry(100000, 1)

  it('MEM-6: while the VIP term runs, the return is refused with the day the membership ends', () => {
    const lockedUntil = depositLockedUntil([vipYear, held], 'm1', '2027-06-01', settings)
    expect(lockedUntil).toBe('2027-12-31')
    expect(checkDepositReturn(100000, 100000, 0, '', lockedUntil)).toBe('membership-running')
    expect(depositLockedUntil([vipYear, held], 'm1', '2027-12-31', settings)).toBe('2027-12-31')
  })

  it('MEM-6: the day after the VIP term ends, the deposit can go back', () => {
    const lockedUntil = depositLockedUntil([vipYear, held], 'm1', '2028-01-01', settings)
    expect(lockedUntil).toBeUndefined()
    expect(checkDepositReturn(100000, 100000, 0, '', lockedUntil)).toBeUndefined()
  })

  it('MEM-6: a VIP renewal paid ahead keeps the deposit until the last VIP term ends', () => {
    const renewal = feeEntry({ at: 2, tierId: 'vip', term: 'year', start: '2028-01-01', end: '2028-12-31', amount: 960000 })
    expect(depositLockedUntil([vipYear, renewal, held], 'm1', '2027-06-01', settings)).toBe('2028-12-31')
  })

  it('MEM-6: after a move down to ordinary, the deposit goes back once the VIP term is over, while the ordinary term runs', () => {
    const ordinaryAfter = feeEntry({ at: 2, tierId: 'ordinary', start: '2028-01-01', end: '2028-01-31', amount: 10000 })
    expect(depositLockedUntil([vipYear, ordinaryAfter, held], 'm1', '2027-12-20', settings)).toBe('2027-12-31')
    expect(depositLockedUntil([vipYear, ordinaryAfter, held], 'm1', '2028-01-10', settings)).toBeUndefined()
  })

  it('MEM-6: an upgrade to VIP (deposit taken with it) holds the deposit until the VIP term ends', () => {
    const ordinary = feeEntry({ at: 1, tierId: 'ordinary', start: '2027-01-01', end: '2027-01-31', amount: 10000 })
    const upgrade = feeEntry({ at: 2, tierId: 'vip', start: '2027-01-11', end: '2027-02-10', listed: 96000, credit: 6667 })
    expect(depositLockedUntil([ordinary, upgrade, depositEntry(100000, 2)], 'm1', '2027-02-01', settings)).toBe('2027-02-10')
  })

  it('MEM-6: other members’ VIP terms do not hold this member’s deposit', () => {
    const someoneElse = feeEntry({ memberId: 'm2', at: 1, tierId: 'vip', start: '2027-01-01', end: '2027-12-31', amount: 960000 })
    expect(depositLockedUntil([someoneElse, held], 'm1', '2027-06-01', settings)).toBeUndefined()
  })
})

describe('MEM-6 deposits held, in total', () => {
  it('MEM-6: the total held is every member’s deposits less what went back or was kept, derived from the ledger', () => {
    const entries = [depositEntry(100000, 1, 'm1'), depositEntry(100000, 2, 'm2'), depositReturnEntry(80000, 20000, 3, 'm2'), depositEntry(50000, 4, 'm3'), depositReturnEntry(10000, 0, 5, 'm3'), feeEntry({ at: 6, start: '2027-01-01', end: '2027-01-31', amount: 10000 })]
    expect(totalDepositsHeld(entries)).toBe(100000 + 0 + 40000)
    expect(totalDepositsHeld([])).toBe(0)
  })
})
