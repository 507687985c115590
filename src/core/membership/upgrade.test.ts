import { describe, expect, it } from 'vitest'
import { feeEntry } from './test-fixtures'
import { upgradeCredit } from './upgrade'

describe('upgrade credit (MEM-1 ranks, MEM-4)', () => {
  const january = feeEntry({ at: 1, start: '2027-01-01', end: '2027-01-31', amount: 10000 })

  it('MEM-1: credits the unused days of what was paid, today included, rounded down to the fen', () => {
    // 16 of 31 days unused: 10000 × 16 / 31 = 5161.29… → 5161 fen.
    expect(upgradeCredit(january, '2027-01-16')).toEqual({ credit: 5161, remainingDays: 16, totalDays: 31 })
  })

  it('MEM-1: on the last day one day is left', () => {
    // 10000 / 31 = 322.58… → 322 fen.
    expect(upgradeCredit(january, '2027-01-31')).toEqual({ credit: 322, remainingDays: 1, totalDays: 31 })
  })

  it('MEM-1: on the first day everything paid comes back', () => {
    expect(upgradeCredit(january, '2027-01-01')).toEqual({ credit: 10000, remainingDays: 31, totalDays: 31 })
  })

  it('MEM-1: credits what was paid, not the listed price, when the fee itself had a credit', () => {
    const discounted = feeEntry({ at: 1, start: '2027-01-01', end: '2027-12-31', listed: 100000, credit: 30000 })
    // 70000 paid for 365 days, 100 days unused (2027-09-23 … 2027-12-31): 70000 × 100 / 365 = 19178.08… → 19178.
    expect(upgradeCredit(discounted, '2027-09-23')).toEqual({ credit: 19178, remainingDays: 100, totalDays: 365 })
  })

  it('MEM-1: a yearly ordinary membership in a leap year is counted over 366 days', () => {
    const year = feeEntry({ at: 1, term: 'year', start: '2028-01-01', end: '2028-12-31', amount: 100000 })
    // 183 of 366 days left from 2028-07-02: exactly half.
    expect(upgradeCredit(year, '2028-07-02')).toEqual({ credit: 50000, remainingDays: 183, totalDays: 366 })
  })

  it('MEM-1: a term not yet started is credited in full', () => {
    const february = feeEntry({ at: 1, start: '2027-02-01', end: '2027-02-28', amount: 10000 })
    expect(upgradeCredit(february, '2027-01-20')).toEqual({ credit: 10000, remainingDays: 28, totalDays: 28 })
  })

  it('MEM-1: no fee, or a term already over, gives no credit', () => {
    expect(upgradeCredit(undefined, '2027-01-16')).toEqual({ credit: 0, remainingDays: 0, totalDays: 0 })
    expect(upgradeCredit(january, '2027-02-01')).toEqual({ credit: 0, remainingDays: 0, totalDays: 31 })
  })
})
