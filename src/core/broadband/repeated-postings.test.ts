import { describe, expect, it } from 'vitest'
import { balanceOf, countedLines } from './ledger-fold'
import { charge, line } from './ledger-test-lines'

// Two offline devices can post the same outage's credits, or the same statement's late fee, before either sees the
// other's (events keep random ids, so both survive sync). Each is worked out from the same records, so the second
// is the same posting again: the fold counts it once, as it counts one monthly charge per month.
describe('BB-6, BB-5: a posting made twice on two offline devices counts once', () => {
  const outageCredit = (id: string, at: number) =>
    line({ kind: 'credit', amount: 645, on: '2027-05-03', month: '2027-05', at, detail: { kind: 'outage', outageId: 'out-1', days: 2, daysInMonth: 31, monthlyFee: 10000 } }, id)
  const lateFee = (id: string, at: number) =>
    line({ kind: 'late-fee', amount: 930, on: '2027-03-31', month: '2027-03', at, detail: { kind: 'late-fee', through: '2027-03-31', segments: [], perMille: 3, cumulative: 930, charged: 0 } }, id)

  it('BB-6: one outage credit per account, month and outage', () => {
    const lines = [charge('2027-05', 10000, '2027-05-31'), outageCredit('c-b', 2), outageCredit('c-a', 1)]
    expect(balanceOf(lines)).toBe(10000 - 645)
    expect(countedLines(lines).counted.map((l) => l.id)).toEqual([lines[0]!.id, 'c-a'])
  })

  it('BB-6: credits of two outages in one month both count', () => {
    const other = line({ kind: 'credit', amount: 322, on: '2027-05-20', month: '2027-05', detail: { kind: 'outage', outageId: 'out-2', days: 1, daysInMonth: 31, monthlyFee: 10000 } })
    expect(balanceOf([charge('2027-05', 10000, '2027-05-31'), outageCredit('c-a', 1), other])).toBe(10000 - 645 - 322)
  })

  it('BB-5: one late fee per account and statement date; a later statement’s fee counts too', () => {
    const later = line({ kind: 'late-fee', amount: 900, on: '2027-04-30', month: '2027-04', detail: { kind: 'late-fee', through: '2027-04-30', segments: [], perMille: 3, cumulative: 1830, charged: 930 } })
    expect(balanceOf([lateFee('f-a', 1), lateFee('f-b', 2), later])).toBe(930 + 900)
  })

  it('BB-7: one credit per upheld dispute, even when two devices uphold it offline', () => {
    const upheld = (id: string, at: number) => line({ kind: 'credit', amount: 10000, on: '2027-06-02', at, detail: { kind: 'dispute', disputeId: 'd-1' } }, id)
    const lines = [charge('2027-05', 10000, '2027-05-31'), upheld('u-b', 2), upheld('u-a', 1)]
    expect(balanceOf(lines)).toBe(0)
    expect(countedLines(lines).counted.map((l) => l.id)).toEqual([lines[0]!.id, 'u-a'])
  })
})
