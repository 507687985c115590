import { describe, expect, it } from 'vitest'
import { ageingOn, arrearsOn, balanceOf, countedLines, isDebit, openItemsOn } from './ledger-fold'
import { charge, line, payment } from './ledger-test-lines'
import type { DuplicateReview } from './types'

const jan = () => charge('2027-01', 10_000, '2027-01-31', {}, 'jan')
const feb = () => charge('2027-02', 10_000, '2027-02-28', {}, 'feb')

describe('BB-2 ledger fold', () => {
  it('BB-2: charges, late fees, back-charges and refunds are debits; payments, credits and write-offs are credits', () => {
    expect(['charge', 'late-fee', 'back-charge', 'refund'].every((k) => isDebit(k as never))).toBe(true)
    expect(['payment', 'credit', 'write-off'].some((k) => isDebit(k as never))).toBe(false)
  })

  it('BB-2: the balance is counted debits less credits, in fen: owed positive, credit negative', () => {
    const lines = [
      jan(),
      feb(),
      line({ kind: 'late-fee', amount: 930, on: '2027-03-31' }),
      line({ kind: 'back-charge', amount: 5_000, on: '2027-02-10', due: '2027-02-28', month: '2027-02' }),
      payment('2027-02-05', 12_345),
      line({ kind: 'credit', amount: 333, on: '2027-02-20' }),
      line({ kind: 'write-off', amount: 1_000, on: '2027-03-01' }),
    ]
    expect(balanceOf(lines)).toBe(10_000 + 10_000 + 930 + 5_000 - 12_345 - 333 - 1_000) // 12,252
    expect(balanceOf([jan(), payment('2027-01-10', 15_000)])).toBe(-5_000) // held in credit
    expect(balanceOf([jan(), payment('2027-01-10', 15_000), line({ kind: 'refund', amount: 5_000, on: '2027-01-20' })])).toBe(0)
  })

  it('BB-2: a month charged on two devices counts once, the first by (at, id); the other is a duplicate for a manager', () => {
    const first = charge('2027-01', 10_000, '2027-01-31', { at: 1000 }, 'b-device')
    const second = charge('2027-01', 10_000, '2027-01-31', { at: 2000 }, 'a-device')
    const { counted, duplicates } = countedLines([second, first, payment('2027-01-05', 10_000, {}, 'pay')])
    expect(counted.map((l) => l.id).sort()).toEqual(['b-device', 'pay'])
    expect(duplicates).toEqual([{ accountId: 'acc-1', month: '2027-01', lines: [first, second], counted: 'b-device', reviewed: false }])
    expect(balanceOf([first, second])).toBe(10_000)
  })

  it('BB-2: posted at the same instant, the lower id counts (every device folds alike)', () => {
    const a = charge('2027-01', 10_000, '2027-01-31', { at: 1000 }, 'a')
    const b = charge('2027-01', 10_000, '2027-01-31', { at: 1000 }, 'b')
    expect(countedLines([b, a]).duplicates[0]?.counted).toBe('a')
  })

  it('BB-2: a duplicate review keeping the second charge counts the second, and is shown as reviewed', () => {
    const first = charge('2027-01', 10_000, '2027-01-31', { at: 1000 }, 'one')
    const second = charge('2027-01', 9_000, '2027-01-31', { at: 2000 }, 'two')
    const review: DuplicateReview = { accountId: 'acc-1', month: '2027-01', kept: 'two', reviewedBy: 'manager-1', reviewedAt: 3000 }
    const { counted, duplicates } = countedLines([first, second], [review])
    expect(counted.map((l) => l.id)).toEqual(['two'])
    expect(duplicates[0]).toMatchObject({ counted: 'two', reviewed: true })
    expect(balanceOf([first, second], [review])).toBe(9_000)
  })

  it('BB-2: only monthly charges are de-duplicated: two back-charges of one month both count; other accounts are apart', () => {
    const lines = [
      line({ kind: 'back-charge', amount: 5_000, on: '2027-01-10', month: '2027-01', due: '2027-01-31' }),
      line({ kind: 'back-charge', amount: 5_000, on: '2027-01-11', month: '2027-01', due: '2027-01-31' }),
      charge('2027-01', 10_000, '2027-01-31'),
      charge('2027-01', 10_000, '2027-01-31', { accountId: 'acc-2' }),
    ]
    const { counted, duplicates } = countedLines(lines)
    expect(counted).toHaveLength(4)
    expect(duplicates).toEqual([])
  })

  it('BB-2: a payment pays January before February (oldest due first), whichever was posted first', () => {
    const items = openItemsOn([feb(), jan(), payment('2027-02-10', 12_000)], '2027-02-10')
    expect(items).toEqual([{ entryId: 'feb', kind: 'charge', due: '2027-02-28', amount: 10_000, outstanding: 8_000, month: '2027-02' }])
  })

  it('BB-2: credits go to principal before late fees; only entries posted on or before the day count', () => {
    const fee = line({ kind: 'late-fee', amount: 930, on: '2027-03-31', month: '2027-03' }, 'fee')
    const lines = [jan(), fee, payment('2027-04-02', 10_000), payment('2027-04-20', 930)]
    expect(openItemsOn(lines, '2027-04-01').map((i) => [i.entryId, i.outstanding])).toEqual([['jan', 10_000], ['fee', 930]])
    expect(openItemsOn(lines, '2027-04-02')).toEqual([{ entryId: 'fee', kind: 'late-fee', due: '2027-03-31', amount: 930, outstanding: 930, month: '2027-03' }])
    expect(openItemsOn(lines, '2027-04-20')).toEqual([])
  })

  it('BB-5: a late-fee credit (a statement that charged too much) lowers late fees, not the principal', () => {
    const fee = line({ kind: 'late-fee', amount: 930, on: '2027-03-31' }, 'fee')
    const lateFeeCredit = line({
      kind: 'credit', amount: 300, on: '2027-04-30',
      detail: { kind: 'late-fee', through: '2027-04-30', segments: [], perMille: 3, cumulative: 630, charged: 930 },
    })
    const items = openItemsOn([jan(), fee, lateFeeCredit], '2027-04-30')
    expect(items.map((i) => [i.entryId, i.outstanding])).toEqual([['jan', 10_000], ['fee', 630]])
  })

  it('BB-3/BB-4: arrears are the unpaid part of what fell due before the day; due today is not yet overdue', () => {
    const lines = [jan(), feb(), payment('2027-02-05', 4_000)]
    expect(arrearsOn(lines, '2027-01-31')).toEqual({ overdue: 0, inArrears: false, items: [] })
    const feb1 = arrearsOn(lines, '2027-02-01')
    expect(feb1).toMatchObject({ overdue: 10_000, inArrears: true, oldestDue: '2027-01-31' })
    expect(arrearsOn(lines, '2027-02-28')).toMatchObject({ overdue: 6_000, inArrears: true, oldestDue: '2027-01-31' })
    const march = arrearsOn(lines, '2027-03-01')
    expect(march).toMatchObject({ overdue: 16_000, oldestDue: '2027-01-31' })
    expect(march.items.map((i) => [i.entryId, i.outstanding])).toEqual([['jan', 6_000], ['feb', 10_000]])
    expect(arrearsOn([...lines, payment('2027-03-02', 6_000)], '2027-03-02')).toMatchObject({ overdue: 10_000, oldestDue: '2027-02-28' })
  })

  it('BB-4: ageing by days past due: not yet due, 1–30, 31–60, over 60', () => {
    const lines = [
      charge('2027-01', 10_000, '2027-01-31', {}, 'a'),
      charge('2027-02', 20_000, '2027-02-28', {}, 'b'),
      charge('2027-03', 40_000, '2027-03-31', {}, 'c'),
      charge('2027-04', 80_000, '2027-04-30', {}, 'd'),
    ]
    // On 1 April: a is 60 days past due, b 32, c 1, d not yet due.
    expect(ageingOn(lines, '2027-04-01')).toEqual({ current: 80_000, upTo30: 40_000, upTo60: 30_000, over60: 0 })
    // On 2 April a is 61 days past due; on 30 April b is 61 too, c is 30 and d is due today.
    expect(ageingOn(lines, '2027-04-02')).toEqual({ current: 80_000, upTo30: 40_000, upTo60: 20_000, over60: 10_000 })
    expect(ageingOn(lines, '2027-04-30')).toEqual({ current: 80_000, upTo30: 40_000, upTo60: 0, over60: 30_000 })
  })
})
