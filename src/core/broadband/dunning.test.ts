import { describe, expect, it } from 'vitest'
import { dunningStepsOn, violationDeadline } from './dunning'
import { agreementState, type AgreementState } from './status-fold'
import type { DunningEvent, OpenItem, StatusChange, WithId } from './types'

let seq = 0
const change = (to: StatusChange['to'], on: string, extra: Partial<StatusChange> = {}): WithId<StatusChange> => {
  seq += 1
  return { id: `c${seq}`, record: { accountId: 'acc', to, on, at: seq, by: 'agent', reason: 'service-start', ...extra } }
}
const active = agreementState([change('active', '2027-01-01')])
const march: OpenItem = { entryId: 'e-march', kind: 'charge', due: '2027-03-31', amount: 10_000, outstanding: 10_000, month: '2027-03' }
const april: OpenItem = { entryId: 'e-april', kind: 'charge', due: '2027-04-30', amount: 10_000, outstanding: 4_000, month: '2027-04' }
const notice = (due: string, on: string): DunningEvent => ({ accountId: 'acc', step: 'notice', due, on, at: 1, by: 'agent' })
const steps = (today: string, dunning: DunningEvent[] = [], items: OpenItem[] = [march], state: AgreementState = active) => dunningStepsOn({ state, items, dunning, today })

describe('BB-4 dunning', () => {
  it('BB-4: on the due date nothing; the day after, a notice for the oldest unpaid due date', () => {
    expect(steps('2027-03-31')).toEqual([])
    expect(steps('2027-04-01')).toEqual([{ step: 'notice', due: '2027-03-31', overdue: 10_000 }])
  })

  it('BB-4: a notice given is not proposed again; a newer unpaid month adds to what is overdue once past its own due date', () => {
    expect(steps('2027-04-03', [notice('2027-03-31', '2027-04-01')])).toEqual([])
    expect(steps('2027-04-30', [notice('2027-03-31', '2027-04-29')], [march, april])).toEqual([])
    expect(steps('2027-05-01', [notice('2027-03-31', '2027-04-30')], [march, april])).toEqual([{ step: 'may-suspend', due: '2027-03-31', overdue: 14_000 }])
  })

  it('BB-4: unpaid 5 days after the notice: no credit record yet; 6 days after: the credit record', () => {
    const given = [notice('2027-03-31', '2027-04-02')]
    expect(steps('2027-04-07', given)).toEqual([])
    expect(steps('2027-04-08', given)).toEqual([{ step: 'credit-record', due: '2027-03-31', noticeOn: '2027-04-02', overdue: 10_000 }])
    expect(steps('2027-04-08', [...given, { ...given[0]!, step: 'credit-record', on: '2027-04-08' }])).toEqual([])
  })

  it('BB-4: more than one calendar month overdue: may suspend (due 31 March: 30 April is one month, 1 May more)', () => {
    const done: DunningEvent[] = [notice('2027-03-31', '2027-04-01'), { ...notice('2027-03-31', '2027-04-07'), step: 'credit-record' }]
    expect(steps('2027-04-30', done)).toEqual([])
    expect(steps('2027-05-01', done)).toEqual([{ step: 'may-suspend', due: '2027-03-31', overdue: 10_000 }])
    const suspended = agreementState([change('active', '2027-01-01'), change('suspended', '2027-05-02', { reason: 'arrears' })])
    expect(steps('2027-05-03', done, [march], suspended)).toEqual([]) // already suspended
  })

  it('BB-4: past two months overdue: terminate (due 31 March: 31 May is two months, 1 June past), suspended or not', () => {
    const done: DunningEvent[] = [notice('2027-03-31', '2027-04-01'), { ...notice('2027-03-31', '2027-04-07'), step: 'credit-record' }]
    expect(steps('2027-05-31', done)).toEqual([{ step: 'may-suspend', due: '2027-03-31', overdue: 10_000 }])
    expect(steps('2027-06-01', done)).toEqual([{ step: 'terminate', why: 'arrears', due: '2027-03-31', overdue: 10_000 }])
    const suspended = agreementState([change('active', '2027-01-01'), change('suspended', '2027-05-02', { reason: 'arrears' })])
    expect(steps('2027-06-01', done, [march], suspended)).toEqual([{ step: 'terminate', why: 'arrears', due: '2027-03-31', overdue: 10_000 }])
    const ended = agreementState([change('active', '2027-01-01'), change('terminated', '2027-06-01', { reason: 'arrears-terminated' })])
    expect(steps('2027-06-02', done, [march], ended)).toEqual([])
  })

  it('BB-4, BB-3: only charges and back-charges are arrears: a late fee or refund alone starts no dunning; paid items do not count', () => {
    const lateFee: OpenItem = { entryId: 'lf', kind: 'late-fee', due: '2027-03-01', amount: 900, outstanding: 900 }
    const refund: OpenItem = { entryId: 'rf', kind: 'refund', due: '2027-03-01', amount: 500, outstanding: 500 }
    const paid: OpenItem = { ...march, outstanding: 0 }
    expect(steps('2027-06-10', [], [lateFee, refund, paid])).toEqual([])
    const back: OpenItem = { entryId: 'bc', kind: 'back-charge', due: '2027-04-30', amount: 3_000, outstanding: 3_000, month: '2027-04' }
    expect(steps('2027-05-01', [], [lateFee, back])).toEqual([{ step: 'notice', due: '2027-04-30', overdue: 3_000 }])
  })
})

describe('BB-9 violation deadline', () => {
  it('BB-9: three days to pay or rectify: suspended 10 April, the last day is 13 April', () => {
    expect(violationDeadline('2027-04-10')).toBe('2027-04-13')
    expect(violationDeadline('2027-02-27')).toBe('2027-03-02')
  })

  it('BB-9: on the deadline day nothing; the day after, terminate for the violation', () => {
    const state = agreementState([change('active', '2027-01-01'), change('suspended', '2027-04-10', { reason: 'violation', violation: 'line-sharing', deadline: '2027-04-13' })])
    expect(steps('2027-04-13', [], [], state)).toEqual([])
    expect(steps('2027-04-14', [], [], state)).toEqual([{ step: 'terminate', why: 'violation', deadline: '2027-04-13' }])
    const rectified = agreementState([...state.history, change('active', '2027-04-12', { reason: 'rectified' })])
    expect(steps('2027-04-14', [], [], rectified)).toEqual([])
  })

  it('BB-9: a violation suspension stored without its deadline counts 3 days from the suspension', () => {
    const state = agreementState([change('active', '2027-01-01'), change('suspended', '2027-02-27', { reason: 'violation', violation: 'authority-order' })])
    expect(steps('2027-03-02', [], [], state)).toEqual([])
    expect(steps('2027-03-03', [], [], state)).toEqual([{ step: 'terminate', why: 'violation', deadline: '2027-03-02' }])
  })

  it('BB-4, BB-9: an account both suspended for a violation and past 2 months in arrears shows both reasons to terminate', () => {
    const state = agreementState([change('active', '2027-01-01'), change('suspended', '2027-05-20', { reason: 'violation', violation: 'illegal-use', deadline: '2027-05-23' })])
    const done: DunningEvent[] = [notice('2027-03-31', '2027-04-01'), { ...notice('2027-03-31', '2027-04-07'), step: 'credit-record' }]
    expect(steps('2027-06-01', done, [march], state)).toEqual([
      { step: 'terminate', why: 'arrears', due: '2027-03-31', overdue: 10_000 },
      { step: 'terminate', why: 'violation', deadline: '2027-05-23' },
    ])
  })
})
