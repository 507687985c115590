import { describe, expect, it } from 'vitest'
import { firstLateFeeDay, lateFeeDays } from './late-fee-days'

describe('BB-5 late-fee days', () => {
  it('BB-5: due 31 January, one month on is the end of February: the first late-fee day is 1 March, in leap years too', () => {
    expect(firstLateFeeDay('2027-01-31')).toBe('2027-03-01')
    expect(firstLateFeeDay('2028-01-31')).toBe('2028-03-01')
    expect(firstLateFeeDay('2028-01-29')).toBe('2028-03-01') // 29 February exists in 2028: one month on, then the day after
    expect(firstLateFeeDay('2027-01-29')).toBe('2027-03-01') // … and not in 2027: the month's last day
  })
  it('BB-5: due mid-month, the fee starts the day after the same day next month; across a year end too', () => {
    expect(firstLateFeeDay('2027-01-15')).toBe('2027-02-16')
    expect(firstLateFeeDay('2027-12-20')).toBe('2028-01-21')
  })
  it('BB-5: every day from the first late-fee day up to and including the statement date counts; none before', () => {
    expect(lateFeeDays('2027-01-31', '2027-02-28')).toBe(0)
    expect(lateFeeDays('2027-01-31', '2027-03-01')).toBe(1)
    expect(lateFeeDays('2027-01-31', '2027-03-31')).toBe(31)
    expect(lateFeeDays('2027-01-15', '2027-02-15')).toBe(0) // exactly one month: not yet more than one
    expect(lateFeeDays('2027-01-15', '2027-02-16')).toBe(1)
  })
})
