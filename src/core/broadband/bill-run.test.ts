import { describe, expect, it } from 'vitest'
import { billRunPreview, chargeEntries, dueDateOf, type BillableAccount, type BillRunPlan } from './bill-run'
import { agreementState } from './status-fold'
import type { StatusChange, WithId } from './types'

const fee = 10_000 // ¥100.00 a month
let seq = 0
const change = (to: StatusChange['to'], on: string, reason: StatusChange['reason'] = 'service-start'): WithId<StatusChange> => {
  seq += 1
  return { id: `c${seq}`, record: { accountId: 'x', to, on, at: seq, by: 'agent-1', reason } }
}
const account = (accountId: string, changes: WithId<StatusChange>[], monthlyFee = fee): BillableAccount => ({ accountId, monthlyFee, state: agreementState(changes) })
const planOf = (result: ReturnType<typeof billRunPreview>): BillRunPlan => {
  if ('problem' in result) throw new Error(result.problem)
  return result
}

describe('BB-2 bill run', () => {
  it('BB-2: a month\'s fee is due on the month\'s last day, February by its length', () => {
    expect(dueDateOf('2027-03')).toBe('2027-03-31')
    expect(dueDateOf('2027-02')).toBe('2027-02-28')
    expect(dueDateOf('2028-02')).toBe('2028-02-29')
    expect(dueDateOf('2027-04')).toBe('2027-04-30')
  })

  it('BB-2, BB-5: active and suspended accounts are charged the full fee; the total is the sum', () => {
    const plan = planOf(
      billRunPreview(
        [account('a', [change('active', '2027-01-05')]), account('s', [change('active', '2027-01-01'), change('suspended', '2027-03-02', 'arrears')], 12_345)],
        new Set(),
        '2027-04',
        '2027-04-01',
      ),
    )
    expect(plan).toEqual({
      month: '2027-04',
      due: '2027-04-30',
      charges: [
        { accountId: 'a', amount: 10_000, monthlyFee: 10_000 },
        { accountId: 's', amount: 12_345, monthlyFee: 12_345 },
      ],
      skipped: [],
      total: 22_345,
    })
  })

  it('BB-6: service starting 2027-03-10 at ¥100: March is 22 of 31 days, 7097 fen (7096.77 rounded half up)', () => {
    const plan = planOf(billRunPreview([account('late', [change('active', '2027-03-10')])], new Set(), '2027-03', '2027-03-31'))
    expect(plan.charges).toEqual([{ accountId: 'late', amount: 7097, monthlyFee: 10_000, days: 22, daysInMonth: 31 }])
    expect(plan.total).toBe(7097)
  })

  it('BB-6: a service start in February is divided by 28, or 29 in a leap year; starting on the 1st is a full month', () => {
    const feb2027 = planOf(billRunPreview([account('f', [change('active', '2027-02-15')])], new Set(), '2027-02', '2027-02-20'))
    expect(feb2027.charges).toEqual([{ accountId: 'f', amount: 5000, monthlyFee: 10_000, days: 14, daysInMonth: 28 }]) // 14/28
    const feb2028 = planOf(billRunPreview([account('f', [change('active', '2028-02-15')])], new Set(), '2028-02', '2028-02-20'))
    expect(feb2028.charges).toEqual([{ accountId: 'f', amount: 5172, monthlyFee: 10_000, days: 15, daysInMonth: 29 }]) // 5172.41
    const first = planOf(billRunPreview([account('f', [change('active', '2027-02-01')])], new Set(), '2027-02', '2027-02-20'))
    expect(first.charges).toEqual([{ accountId: 'f', amount: 10_000, monthlyFee: 10_000 }])
  })

  it('BB-5, BB-6: pending, terminated, not yet started and already billed accounts are skipped, each with why', () => {
    const plan = planOf(
      billRunPreview(
        [
          account('pending', []),
          account('ended', [change('active', '2027-01-01'), change('terminated', '2027-03-20', 'arrears-terminated')]),
          account('called-off', [change('terminated', '2027-01-01', 'called-off')]),
          account('april', [change('active', '2027-04-02')]),
          account('billed', [change('active', '2027-01-01')]),
        ],
        new Set(['billed']),
        '2027-03',
        '2027-04-05',
      ),
    )
    expect(plan.charges).toEqual([])
    expect(plan.total).toBe(0)
    expect(plan.skipped).toEqual([
      { accountId: 'pending', why: 'pending' },
      { accountId: 'ended', why: 'terminated' },
      { accountId: 'called-off', why: 'terminated' },
      { accountId: 'april', why: 'not-started' },
      { accountId: 'billed', why: 'already-billed' },
    ])
  })

  it('BB-5: an account terminated after the month\'s due date was live all month: a late run still charges it', () => {
    const plan = planOf(billRunPreview([account('t', [change('active', '2027-01-01'), change('terminated', '2027-04-01', 'notice')])], new Set(), '2027-03', '2027-04-05'))
    expect(plan.charges).toEqual([{ accountId: 't', amount: 10_000, monthlyFee: 10_000 }])
    const onDue = planOf(billRunPreview([account('t', [change('active', '2027-01-01'), change('terminated', '2027-03-31', 'notice')])], new Set(), '2027-03', '2027-04-05'))
    expect(onDue.skipped).toEqual([{ accountId: 't', why: 'terminated' }])
  })

  it('BB-2: a month that has not begun is refused; its first day is allowed', () => {
    expect(billRunPreview([account('a', [change('active', '2027-01-01')])], new Set(), '2027-05', '2027-04-30')).toEqual({ problem: 'month-not-begun' })
    expect('problem' in billRunPreview([account('a', [change('active', '2027-01-01')])], new Set(), '2027-05', '2027-05-01')).toBe(false)
  })

  it('BB-2: a confirmed plan posts one charge entry per account with its month, due date and the numbers behind it', () => {
    const plan = planOf(billRunPreview([account('a', [change('active', '2027-01-01')]), account('late', [change('active', '2027-03-10')])], new Set(), '2027-03', '2027-04-02'))
    expect(chargeEntries(plan, 'run-1', 'agent-1', 1_800_000_000_000, '2027-04-02')).toEqual([
      { accountId: 'a', kind: 'charge', amount: 10_000, on: '2027-04-02', at: 1_800_000_000_000, by: 'agent-1', month: '2027-03', due: '2027-03-31', detail: { kind: 'monthly-fee', run: 'run-1', monthlyFee: 10_000 } },
      {
        accountId: 'late',
        kind: 'charge',
        amount: 7097,
        on: '2027-04-02',
        at: 1_800_000_000_000,
        by: 'agent-1',
        month: '2027-03',
        due: '2027-03-31',
        detail: { kind: 'monthly-fee', run: 'run-1', monthlyFee: 10_000, days: 22, daysInMonth: 31 },
      },
    ])
  })
})
