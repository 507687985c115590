import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billRunPreview, type BillableAccount, type BillRunPlan } from './bill-run'
import { agreementState } from './status-fold'
import type { StatusChange, WithId } from './types'
import { monthOf } from '@/core/shared/calendar-month'
import { addDaysTo } from '@/core/shared/local-date'

const origin = '2026-01-01'

/** An account with a random life: never started, started, then maybe suspended, reactivated or terminated. */
const accountArb = (accountId: string): fc.Arbitrary<BillableAccount> =>
  fc
    .record({
      monthlyFee: fc.integer({ min: 1, max: 10_000_000 }),
      startDay: fc.option(fc.integer({ min: 0, max: 1100 }), { nil: undefined }),
      later: fc.array(fc.record({ to: fc.constantFrom<StatusChange['to']>('active', 'suspended', 'terminated'), after: fc.integer({ min: 0, max: 200 }) }), { maxLength: 4 }),
    })
    .map(({ monthlyFee, startDay, later }) => {
      const changes: WithId<StatusChange>[] = []
      const push = (to: StatusChange['to'], on: string) => changes.push({ id: `${accountId}-${changes.length}`, record: { accountId, to, on, at: changes.length, by: 'p', reason: 'service-start' } })
      if (startDay !== undefined) {
        let day = addDaysTo(origin, startDay)
        push('active', day)
        for (const step of later) push(step.to, (day = addDaysTo(day, step.after)))
      }
      return { accountId, monthlyFee, state: agreementState(changes) }
    })

const runArb = fc.record({
  accounts: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => accountArb(`a${i}`)))),
  monthDay: fc.integer({ min: 0, max: 1200 }),
  lateBy: fc.integer({ min: 0, max: 90 }),
})

const planOf = (result: ReturnType<typeof billRunPreview>): BillRunPlan => {
  if ('problem' in result) throw new Error(result.problem)
  return result
}

describe('BB-2 bill run (property)', () => {
  it('BB-2 (property): run twice, the second with the first\'s charges as billed, each account is charged at most once', () => {
    fc.assert(
      fc.property(runArb, ({ accounts, monthDay, lateBy }) => {
        const month = monthOf(addDaysTo(origin, monthDay))
        const today = addDaysTo(`${month}-01`, lateBy)
        const first = planOf(billRunPreview(accounts, new Set(), month, today))
        const second = planOf(billRunPreview(accounts, new Set(first.charges.map((c) => c.accountId)), month, today))
        const charged = [...first.charges, ...second.charges].map((c) => c.accountId)
        expect(second.charges).toEqual([])
        expect(new Set(charged).size).toBe(charged.length)
        // every account is either charged or skipped, once
        expect([...first.charges.map((c) => c.accountId), ...first.skipped.map((s) => s.accountId)].sort()).toEqual(accounts.map((a) => a.accountId).sort())
      }),
    )
  })

  it('BB-2, BB-6 (property): the plan\'s total is the sum of its charges, and no charge exceeds the monthly fee or falls below 0', () => {
    fc.assert(
      fc.property(runArb, ({ accounts, monthDay, lateBy }) => {
        const month = monthOf(addDaysTo(origin, monthDay))
        const plan = planOf(billRunPreview(accounts, new Set(), month, addDaysTo(`${month}-01`, lateBy)))
        expect(plan.total).toBe(plan.charges.reduce((sum, c) => sum + c.amount, 0))
        for (const c of plan.charges) {
          expect(Number.isSafeInteger(c.amount)).toBe(true)
          expect(c.amount).toBeGreaterThanOrEqual(0)
          expect(c.amount).toBeLessThanOrEqual(c.monthlyFee)
        }
      }),
    )
  })
})
