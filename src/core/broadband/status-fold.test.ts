import { describe, expect, it } from 'vitest'
import { agreementState } from './status-fold'
import type { StatusChange, WithId } from './types'

let seq = 0
function change(to: StatusChange['to'], on: string, extra: Partial<StatusChange> & { id?: string; at?: number } = {}): WithId<StatusChange> {
  seq += 1
  const { id, ...record } = extra
  return {
    id: id ?? `c${String(seq).padStart(3, '0')}`,
    record: { accountId: 'acc-1', to, on, at: seq * 1000, by: 'agent-1', reason: to === 'active' ? 'service-start' : to === 'suspended' ? 'arrears' : 'notice', ...record },
  }
}

describe('BB-1 status fold', () => {
  it('BB-1: no changes: pending, nothing started, no history', () => {
    expect(agreementState([])).toEqual({ status: 'pending', history: [] })
  })

  it('BB-1: pending → active → suspended → active: the service start is the first activation, since is the last applied change', () => {
    const start = change('active', '2027-03-10')
    const suspend = change('suspended', '2027-05-02', { reason: 'arrears' })
    const back = change('active', '2027-05-06', { reason: 'paid' })
    const state = agreementState([back, start, suspend]) // stored order does not matter: (at, id) does
    expect(state.status).toBe('active')
    expect(state.serviceStart).toBe('2027-03-10')
    expect(state.since).toBe('2027-05-06')
    expect(state.suspension).toBeUndefined()
    expect(state.history.map((h) => [h.id, h.applied])).toEqual([[start.id, true], [suspend.id, true], [back.id, true]])
  })

  it('BB-1, BB-9: a suspension for a violation carries its reason, violation, deadline and day', () => {
    const state = agreementState([
      change('active', '2027-03-01'),
      change('suspended', '2027-04-10', { reason: 'violation', violation: 'line-sharing', deadline: '2027-04-13' }),
    ])
    expect(state.status).toBe('suspended')
    expect(state.suspension).toEqual({ reason: 'violation', violation: 'line-sharing', deadline: '2027-04-13', on: '2027-04-10' })
  })

  it('BB-1: two devices suspending offline: the second suspension stays in the history, not applied', () => {
    const start = change('active', '2027-03-01')
    const first = change('suspended', '2027-05-02', { at: 50_000, id: 'b-device', reason: 'arrears' })
    const second = change('suspended', '2027-05-02', { at: 50_000, id: 'a-device', reason: 'violation', violation: 'illegal-use', deadline: '2027-05-05' })
    const state = agreementState([start, first, second])
    // same instant: the id breaks the tie, so every device folds alike ('a-device' first)
    expect(state.history.map((h) => [h.id, h.applied])).toEqual([[start.id, true], ['a-device', true], ['b-device', false]])
    expect(state.suspension).toEqual({ reason: 'violation', violation: 'illegal-use', deadline: '2027-05-05', on: '2027-05-02' })
  })

  it('BB-1: a disallowed change (pending → suspended, terminated → active) is kept, not applied; terminated is final', () => {
    const early = change('suspended', '2027-02-01')
    const start = change('active', '2027-03-01')
    const end = change('terminated', '2027-06-30', { reason: 'notice' })
    const revive = change('active', '2027-07-01', { reason: 'paid' })
    const state = agreementState([early, start, end, revive])
    expect(state.status).toBe('terminated')
    expect(state.terminatedOn).toBe('2027-06-30')
    expect(state.since).toBe('2027-06-30')
    expect(state.serviceStart).toBe('2027-03-01')
    expect(state.history.map((h) => h.applied)).toEqual([false, true, true, false])
  })

  it('BB-1: a pending agreement called off never started service', () => {
    const state = agreementState([change('terminated', '2027-02-01', { reason: 'called-off' })])
    expect(state).toMatchObject({ status: 'terminated', terminatedOn: '2027-02-01' })
    expect(state.serviceStart).toBeUndefined()
  })

  it('BB-1: a terminated suspended agreement is no longer suspended', () => {
    const state = agreementState([
      change('active', '2027-03-01'),
      change('suspended', '2027-04-10', { reason: 'violation', violation: 'false-information', deadline: '2027-04-13' }),
      change('terminated', '2027-04-14', { reason: 'violation-unrectified' }),
    ])
    expect(state.status).toBe('terminated')
    expect(state.suspension).toBeUndefined()
  })
})
