import { describe, expect, it } from 'vitest'
import { charge, line, payment } from './ledger-test-lines'
import { statementOf } from './statement'
import type { DuplicateReview } from './types'

const at = (on: string, time: string) => Date.parse(`${on}T${time}:00Z`)

function history() {
  return [
    charge('2027-01', 10_000, '2027-01-31', {}, 'jan'),
    charge('2027-02', 10_000, '2027-02-28', { at: at('2027-02-01', '08:00') }, 'feb'),
    charge('2027-02', 10_000, '2027-02-28', { at: at('2027-02-01', '09:00') }, 'feb-other-device'),
    payment('2027-02-05', 12_000, { at: at('2027-02-05', '10:00') }, 'pay-1'),
    line({ kind: 'credit', amount: 500, on: '2027-02-05', at: at('2027-02-05', '09:00') }, 'outage-credit'),
    charge('2027-03', 10_000, '2027-03-31', {}, 'mar'),
    charge('2027-02', 10_000, '2027-02-28', { accountId: 'acc-2' }, 'someone-else'),
  ]
}

describe('BB-2 statement', () => {
  it('BB-2: opening balance, every counted entry of the month in (on, at, id) order with its running balance, closing', () => {
    const statement = statementOf('acc-1', history(), '2027-02')
    expect(statement).toMatchObject({ accountId: 'acc-1', month: '2027-02', from: '2027-02-01', through: '2027-02-28', opening: 10_000 })
    expect(statement.lines.map(({ id, debit, credit, balance }) => ({ id, debit, credit, balance }))).toEqual([
      { id: 'feb', debit: 10_000, credit: 0, balance: 20_000 },
      { id: 'outage-credit', debit: 0, credit: 500, balance: 19_500 },
      { id: 'pay-1', debit: 0, credit: 12_000, balance: 7_500 },
    ])
    expect(statement).toMatchObject({ debits: 10_000, credits: 12_500, closing: 7_500 })
    expect(statement.lines[0]?.entry.month).toBe('2027-02')
  })

  it('BB-2: the month charged twice is shown as a duplicate, counted once; a review can keep the other', () => {
    const { duplicates } = statementOf('acc-1', history(), '2027-02')
    expect(duplicates.map((d) => [d.month, d.counted, d.lines.length, d.reviewed])).toEqual([['2027-02', 'feb', 2, false]])
    expect(statementOf('acc-1', history(), '2027-03').duplicates).toEqual([])
    const review: DuplicateReview = { accountId: 'acc-1', month: '2027-02', kept: 'feb-other-device', reviewedBy: 'manager-1', reviewedAt: 1 }
    const reviewed = statementOf('acc-1', history(), '2027-02', undefined, [review])
    expect(reviewed.lines.map((l) => l.id)).toEqual(['feb-other-device', 'outage-credit', 'pay-1'])
    expect(reviewed.closing).toBe(7_500)
  })

  it('BB-2/BB-5: the next month opens at the last closing; late fee, arrears and ageing are worked through its last day', () => {
    const march = statementOf('acc-1', history(), '2027-03')
    expect(march).toMatchObject({ opening: 7_500, debits: 10_000, credits: 0, closing: 17_500 })
    // February's 7,500 unpaid (the payment and credit paid January first) accrues from 29 March: 3 days.
    expect(march.lateFee).toMatchObject({
      through: '2027-03-31',
      segments: [{ amount: 7_500, from: '2027-03-29', through: '2027-03-31', days: 3 }],
      cumulative: 68, // 3 × 7,500 × 3‰ = 67.5, half a fen up
      due: 68,
    })
    expect(march.arrears).toMatchObject({ overdue: 7_500, inArrears: true, oldestDue: '2027-02-28' })
    expect(march.ageing).toEqual({ current: 10_000, upTo30: 0, upTo60: 7_500, over60: 0 })
  })

  it('BB-5: a statement date inside the month works the late fee, arrears and ageing through that day', () => {
    const march = statementOf('acc-1', history(), '2027-03', '2027-03-30')
    expect(march.lateFee).toMatchObject({ through: '2027-03-30', cumulative: 45 }) // 2 × 7,500 × 3‰
    expect(march.ageing).toEqual({ current: 10_000, upTo30: 7_500, upTo60: 0, over60: 0 }) // February 30 days past due
  })
})
