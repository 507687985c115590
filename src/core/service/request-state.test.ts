import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { requestState, requestStates } from './request-state'
import { closeOf, completionOf, contactOf, dispatchOf, hour, minute, reopenOf } from './test-fixtures'
import type { ServiceEvents } from './types'

const r = 'svc-request:1'
const t0 = Date.UTC(2027, 2, 10, 2, 0) // 10:00 in Shanghai

describe('SVC-2, SVC-4 the state of a request', () => {
  it('SVC-2: a request with no events waits for dispatch, in its first round', () => {
    expect(requestState(r, {})).toEqual({ status: 'waiting', round: 1, rounds: [{ n: 1, dispatches: [], contacts: [] }], history: [] })
  })

  it('SVC-2: a dispatch gives the job to a technician; a reassignment moves it, the first dispatch time stays', () => {
    const first = dispatchOf('svc-dispatch:1', r, t0 + 10 * minute, 'tech-1')
    const again = dispatchOf('svc-dispatch:2', r, t0 + 30 * minute, 'tech-2')
    const state = requestState(r, { dispatches: [again, first] })
    expect(state).toMatchObject({ status: 'dispatched', technicianId: 'tech-2', firstDispatchAt: t0 + 10 * minute, round: 1 })
    expect(state.rounds[0]!.dispatches.map((d) => d.id)).toEqual(['svc-dispatch:1', 'svc-dispatch:2'])
  })

  it('SVC-4: finished → done (return visit due); calls after it are kept; a visited close ends it', () => {
    const events: Partial<ServiceEvents> = {
      dispatches: [dispatchOf('svc-dispatch:1', r, t0 + minute)],
      completions: [completionOf('svc-completion:1', r, t0 + 3 * hour)],
      contacts: [contactOf('svc-contact:1', r, t0 + 20 * hour, 'no-answer'), contactOf('svc-contact:2', r, t0 + 26 * hour, 'reached', { satisfaction: 5, resolved: true })],
    }
    const done = requestState(r, events)
    expect(done).toMatchObject({ status: 'done', round: 1 })
    expect(done.technicianId).toBeUndefined()
    expect(done.rounds[0]!.completion?.id).toBe('svc-completion:1')
    expect(done.rounds[0]!.contacts.map((c) => c.id)).toEqual(['svc-contact:1', 'svc-contact:2'])
    const closed = requestState(r, { ...events, closes: [closeOf('svc-close:1', r, t0 + 26 * hour, 'visited')] })
    expect(closed.status).toBe('closed')
    expect(closed.rounds[0]!.close?.record.outcome).toBe('visited')
  })

  it('SVC-4: a reopen sends it back to dispatch with its reason and starts round 2, whose completion needs its own return visit', () => {
    const events: Partial<ServiceEvents> = {
      dispatches: [dispatchOf('svc-dispatch:1', r, t0 + minute, 'tech-1')],
      completions: [completionOf('svc-completion:1', r, t0 + 3 * hour, 'tech-1')],
      contacts: [contactOf('svc-contact:1', r, t0 + 20 * hour, 'reached', { satisfaction: 2, resolved: false })],
      closes: [closeOf('svc-close:1', r, t0 + 20 * hour, 'visited')],
      reopens: [reopenOf('svc-reopen:1', r, t0 + 20 * hour + 1, 'Still warm')],
    }
    const reopened = requestState(r, events)
    expect(reopened).toMatchObject({ status: 'reopened', round: 2, reopenReason: 'Still warm' })
    expect(reopened.rounds.map((x) => x.n)).toEqual([1, 2])
    expect(reopened.rounds[0]!.reopen?.id).toBe('svc-reopen:1')

    const redone = requestState(r, {
      ...events,
      dispatches: [...events.dispatches!, dispatchOf('svc-dispatch:2', r, t0 + 22 * hour, 'tech-3')],
      completions: [...events.completions!, completionOf('svc-completion:2', r, t0 + 25 * hour, 'tech-3')],
    })
    expect(redone).toMatchObject({ status: 'done', round: 2, firstDispatchAt: t0 + minute })
    expect(redone.reopenReason).toBeUndefined()
    expect(redone.rounds[1]!.completion?.id).toBe('svc-completion:2')
    expect(redone.rounds[1]!.contacts).toEqual([])
    expect(redone.rounds[0]!.close?.id).toBe('svc-close:1')
  })

  it('SVC-4: a customer calling back before the return visit reopens a done request without a close', () => {
    const state = requestState(r, {
      completions: [completionOf('svc-completion:1', r, t0 + hour)],
      reopens: [reopenOf('svc-reopen:1', r, t0 + 5 * hour)],
    })
    expect(state).toMatchObject({ status: 'reopened', round: 2 })
    expect(state.rounds[0]!.close).toBeUndefined()
  })

  it('SVC-2, SVC-4: events the state does not allow stay in the history, not applied', () => {
    const state = requestState(r, {
      dispatches: [dispatchOf('svc-dispatch:1', r, t0 + minute), dispatchOf('svc-dispatch:2', r, t0 + 4 * hour, 'tech-2')],
      completions: [completionOf('svc-completion:1', r, t0 + 3 * hour), completionOf('svc-completion:2', r, t0 + 5 * hour, 'tech-2')],
      contacts: [contactOf('svc-contact:early', r, t0 + 2 * hour, 'no-answer')],
      closes: [closeOf('svc-close:early', r, t0 + 2 * hour, 'unreachable')],
      reopens: [reopenOf('svc-reopen:early', r, t0)],
    })
    expect(state.history).toEqual([
      { kind: 'reopen', id: 'svc-reopen:early', at: t0, applied: false }, // nothing to reopen yet
      { kind: 'dispatch', id: 'svc-dispatch:1', at: t0 + minute, applied: true },
      { kind: 'contact', id: 'svc-contact:early', at: t0 + 2 * hour, applied: false }, // before the job finished
      { kind: 'close', id: 'svc-close:early', at: t0 + 2 * hour, applied: false }, // not done yet
      { kind: 'completion', id: 'svc-completion:1', at: t0 + 3 * hour, applied: true },
      { kind: 'dispatch', id: 'svc-dispatch:2', at: t0 + 4 * hour, applied: false }, // the job was already done
      { kind: 'completion', id: 'svc-completion:2', at: t0 + 5 * hour, applied: false }, // a second completion in the round
    ])
    expect(state).toMatchObject({ status: 'done', round: 1 })
    expect(state.rounds[0]!.completion?.id).toBe('svc-completion:1')
  })

  it('SVC-2: a completion takes its place when the job finished: a reassignment made after that does not apply', () => {
    // The lead reassigns at 11:00 on an offline device; the technician had finished at 10:50 (taken in later).
    const state = requestState(r, {
      dispatches: [dispatchOf('svc-dispatch:1', r, t0, 'tech-1'), dispatchOf('svc-dispatch:2', r, t0 + hour, 'tech-2')],
      completions: [completionOf('svc-completion:1', r, t0 + 50 * minute, 'tech-1')],
    })
    expect(state.status).toBe('done')
    expect(state.history.find((h) => h.id === 'svc-dispatch:2')?.applied).toBe(false)
  })

  it('SVC-4: a reached call and its close written at the same instant: the call counts, then the round closes', () => {
    // By id alone `svc-close:…` sorts before `svc-contact:…`.
    const state = requestState(r, {
      completions: [completionOf('svc-completion:1', r, t0)],
      contacts: [contactOf('svc-contact:1', r, t0 + hour, 'reached', { satisfaction: 4, resolved: false })],
      closes: [closeOf('svc-close:1', r, t0 + hour, 'visited')],
      reopens: [reopenOf('svc-reopen:1', r, t0 + hour)],
    })
    expect(state.history.map((h) => [h.kind, h.applied])).toEqual([['completion', true], ['contact', true], ['close', true], ['reopen', true]])
    expect(state.rounds[0]!.contacts).toHaveLength(1)
    expect(state).toMatchObject({ status: 'reopened', round: 2 })
  })

  it('SVC-2: events of one kind at the same instant are ordered by id, whatever order they come in', () => {
    const a = dispatchOf('svc-dispatch:a', r, t0, 'tech-1')
    const b = dispatchOf('svc-dispatch:b', r, t0, 'tech-2')
    expect(requestState(r, { dispatches: [a, b] }).technicianId).toBe('tech-2')
    expect(requestState(r, { dispatches: [b, a] }).technicianId).toBe('tech-2')
  })

  it('SVC-2, SVC-4: the same events in any order fold to the same state (deterministic on every device)', () => {
    const events: Partial<ServiceEvents> = {
      dispatches: [dispatchOf('svc-dispatch:1', r, t0), dispatchOf('svc-dispatch:2', r, t0, 'tech-2'), dispatchOf('svc-dispatch:3', r, t0 + 30 * hour, 'tech-3')],
      completions: [completionOf('svc-completion:1', r, t0 + hour), completionOf('svc-completion:2', r, t0 + 40 * hour)],
      contacts: [contactOf('svc-contact:1', r, t0 + 2 * hour, 'no-answer'), contactOf('svc-contact:2', r, t0 + 41 * hour, 'reached', { satisfaction: 4, resolved: true })],
      closes: [closeOf('svc-close:1', r, t0 + 3 * hour, 'visited'), closeOf('svc-close:2', r, t0 + 41 * hour, 'visited')],
      reopens: [reopenOf('svc-reopen:1', r, t0 + 3 * hour), reopenOf('svc-reopen:2', r, t0 + 3 * hour)],
    }
    const expected = requestState(r, events)
    expect(expected).toMatchObject({ status: 'closed', round: 2 })
    const shuffled = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length })
    fc.assert(
      fc.property(
        fc.record({
          dispatches: shuffled(events.dispatches!),
          completions: shuffled(events.completions!),
          contacts: shuffled(events.contacts!),
          closes: shuffled(events.closes!),
          reopens: shuffled(events.reopens!),
        }),
        (order) => {
          expect(requestState(r, order)).toEqual(expected)
        },
      ),
    )
  })

  it("SVC-2: another request's events are ignored; requestStates folds each request of a realm", () => {
    const other = 'svc-request:2'
    const events: Partial<ServiceEvents> = {
      dispatches: [dispatchOf('svc-dispatch:1', r, t0), dispatchOf('svc-dispatch:2', other, t0, 'tech-2')],
      completions: [completionOf('svc-completion:1', other, t0 + hour, 'tech-2')],
    }
    expect(requestState(r, events)).toMatchObject({ status: 'dispatched', technicianId: 'tech-1' })
    const states = requestStates([r, other, 'svc-request:3'], events)
    expect([...states].map(([id, s]) => [id, s.status])).toEqual([
      [r, 'dispatched'],
      [other, 'done'],
      ['svc-request:3', 'waiting'],
    ])
    expect(states.get(r)).toEqual(requestState(r, events))
  })
})
