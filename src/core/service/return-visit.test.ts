import { describe, expect, it } from 'vitest'
import { instantOf, localPartsOf } from '@/core/shared/local-date'
import { requestState } from './request-state'
import {
  checkClose, checkContact, checkReopen, contactConsequence, failedAttempts, mayCloseUnreachable, returnVisitDeadline, returnVisitStanding,
  type ContactInput,
} from './return-visit'
import { closeOf, completionOf, contactOf, hour, reopenOf } from './test-fixtures'
import type { ServiceEvents } from './types'

const shanghai = 'Asia/Shanghai'
const r = 'svc-request:1'
const finished = instantOf('2027-03-12', '17:00', shanghai) // a Friday
const completion = completionOf('svc-completion:1', r, finished)
const done = requestState(r, { completions: [completion] })
const settings = { unreachableAttempts: 3 }

describe('SVC-4 the 72-hour return visit', () => {
  it('SVC-4: due 72 hours after the job finished: Friday 17:00 → Monday 17:00, across the weekend', () => {
    expect(returnVisitDeadline(completion.record)).toBe(finished + 72 * hour)
    expect(localPartsOf(returnVisitDeadline(completion.record), shanghai)).toMatchObject({ date: '2027-03-15', time: '17:00', weekday: 1 })
  })

  it('SVC-4: at exactly 72 hours it is still due (0 left); 1 ms later it is overdue', () => {
    const deadline = finished + 72 * hour
    expect(returnVisitStanding(completion.record, finished)).toEqual({ status: 'due', deadline, leftMs: 72 * hour })
    expect(returnVisitStanding(completion.record, deadline)).toEqual({ status: 'due', deadline, leftMs: 0 })
    expect(returnVisitStanding(completion.record, deadline + 1)).toEqual({ status: 'overdue', deadline, overMs: 1 })
  })

  it('SVC-4: 72 real hours across a daylight-saving change read 73 on the wall clock (Europe/London, spring forward)', () => {
    const london = 'Europe/London'
    const friday = completionOf('svc-completion:2', r, instantOf('2027-03-26', '10:00', london))
    expect(localPartsOf(returnVisitDeadline(friday.record), london)).toMatchObject({ date: '2027-03-29', time: '11:00' })
  })

  it('SVC-4: 72 real hours across a fall-back read 71 on the wall clock (America/New_York)', () => {
    const newYork = 'America/New_York'
    const friday = completionOf('svc-completion:3', r, instantOf('2027-11-05', '10:00', newYork))
    expect(localPartsOf(returnVisitDeadline(friday.record), newYork)).toMatchObject({ date: '2027-11-08', time: '09:00' })
  })
})

describe('SVC-4 logging a return-visit call', () => {
  const call: ContactInput = { requestId: r, at: finished + 20 * hour, by: 'agent-1', outcome: 'reached', satisfaction: 4, resolved: true, note: '  Happy  ' }

  it('SVC-4: a reached customer: satisfaction and resolved kept, note trimmed', () => {
    expect(checkContact(call, done)).toEqual({
      ok: true,
      value: { requestId: r, at: finished + 20 * hour, by: 'agent-1', outcome: 'reached', satisfaction: 4, resolved: true, note: 'Happy' },
    })
  })

  it('SVC-4: a call logged before the job finished is refused; at the very instant it finished it is taken', () => {
    expect(checkContact({ ...call, at: finished - 1 }, done)).toEqual({ ok: false, problems: [{ field: 'at', code: 'before-completion' }] })
    expect(checkContact({ ...call, at: finished }, done).ok).toBe(true)
  })

  it('SVC-4: a request not finished, or whose return visit is closed, takes no call', () => {
    expect(checkContact(call, requestState(r, {}))).toEqual({ ok: false, problems: [{ field: 'request', code: 'not-completed' }] })
    const closed = requestState(r, { completions: [completion], closes: [closeOf('svc-close:1', r, finished + hour, 'visited')] })
    expect(checkContact(call, closed)).toEqual({ ok: false, problems: [{ field: 'request', code: 'round-closed' }] })
    const reopened = requestState(r, { completions: [completion], reopens: [reopenOf('svc-reopen:1', r, finished + hour)] })
    expect(checkContact(call, reopened)).toEqual({ ok: false, problems: [{ field: 'request', code: 'not-completed' }] })
  })

  it('SVC-4: a reached customer must give satisfaction 1 … 5 (whole) and say whether it is solved', () => {
    const problems = (c: Partial<ContactInput>) => {
      const result = checkContact({ ...call, ...c }, done)
      return result.ok ? [] : result.problems
    }
    expect(problems({ satisfaction: undefined, resolved: undefined })).toEqual([
      { field: 'satisfaction', code: 'satisfaction-required' },
      { field: 'resolved', code: 'resolved-required' },
    ])
    for (const s of [0, 6, 3.5, Number.NaN]) expect(problems({ satisfaction: s }), String(s)).toEqual([{ field: 'satisfaction', code: 'satisfaction-invalid' }])
    for (const s of [1, 5]) expect(problems({ satisfaction: s }), String(s)).toEqual([])
    expect(problems({ outcome: 'busy' })).toEqual([{ field: 'outcome', code: 'outcome-unknown' }])
    expect(problems({ note: 'n'.repeat(501) })).toEqual([{ field: 'note', code: 'too-long' }])
  })

  it('SVC-4: a call nobody answered keeps no satisfaction or resolved, and needs neither', () => {
    const result = checkContact({ ...call, outcome: 'no-answer', note: ' ' }, done)
    expect(result).toEqual({ ok: true, value: { requestId: r, at: finished + 20 * hour, by: 'agent-1', outcome: 'no-answer' } })
  })

  it('SVC-4: reached and solved closes as visited; reached and not solved closes and reopens; otherwise nothing by itself', () => {
    expect(contactConsequence({ requestId: r, at: 1, by: 'a', outcome: 'reached', satisfaction: 5, resolved: true })).toEqual({ close: 'visited', reopen: false })
    expect(contactConsequence({ requestId: r, at: 1, by: 'a', outcome: 'reached', satisfaction: 2, resolved: false })).toEqual({ close: 'visited', reopen: true })
    expect(contactConsequence({ requestId: r, at: 1, by: 'a', outcome: 'no-answer' })).toBeNull()
    expect(contactConsequence({ requestId: r, at: 1, by: 'a', outcome: 'wrong-contact' })).toBeNull()
  })
})

describe('SVC-4 closing as unreachable', () => {
  const noAnswer = (n: number) => contactOf(`svc-contact:${n}`, r, finished + n * hour, 'no-answer')

  it('SVC-4: after the set number of unanswered calls (3 by default), not before', () => {
    expect(mayCloseUnreachable([noAnswer(1), noAnswer(2)], settings)).toBe(false)
    expect(mayCloseUnreachable([noAnswer(1), noAnswer(2), noAnswer(3)], settings)).toBe(true)
    expect(failedAttempts([noAnswer(1), noAnswer(2), noAnswer(3)])).toBe(3)
  })

  it('SVC-4: the setting decides: with 5, four unanswered calls are not enough', () => {
    const four = [1, 2, 3, 4].map(noAnswer)
    expect(mayCloseUnreachable(four, { unreachableAttempts: 5 })).toBe(false)
    expect(mayCloseUnreachable([...four, noAnswer(5)], { unreachableAttempts: 5 })).toBe(true)
  })

  it('SVC-4: wrong contact details allow it at once', () => {
    expect(mayCloseUnreachable([contactOf('svc-contact:1', r, finished + hour, 'wrong-contact')], settings)).toBe(true)
  })

  it('SVC-4: never once the customer was reached', () => {
    const reached = contactOf('svc-contact:9', r, finished + 9 * hour, 'reached', { satisfaction: 3, resolved: true })
    expect(mayCloseUnreachable([noAnswer(1), noAnswer(2), noAnswer(3), reached], settings)).toBe(false)
  })

  it('SVC-4: checkClose: unreachable after the attempts, visited after a reached call, nothing on a request not done', () => {
    const events = (contacts: ServiceEvents['contacts']) => requestState(r, { completions: [completion], contacts })
    expect(checkClose('unreachable', events([noAnswer(1), noAnswer(2)]), settings)).toEqual(['attempts-remaining'])
    expect(checkClose('unreachable', events([noAnswer(1), noAnswer(2), noAnswer(3)]), settings)).toEqual([])
    expect(checkClose('visited', events([noAnswer(1)]), settings)).toEqual(['not-reached'])
    const reached = contactOf('svc-contact:9', r, finished + 9 * hour, 'reached', { satisfaction: 3, resolved: true })
    expect(checkClose('visited', events([reached]), settings)).toEqual([])
    expect(checkClose('visited', requestState(r, {}), settings)).toEqual(['not-completed'])
    const closed = requestState(r, { completions: [completion], contacts: [reached], closes: [closeOf('svc-close:1', r, finished + 10 * hour, 'visited')] })
    expect(checkClose('visited', closed, settings)).toEqual(['round-closed'])
  })
})

describe('SVC-4 reopening', () => {
  it('SVC-4: a finished request reopens with a reason (the written feedback); one not finished does not', () => {
    expect(checkReopen('  Still warm ', done)).toEqual([])
    expect(checkReopen(' ', done)).toEqual(['reason-required'])
    expect(checkReopen('x'.repeat(501), done)).toEqual(['too-long'])
    expect(checkReopen('Still warm', requestState(r, {}))).toEqual(['not-finished'])
  })
})
