import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateOfDayNumber, dayNumberOf } from './day-number'
import { addDaysTo, daysBetween } from './local-date'

describe('day numbers', () => {
  it('count whole days like local-date.ts, across month ends and leap days, and turn back into the same date', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0)
    expect(dayNumberOf('2028-03-01') - dayNumberOf('2028-02-28')).toBe(2)
    expect(dateOfDayNumber(dayNumberOf('2028-02-28') + 1)).toBe('2028-02-29')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const date = addDaysTo('1990-01-01', n)
        expect(dateOfDayNumber(dayNumberOf(date))).toBe(date)
        expect(dayNumberOf(addDaysTo(date, k)) - dayNumberOf(date)).toBe(daysBetween(date, addDaysTo(date, k)))
      }),
    )
  })
})
