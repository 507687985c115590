import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInMonth } from '@/core/shared/calendar-month'
import { instantOf } from '@/core/shared/local-date'
import { affectedDays, outageCredit, type Outage } from './outage-credit'

const tz = 'Asia/Shanghai'
const at = (date: string, time: string) => instantOf(date, time, tz)
const fee = 10_000 // ¥100.00 a month
const business = (start: number, end: number, promisedBy = start + 4 * 3600_000): Outage => ({ start, end, businessCaused: true, promisedBy })

describe('BB-6 outage credit', () => {
  it('BB-6: 30 April 22:00 → 2 May 01:00 is 1 day of April (of 30) and 2 days of May (of 31), each month rounded to the fen', () => {
    const credit = outageCredit(business(at('2026-04-30', '22:00'), at('2026-05-02', '01:00')), fee, tz)
    expect(credit).toEqual({
      due: true,
      months: [
        { month: '2026-04', days: 1, daysInMonth: 30, monthlyFee: fee, credit: 333 }, // 10,000 ÷ 30 = 333.33
        { month: '2026-05', days: 2, daysInMonth: 31, monthlyFee: fee, credit: 645 }, // 20,000 ÷ 31 = 645.16
      ],
      total: 978,
    })
  })

  it('BB-6: February is divided by its own length, 28 days, or 29 in a leap year', () => {
    const feb2027 = outageCredit(business(at('2027-02-10', '09:00'), at('2027-02-10', '18:00')), 9_999, tz)
    expect(feb2027).toMatchObject({ months: [{ month: '2027-02', days: 1, daysInMonth: 28, credit: 357 }] }) // 357.107
    const feb2028 = outageCredit(business(at('2028-02-10', '09:00'), at('2028-02-10', '18:00')), 9_999, tz)
    expect(feb2028).toMatchObject({ months: [{ month: '2028-02', days: 1, daysInMonth: 29, credit: 345 }] }) // 344.79
  })

  it('BB-6: a whole month out is credited exactly its fee; a day is counted once however long it lasts', () => {
    const march = outageCredit(business(at('2026-03-01', '00:00'), at('2026-04-01', '00:00')), 12_345, tz)
    expect(march).toEqual({ due: true, months: [{ month: '2026-03', days: 31, daysInMonth: 31, monthlyFee: 12_345, credit: 12_345 }], total: 12_345 })
    expect(affectedDays(at('2026-03-05', '00:00'), at('2026-03-05', '23:59'), tz)).toEqual(['2026-03-05'])
  })

  it('BB-6: an outage ending exactly at midnight does not touch the next day; one starting a minute before it touches both', () => {
    expect(affectedDays(at('2026-03-05', '10:00'), at('2026-03-06', '00:00'), tz)).toEqual(['2026-03-05'])
    expect(affectedDays(at('2026-03-05', '23:59'), at('2026-03-06', '00:01'), tz)).toEqual(['2026-03-05', '2026-03-06'])
  })

  it('BB-6: days are the organisation’s local days, not UTC’s', () => {
    // 23:30 on 31 March in Shanghai is 15:30 UTC: still March there, and April 1 starts at 16:00 UTC.
    expect(affectedDays(at('2026-03-31', '23:30'), at('2026-04-01', '00:30'), tz)).toEqual(['2026-03-31', '2026-04-01'])
  })

  it('BB-6: nothing is credited for an outage the business did not cause, or one repaired within the promised time', () => {
    const start = at('2026-04-10', '09:00')
    expect(outageCredit({ ...business(start, start + 3600_000), businessCaused: false }, fee, tz)).toEqual({ due: false, why: 'not-business-caused' })
    expect(outageCredit(business(start, start + 3600_000, start + 3600_000), fee, tz)).toEqual({ due: false, why: 'repaired-in-time' })
    expect(outageCredit(business(start, start + 3600_001, start + 3600_000), fee, tz)).toMatchObject({ due: true, total: 333 })
  })

  it('BB-6 bad input: an outage ending before (or as) it starts, or a negative fee, is refused with the reason', () => {
    const start = at('2026-04-10', '09:00')
    expect(outageCredit(business(start, start), fee, tz)).toEqual({ problem: 'end-before-start' })
    expect(outageCredit(business(start, start - 1), fee, tz)).toEqual({ problem: 'end-before-start' })
    expect(outageCredit(business(start, start + 1), -1, tz)).toEqual({ problem: 'negative-fee' })
  })

  it('BB-6 (property): a month’s credit never exceeds its fee, and its days never exceed the month’s', () => {
    const jan2026 = at('2026-01-01', '00:00')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 * 86_400 }), fc.integer({ min: 1, max: 120 * 86_400 }), fc.integer({ min: 0, max: 10_000_000 }), (startS, lengthS, monthlyFee) => {
        const start = jan2026 + startS * 1000
        const credit = outageCredit(business(start, start + lengthS * 1000, start), monthlyFee, tz)
        if (!('due' in credit) || !credit.due) return false
        return credit.months.every((m) => m.credit <= monthlyFee && m.days >= 1 && m.days <= daysInMonth(m.month) && m.daysInMonth === daysInMonth(m.month))
      }),
    )
  })
})
