import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { outageCredit } from './outage-credit'
import { daysInMonth } from '@/core/shared/calendar-month'
import { instantOf } from '@/core/shared/local-date'

const hour = 3_600_000
const tzs = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC'] as const
const from = instantOf('2026-01-01', '00:00', 'UTC')

const outageArb = fc.record({
  tz: fc.constantFrom(...tzs),
  startH: fc.integer({ min: 0, max: 3 * 365 * 24 }),
  lengthMs: fc.integer({ min: 1, max: 200 * 24 * hour }),
  promisedAfterMs: fc.integer({ min: -24 * hour, max: 10 * 24 * hour }),
  businessCaused: fc.boolean(),
  monthlyFee: fc.integer({ min: 0, max: 100_000_000 }),
})

describe('BB-6 outage credit (property)', () => {
  it('BB-6 (property): for any outage and fee, each month\'s credit is whole fen between 0 and that month\'s fee, and the total is their sum', () => {
    fc.assert(
      fc.property(outageArb, ({ tz, startH, lengthMs, promisedAfterMs, businessCaused, monthlyFee }) => {
        const start = from + startH * hour
        const credit = outageCredit({ start, end: start + lengthMs, businessCaused, promisedBy: start + promisedAfterMs }, monthlyFee, tz)
        if ('problem' in credit) throw new Error(credit.problem)
        if (!credit.due) return
        for (const m of credit.months) {
          expect(Number.isSafeInteger(m.credit)).toBe(true)
          expect(m.credit).toBeGreaterThanOrEqual(0)
          expect(m.credit).toBeLessThanOrEqual(monthlyFee)
          expect(m.days).toBeLessThanOrEqual(daysInMonth(m.month))
        }
        expect(credit.total).toBe(credit.months.reduce((sum, m) => sum + m.credit, 0))
      }),
    )
  })

  it('BB-6 (property): only a business-caused outage not repaired by the promised time earns a credit', () => {
    fc.assert(
      fc.property(outageArb, ({ tz, startH, lengthMs, promisedAfterMs, businessCaused, monthlyFee }) => {
        const start = from + startH * hour
        const credit = outageCredit({ start, end: start + lengthMs, businessCaused, promisedBy: start + promisedAfterMs }, monthlyFee, tz)
        if ('problem' in credit) throw new Error(credit.problem)
        expect(credit.due).toBe(businessCaused && lengthMs > promisedAfterMs)
      }),
    )
  })
})
