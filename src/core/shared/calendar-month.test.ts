import { describe, expect, it } from 'vitest'
import { daysInMonth, lastDayOf, monthOf, sameDayMonthsLater } from './calendar-month'

describe('calendar months', () => {
  it('knows each month’s length, February in leap years included', () => {
    expect(['2027-01', '2027-02', '2028-02', '2100-02', '2000-02', '2027-04', '2027-12'].map(daysInMonth)).toEqual([31, 28, 29, 28, 29, 30, 31])
    expect(lastDayOf('2028-02')).toBe('2028-02-29')
    expect(monthOf('2027-03-15')).toBe('2027-03')
  })
  it('gives the same day months later, or the shorter month’s last day', () => {
    expect(sameDayMonthsLater('2027-01-31', 1)).toBe('2027-02-28')
    expect(sameDayMonthsLater('2028-01-31', 1)).toBe('2028-02-29')
    expect(sameDayMonthsLater('2027-01-15', 1)).toBe('2027-02-15')
    expect(sameDayMonthsLater('2027-11-30', 3)).toBe('2028-02-29')
    expect(sameDayMonthsLater('2027-03-31', -1)).toBe('2027-02-28')
    expect(sameDayMonthsLater('2027-08-31', 6)).toBe('2028-02-29')
    expect(() => sameDayMonthsLater('2027-1-5', 1)).toThrow(RangeError)
  })
})
