import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lastDayOf, monthOf, sameDayMonthsLater } from '@/core/shared/calendar-month'
import { addDaysTo } from '@/core/shared/local-date'
import { roundHalfUpToFen } from '@/core/shared/money'
import { firstLateFeeDay } from './late-fee-days'
import { lateFeeEntry, lateFeeThrough } from './late-fee'
import { balanceOf, countedLines, isDebit, openItemsOn, signedAmount } from './ledger-fold'
import { ledgerKinds } from './schemas'
import { statementOf } from './statement'
import type { DuplicateReview, LedgerEntry, LedgerLine } from './types'

const start = '2027-01-01'
const span = 240 // days of history: long enough for late fees, short enough to check day by day

interface Draft {
  kind: LedgerEntry['kind']
  amount: number
  day: number
  dueShift: number
  month: number
  minute: number
  /** Days after `day` the entry reaches this device (a payment taken offline). */
  delay: number
}

const draft = (kinds: readonly LedgerEntry['kind'][]) =>
  fc.record({
    kind: fc.constantFrom(...kinds),
    amount: fc.integer({ min: 1, max: 2_000_000 }),
    day: fc.integer({ min: 0, max: span }),
    dueShift: fc.integer({ min: -45, max: 45 }),
    month: fc.integer({ min: 0, max: 3 }), // a few months only, so two charges of one month turn up
    minute: fc.integer({ min: 0, max: 1439 }),
    delay: fc.integer({ min: 0, max: 60 }),
  })

// Drafts to ledger lines of one account: ids say nothing of the order (the fold must not lean on them).
// A late-fee credit only ever comes from a statement (lateFeeEntry), so none is drawn here.
function linesOf(drafts: readonly Draft[]): LedgerLine[] {
  return drafts.map((d, i) => {
    const on = addDaysTo(start, d.day)
    const entry: LedgerEntry = { accountId: 'acc-1', kind: d.kind, amount: d.amount, on, at: Date.parse(`${on}T00:00:00Z`) + d.minute * 60_000, by: 'agent-1' }
    if (d.kind === 'charge') {
      entry.month = monthOf(sameDayMonthsLater(start, d.month))
      entry.due = addDaysTo(on, Math.abs(d.dueShift))
    }
    if (d.kind === 'back-charge') entry.due = addDaysTo(on, d.dueShift) // found late: may be due before it was posted
    return { id: `e${(i * 7919) % 1009}-${i}`, record: entry }
  })
}

const ledger = fc.array(draft(ledgerKinds), { maxLength: 30 }).map(linesOf)
const debitsOnly = fc.array(draft(['charge', 'back-charge', 'refund', 'late-fee']), { maxLength: 20 }).map(linesOf)
const day = fc.integer({ min: 0, max: span + 60 }).map((n) => addDaysTo(start, n))

// A manager's review keeping one of the charges, when there are any.
const withReview = fc.tuple(ledger, fc.nat()).map(([lines, pick]): [LedgerLine[], DuplicateReview[]] => {
  const charges = lines.filter((l) => l.record.kind === 'charge')
  const kept = charges[pick % Math.max(1, charges.length)]
  return [lines, kept ? [{ accountId: 'acc-1', month: kept.record.month!, kept: kept.id, reviewedBy: 'manager-1', reviewedAt: 1 }] : []]
})

// BB-5 by its words, one day at a time: the overdue principal (charges, back-charges) past its first late-fee day.
function lateFeeDayByDay(lines: readonly LedgerLine[], through: string): number {
  let thousandths = 0
  for (let d = start; d <= through; d = addDaysTo(d, 1)) {
    for (const item of openItemsOn(lines, d)) {
      if ((item.kind === 'charge' || item.kind === 'back-charge') && firstLateFeeDay(item.due) <= d) thousandths += item.outstanding * 3
    }
  }
  return roundHalfUpToFen(thousandths, 1000)
}

const monthEnds = (from: string, to: string): string[] => {
  const ends: string[] = []
  for (let m = monthOf(from); lastDayOf(m) <= to; m = monthOf(sameDayMonthsLater(`${m}-01`, 1))) ends.push(lastDayOf(m))
  return ends
}

describe('BB-2/BB-5 ledger properties', () => {
  it('BB-2: the balance is Σ debits − Σ credits of the counted entries, one charge per month counts, and it is what allocation leaves unpaid', () => {
    fc.assert(
      fc.property(withReview, ([lines, reviews]) => {
        const { counted, duplicates } = countedLines(lines, reviews)
        const everything = lines.reduce((sum, l) => sum + signedAmount(l), 0)
        const notCounted = duplicates.flatMap((d) => d.lines.filter((l) => l.id !== d.counted))
        expect(balanceOf(lines, reviews)).toBe(everything - notCounted.reduce((sum, l) => sum + signedAmount(l), 0))
        expect(counted.length + notCounted.length).toBe(lines.length)
        const months = counted.filter((l) => l.record.kind === 'charge').map((l) => l.record.month)
        expect(new Set(months).size).toBe(months.length)
        const unpaid = openItemsOn(lines, addDaysTo(start, span), reviews).reduce((sum, item) => sum + item.outstanding, 0)
        expect(unpaid).toBe(Math.max(0, balanceOf(lines, reviews)))
      }),
    )
  })

  it('BB-2: a statement never loses or creates a fen, and each month opens at the last one\'s closing', () => {
    fc.assert(
      fc.property(withReview, ([lines, reviews]) => {
        let previous: number | undefined
        for (const end of monthEnds(start, addDaysTo(start, span))) {
          const s = statementOf('acc-1', lines, monthOf(end), undefined, reviews)
          expect(s.opening + s.lines.reduce((sum, l) => sum + l.debit - l.credit, 0)).toBe(s.closing)
          expect(s.closing).toBe(s.opening + s.debits - s.credits)
          expect(s.lines.at(-1)?.balance ?? s.opening).toBe(s.closing)
          if (previous !== undefined) expect(s.opening).toBe(previous)
          const countedSoFar = countedLines(lines, reviews).counted.filter((l) => l.record.on <= end)
          expect(s.closing).toBe(countedSoFar.reduce((sum, l) => sum + signedAmount(l), 0))
          previous = s.closing
        }
      }),
    )
  })

  it('BB-5: worked by stretches, the late fee is the day-by-day sum of 3‰ of the overdue principal, rounded once', () => {
    fc.assert(
      fc.property(ledger, day, (lines, through) => {
        const formula = lateFeeThrough(lines, through)
        expect(formula.cumulative).toBe(lateFeeDayByDay(lines, through))
        const fromSegments = formula.segments.reduce((sum, s) => sum + s.amount * s.days * 3, 0)
        expect(roundHalfUpToFen(fromSegments, 1000)).toBe(formula.cumulative)
      }),
      { numRuns: 60 },
    )
  })

  it('BB-5: late fees never compound: adding late-fee entries leaves the cumulative fee unchanged', () => {
    const lateFees = fc.array(fc.record({ amount: fc.integer({ min: 1, max: 500_000 }), day: fc.integer({ min: 0, max: span }) }), { minLength: 1, maxLength: 10 })
    fc.assert(
      fc.property(ledger, lateFees, day, (lines, fees, through) => {
        const extra = fees.map(({ amount, day: n }, i): LedgerLine => {
          const on = addDaysTo(start, n)
          return { id: `fee-${i}`, record: { accountId: 'acc-1', kind: 'late-fee', amount, on, at: Date.parse(`${on}T20:00:00Z`), by: 'agent-1' } }
        })
        expect(lateFeeThrough([...lines, ...extra], through).cumulative).toBe(lateFeeThrough(lines, through).cumulative)
      }),
    )
  })

  it('BB-5: with no credits, the cumulative late fee never goes down as the statement date moves on', () => {
    fc.assert(
      fc.property(debitsOnly, day, day, (lines, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        expect(lateFeeThrough(lines, early).cumulative).toBeLessThanOrEqual(lateFeeThrough(lines, late).cumulative)
      }),
    )
  })

  it('BB-5: posting the late fee at every month end, the entries sum to the cumulative fee through the last (rounded once), even when payments taken offline arrive late', () => {
    // Late fees here come from the statements alone.
    const drafts = fc.array(draft(ledgerKinds.filter((k) => k !== 'late-fee')), { maxLength: 30 })
    fc.assert(
      fc.property(drafts, (list) => {
        const lines = linesOf(list)
        const arrives = (l: LedgerLine, i: number) => addDaysTo(l.record.on, isDebit(l.record.kind) ? 0 : list[i]!.delay)
        const posted: LedgerLine[] = []
        const ends = monthEnds(start, addDaysTo(start, span + 60))
        for (const end of ends) {
          const known = lines.filter((l, i) => arrives(l, i) <= end)
          const entry = lateFeeEntry('acc-1', [...known, ...posted], end, 'agent-1', Date.parse(`${end}T23:00:00Z`))
          if (entry) posted.push({ id: `statement-${end}`, record: entry })
        }
        const sum = posted.reduce((total, l) => total + (isDebit(l.record.kind) ? l.record.amount : -l.record.amount), 0)
        const last = ends.at(-1)!
        const known = lines.filter((l, i) => arrives(l, i) <= last)
        expect(sum).toBe(lateFeeThrough(known, last).cumulative)
        // The statements' own entries, late-fee credits among them, change nothing of the fee they account for.
        expect(lateFeeThrough([...known, ...posted], last)).toMatchObject({ cumulative: sum, charged: sum, due: 0 })
      }),
    )
  })
})
