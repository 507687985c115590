import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDaysTo, daysBetween } from '@/core/shared/local-date'
import { renewalStart, termEnd } from './term-dates'
import { terms } from './types'

describe('MEM-7 term end', () => {
  it('MEM-7: a month ends the day before the same day next month', () => {
    expect(termEnd('2027-01-15', 'month')).toBe('2027-02-14')
    expect(termEnd('2027-01-01', 'month')).toBe('2027-01-31')
    expect(termEnd('2027-12-10', 'month')).toBe('2028-01-09')
  })

  it('MEM-7: a month from the 31st ends on the last day of February', () => {
    expect(termEnd('2027-01-31', 'month')).toBe('2027-02-28')
    expect(termEnd('2028-01-31', 'month')).toBe('2028-02-29')
    expect(termEnd('2027-01-30', 'month')).toBe('2027-02-28')
    expect(termEnd('2027-01-29', 'month')).toBe('2027-02-28')
    expect(termEnd('2027-01-28', 'month')).toBe('2027-02-27')
    expect(termEnd('2027-03-31', 'month')).toBe('2027-04-30')
  })

  it('MEM-7: a month from 29 February ends on 28 March', () => {
    expect(termEnd('2028-02-29', 'month')).toBe('2028-03-28')
  })

  it('MEM-7: a half-year from 31 August ends on the last day of February', () => {
    expect(termEnd('2027-08-31', 'halfYear')).toBe('2028-02-29')
    expect(termEnd('2027-01-01', 'halfYear')).toBe('2027-06-30')
    expect(termEnd('2027-07-15', 'halfYear')).toBe('2028-01-14')
  })

  it('MEM-7: a year from 29 February ends on 28 February', () => {
    expect(termEnd('2028-02-29', 'year')).toBe('2029-02-28')
    expect(termEnd('2027-01-01', 'year')).toBe('2027-12-31')
    expect(termEnd('2027-03-01', 'year')).toBe('2028-02-29')
  })

  const anyDate = fc.integer({ min: 0, max: 20_000 }).map((n) => addDaysTo('2020-01-01', n))
  const anyTerm = fc.constantFrom(...terms)

  it('MEM-7: a term always lasts at least 28 days and never more than 366 days', () => {
    fc.assert(
      fc.property(anyDate, anyTerm, (start, term) => {
        const days = daysBetween(start, termEnd(start, term)) + 1
        return days >= 28 && days <= 366
      }),
    )
  })

  it('MEM-7: twelve back-to-back monthly terms from the 1st end where one yearly term ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2060 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        let start = `${year}-${String(month).padStart(2, '0')}-01`
        const first = start
        for (let i = 0; i < 12; i++) start = addDaysTo(termEnd(start, 'month'), 1)
        return addDaysTo(termEnd(first, 'year'), 1) === start
      }),
    )
  })
})

describe('MEM-7 renewal start', () => {
  it('MEM-7: renewing an active membership starts the day after its end', () => {
    expect(renewalStart('2027-03-31', '2027-03-20')).toBe('2027-04-01')
  })

  it('MEM-7: renewing on the last day still starts the day after', () => {
    expect(renewalStart('2027-03-31', '2027-03-31')).toBe('2027-04-01')
  })

  it('MEM-7: renewing an expired membership starts today', () => {
    expect(renewalStart('2027-03-31', '2027-04-10')).toBe('2027-04-10')
  })

  it('MEM-7: a first fee starts today', () => {
    expect(renewalStart(undefined, '2027-04-10')).toBe('2027-04-10')
  })

  it('MEM-7: after an active end, a renewal always starts at end + 1 and its term ends after it', () => {
    const anyDate = fc.integer({ min: 0, max: 20_000 }).map((n) => addDaysTo('2020-01-01', n))
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), fc.constantFrom(...terms), (today, ahead, term) => {
        const end = addDaysTo(today, ahead)
        const start = renewalStart(end, today)
        return start === addDaysTo(end, 1) && termEnd(start, term) >= start
      }),
    )
  })
})
