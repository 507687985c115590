import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayNumberOf } from '@/core/shared/day-number'
import { addDaysTo } from '@/core/shared/local-date'
import { firstLateFeeDayNumber, lateFeeEntry, lateFeeThrough } from './late-fee'
import { firstLateFeeDay } from './late-fee-days'
import { charge, line, payment } from './ledger-test-lines'
import type { LedgerLine } from './types'

const fee = 10_000 // ¥100.00
const january = () => charge('2027-01', fee, '2027-01-31', {}, 'jan')

// What a statement on `on` posts, as a ledger line (the UI gives it its id).
function posted(lines: LedgerLine[], on: string, id: string): LedgerLine {
  const entry = lateFeeEntry('acc-1', lines, on, 'agent-1', Date.parse(`${on}T18:00:00Z`))
  if (!entry) throw new Error(`no late fee on ${on}`)
  return { id, record: entry }
}

describe('BB-5 late fee', () => {
  it('BB-5: ¥100.00 due 2027-01-31 unpaid: from 1 March, through 31 March = 31 days × 10,000 × 3‰ = 930 fen', () => {
    expect(lateFeeThrough([january()], '2027-03-31')).toEqual({
      through: '2027-03-31',
      perMille: 3,
      segments: [{ amount: 10_000, from: '2027-03-01', through: '2027-03-31', days: 31 }],
      cumulative: 930,
      charged: 0,
      due: 930,
    })
    expect(lateFeeThrough([january()], '2027-02-28')).toMatchObject({ segments: [], cumulative: 0, due: 0 })
    expect(lateFeeThrough([january()], '2027-03-01')).toMatchObject({ cumulative: 30 })
  })

  it('BB-5: leap year: due 2028-01-31 the first late-fee day is still 1 March; due 28 January it is 29 February', () => {
    expect(lateFeeThrough([charge('2028-01', fee, '2028-01-31')], '2028-02-29').cumulative).toBe(0)
    expect(lateFeeThrough([charge('2028-01', fee, '2028-01-31')], '2028-03-31').cumulative).toBe(930)
    const leap = lateFeeThrough([charge('2028-01', fee, '2028-01-28')], '2028-03-10')
    expect(leap.segments).toEqual([{ amount: fee, from: '2028-02-29', through: '2028-03-10', days: 11 }])
    expect(leap.cumulative).toBe(330)
    expect(lateFeeThrough([charge('2027-01', fee, '2027-01-28')], '2027-03-10').cumulative).toBe(300) // 2027: from 1 March
  })

  it('BB-5: a partial payment mid-period lowers the base from the day it is posted', () => {
    const formula = lateFeeThrough([january(), payment('2027-03-11', 4_000)], '2027-03-31')
    expect(formula.segments).toEqual([
      { amount: 10_000, from: '2027-03-01', through: '2027-03-10', days: 10 },
      { amount: 6_000, from: '2027-03-11', through: '2027-03-31', days: 21 },
    ])
    expect(formula.cumulative).toBe(678) // (10 × 10,000 + 21 × 6,000) × 3 ÷ 1000
  })

  it('BB-5: paid in full on a day: no fee that day', () => {
    expect(lateFeeThrough([january(), payment('2027-03-05', fee)], '2027-03-31')).toMatchObject({
      segments: [{ amount: fee, from: '2027-03-01', through: '2027-03-04', days: 4 }],
      cumulative: 120,
    })
  })

  it('BB-5: two statements post 935 then 904: together the cumulative through April rounded once (1,839), not 935 + 905', () => {
    const lines = [charge('2027-01', 10_050, '2027-01-31')] // 30.15 fen a day
    const march = posted(lines, '2027-03-31', 'fee-mar')
    expect(march.record).toMatchObject({ kind: 'late-fee', amount: 935, month: '2027-03', on: '2027-03-31' }) // 934.65
    const april = posted([...lines, march], '2027-04-30', 'fee-apr')
    expect(april.record).toMatchObject({ kind: 'late-fee', amount: 904, month: '2027-04', on: '2027-04-30' })
    expect(april.record.detail).toEqual({
      kind: 'late-fee',
      through: '2027-04-30',
      segments: [{ amount: 10_050, from: '2027-03-01', through: '2027-04-30', days: 61 }],
      perMille: 3,
      cumulative: 1_839, // 61 × 30.15 = 1,839.15
      charged: 935,
    })
    expect(lateFeeEntry('acc-1', [...lines, march, april], '2027-04-30', 'agent-1', 0)).toBeUndefined()
  })

  it('BB-5: a late fee posted is never in the base (no compounding); a refund is not either', () => {
    const lateFee = line({ kind: 'late-fee', amount: 930, on: '2027-03-31', month: '2027-03' })
    const withFee = lateFeeThrough([january(), lateFee], '2027-04-30')
    expect(withFee).toMatchObject({ cumulative: 1_830, charged: 930, due: 900 })
    expect(withFee.segments).toEqual([{ amount: fee, from: '2027-03-01', through: '2027-04-30', days: 61 }])
    // A payment covers the charge; the late fee it leaves unpaid accrues nothing.
    expect(lateFeeThrough([january(), lateFee, payment('2027-04-01', fee)], '2027-06-30').cumulative).toBe(930)
    const refund = line({ kind: 'refund', amount: 2_000, on: '2026-12-01' })
    expect(lateFeeThrough([refund], '2027-06-30').cumulative).toBe(0)
  })

  it('BB-5: a back-charge accrues like a charge from its own first late-fee day; a duplicate month counts once', () => {
    const backCharge = line({ kind: 'back-charge', amount: 5_000, on: '2027-01-10', month: '2027-01', due: '2027-01-15' })
    const twice = charge('2027-01', fee, '2027-01-31', { at: Date.parse('2027-01-01T13:00:00Z') }, 'jan-2')
    const formula = lateFeeThrough([january(), twice, backCharge], '2027-03-31')
    expect(formula.segments).toEqual([
      { amount: 5_000, from: '2027-02-16', through: '2027-02-28', days: 13 },
      { amount: 15_000, from: '2027-03-01', through: '2027-03-31', days: 31 },
    ])
    expect(formula.cumulative).toBe(1_590) // (13 × 5,000 + 31 × 15,000) × 3 ÷ 1000 = 1,590
  })

  it('BB-5: suspension and termination are not the ledger: with no more charges the fee keeps accruing on what is owed', () => {
    // Terminated in April: no monthly fee after it, the January arrears accrue to 30 June (122 days).
    expect(lateFeeThrough([january()], '2027-06-30').cumulative).toBe(3_660)
  })

  it('BB-5: a payment taken offline arriving after a statement charged too much: due is negative and posted as a late-fee credit', () => {
    const lines = [january()]
    const march = posted(lines, '2027-03-31', 'fee-mar') // 930
    const late = payment('2027-03-11', 4_000) // dated 11 March, synced in April
    const formula = lateFeeThrough([...lines, march, late], '2027-04-30')
    // 10 days × 10,000 + 51 days × 6,000 → 1,218; 930 charged already.
    expect(formula).toMatchObject({ cumulative: 1_218, charged: 930, due: 288 })
    const marchAgain = lateFeeThrough([...lines, march, late], '2027-03-31')
    expect(marchAgain).toMatchObject({ cumulative: 678, charged: 930, due: -252 })
    const entry = lateFeeEntry('acc-1', [...lines, march, late], '2027-03-31', 'agent-1', 5)
    expect(entry).toMatchObject({ accountId: 'acc-1', kind: 'credit', amount: 252, on: '2027-03-31', month: '2027-03', by: 'agent-1', at: 5 })
    expect(entry?.detail).toMatchObject({ kind: 'late-fee', cumulative: 678, charged: 930 })
    // Once that credit is posted, the formula is square and the principal is untouched by it.
    const credited = [...lines, march, late, { id: 'fee-credit', record: entry! }]
    expect(lateFeeThrough(credited, '2027-03-31')).toMatchObject({ cumulative: 678, charged: 678, due: 0 })
  })

  it('BB-5: the first late-fee day as a day number is late-fee-days.ts firstLateFeeDay, any due date', () => {
    expect(firstLateFeeDayNumber('2028-01-31')).toBe(dayNumberOf('2028-03-01'))
    expect(firstLateFeeDayNumber('2027-12-31')).toBe(dayNumberOf('2028-02-01'))
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        const due = addDaysTo('2000-01-01', n)
        expect(firstLateFeeDayNumber(due)).toBe(dayNumberOf(firstLateFeeDay(due)))
      }),
    )
  })

  it('BB-5: other accounts\' entries are not this account\'s late fee', () => {
    const other = charge('2027-01', fee, '2027-01-31', { accountId: 'acc-2' })
    expect(lateFeeEntry('acc-1', [january(), other], '2027-03-31', 'agent-1', 0)?.amount).toBe(930)
  })
})
