import { describe, expect, it } from 'vitest'
import type { LedgerEntry } from '@/core/broadband/types'
import { lineExplanation } from './line-explanation'

const entry = (e: Partial<LedgerEntry>): LedgerEntry => ({ accountId: 'a1', kind: 'charge', amount: 100_00, on: '2027-01-01', at: 0, by: 'u1', ...e })

describe('statement lines say what each entry is and why, with its numbers', () => {
  it('BB-2: a bill run charge names its month', () => {
    expect(lineExplanation(entry({ month: '2027-01', due: '2027-01-31', detail: { kind: 'monthly-fee', run: 'r1', monthlyFee: 100_00 } }), 'en')).toEqual([{ key: 'broadband.line.monthlyFee', params: { month: '2027-01' } }])
  })

  it('BB-6: a part month from service start shows the days and the division', () => {
    expect(lineExplanation(entry({ amount: 54_84, month: '2027-01', detail: { kind: 'monthly-fee', run: 'r1', monthlyFee: 100_00, days: 17, daysInMonth: 31 } }), 'en')).toEqual([
      { key: 'broadband.line.monthlyFee', params: { month: '2027-01' } },
      { key: 'broadband.line.division', params: { days: 17, fee: '¥100.00', daysInMonth: 31, result: '¥54.84' } },
    ])
  })

  it('BB-6: an outage credit shows 3 × ¥100.00 ÷ 31', () => {
    expect(lineExplanation(entry({ kind: 'credit', amount: 9_68, month: '2027-03', detail: { kind: 'outage', outageId: 'o1', days: 3, daysInMonth: 31, monthlyFee: 100_00 } }), 'en')).toEqual([
      { key: 'broadband.line.outage', params: { month: '2027-03' } },
      { key: 'broadband.line.division', params: { days: 3, fee: '¥100.00', daysInMonth: 31, result: '¥9.68' } },
    ])
  })

  it('BB-5: a late fee shows each segment as ¥100.00 × 31 days × 3‰ = ¥9.30, then what earlier statements charged', () => {
    const lines = lineExplanation(
      entry({ kind: 'late-fee', amount: 9_30, detail: { kind: 'late-fee', through: '2027-03-31', perMille: 3, cumulative: 9_30, charged: 0, segments: [{ amount: 100_00, from: '2027-03-01', through: '2027-03-31', days: 31 }] } }),
      'zh-CN',
    )
    expect(lines).toEqual([
      { key: 'broadband.line.lateFee', params: { through: '2027-03-31' } },
      { key: 'broadband.line.lateFeeSegment', params: { amount: '¥100.00', days: 31, rate: '3‰', result: '¥9.30', from: '2027-03-01', through: '2027-03-31' } },
      { key: 'broadband.line.lateFeeTotal', params: { cumulative: '¥9.30', charged: '¥0.00', result: '¥9.30' } },
    ])
  })

  it('BB-2: a payment shows its channel and receipt number', () => {
    expect(lineExplanation(entry({ kind: 'payment', channel: 'website', receiptNo: 'W-77' }), 'en')).toEqual([{ key: 'broadband.line.payment', params: { channel: 'broadband.channel.website', receiptNo: 'W-77' } }])
  })

  it('BB-10: a line-sharing back-charge shows the terminals and the single-port fee', () => {
    expect(lineExplanation(entry({ kind: 'back-charge', amount: 60_00, month: '2027-02', detail: { kind: 'line-sharing', terminals: 2, singlePortFee: 30_00 } }), 'en')).toEqual([
      { key: 'broadband.line.lineSharing', params: { terminals: 2, fee: '¥30.00', result: '¥60.00', month: '2027-02' } },
    ])
  })
})
