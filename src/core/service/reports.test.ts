import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { dailyCounts, weekOf, weeklyReport, weeklyReportDue, weekSpan, type WeeklyReportInput } from './reports'
import { closeOf, completionOf, contactOf, dispatchOf, hour, reopenOf, serviceRequest } from './test-fixtures'
import type { ServiceEvents } from './types'

const shanghai = 'Asia/Shanghai'
const at = (date: string, time: string, zone = shanghai) => instantOf(date, time, zone)

describe('SVC-5 daily counts', () => {
  const requests = [
    serviceRequest('svc-request:1', at('2027-03-10', '00:00'), { kind: 'a' }),
    serviceRequest('svc-request:2', at('2027-03-10', '09:15'), { kind: 'b', complaint: true }),
    serviceRequest('svc-request:3', at('2027-03-10', '12:00'), { kind: 'c', nature: 'enquiry' }),
    serviceRequest('svc-request:4', at('2027-03-10', '23:59') + 59_999, { kind: 'd', nature: 'enquiry', complaint: true }),
    serviceRequest('svc-request:5', at('2027-03-11', '00:00'), { kind: 'a' }),
    serviceRequest('svc-request:6', at('2027-03-10', '00:00') - 1, { kind: 'a' }),
  ]

  it('SVC-5: enquiries, complaints and requests by type received on the local day, midnight to midnight', () => {
    expect(dailyCounts(requests, '2027-03-10', shanghai)).toEqual({ received: 4, enquiries: 2, complaints: 2, requests: { a: 1, b: 1, c: 0, d: 0 } })
  })

  it("SVC-5: the day is the organisation's: the same requests counted in New York fall on other days", () => {
    // New York is 13 hours behind Shanghai in March (EST): Shanghai's 10 March runs from 11:00 on the 9th to 11:00 on the 10th there.
    expect(dailyCounts(requests, '2027-03-09', 'America/New_York')).toEqual({ received: 4, enquiries: 1, complaints: 1, requests: { a: 2, b: 1, c: 0, d: 0 } })
    expect(dailyCounts(requests, '2027-03-10', 'America/New_York')).toEqual({ received: 2, enquiries: 1, complaints: 1, requests: { a: 1, b: 0, c: 0, d: 0 } })
  })
})

describe('SVC-5 weeks', () => {
  it('SVC-5: a week runs Monday 00:00 to the next Monday 00:00 local: Sunday 23:59 is the old week, Monday 00:00 the new', () => {
    expect(weekOf(at('2027-03-14', '23:59'), shanghai)).toBe('2027-03-08')
    expect(weekOf(at('2027-03-15', '00:00'), shanghai)).toBe('2027-03-15')
    expect(weekOf(at('2027-03-10', '12:00'), shanghai)).toBe('2027-03-08')
    // Monday 00:30 in Shanghai is still Sunday in New York.
    expect(weekOf(at('2027-03-15', '00:30'), 'America/New_York')).toBe('2027-03-08')
  })

  it('SVC-5: a week is 168 hours, 167 across spring forward (Europe/London) and 169 across fall back (America/New_York)', () => {
    const hours = (s: { start: number; end: number }) => (s.end - s.start) / hour
    expect(hours(weekSpan('2027-03-08', shanghai))).toBe(168)
    expect(hours(weekSpan('2027-03-22', 'Europe/London'))).toBe(167)
    expect(hours(weekSpan('2027-11-01', 'America/New_York'))).toBe(169)
    expect(() => weekSpan('2027-03-09', shanghai)).toThrow(RangeError)
  })

  it('SVC-5: the weekly report is due the following Monday at 18:00 local', () => {
    expect(weeklyReportDue('2027-03-08', shanghai)).toBe(Date.UTC(2027, 2, 15, 10, 0))
    // Europe/London: the week of 22 March ends in summer time, so 18:00 on 29 March is 17:00 UTC.
    expect(weeklyReportDue('2027-03-22', 'Europe/London')).toBe(Date.UTC(2027, 2, 29, 17, 0))
    expect(weeklyReportDue('2027-03-15', 'Europe/London')).toBe(Date.UTC(2027, 2, 22, 18, 0))
  })
})

/**
 * The week of Monday 8 March 2027 in Shanghai:
 * A complaint, dispatched in 30 minutes, finished, visited (5).      B complaint, dispatched in 61 minutes, 3 unanswered calls: unreachable.
 * C complaint Sunday 23:30, due Monday 00:30: next week's.            D complaint Friday, never dispatched: overdue.
 * E finished Friday, its return visit due next Monday: next week's.    F finished last Friday, visited Monday after its 72 hours (3).
 * G finished, reached unresolved (2), closed and reopened; finished again Thursday, not visited by Sunday: two of the week's jobs.
 */
function week(): Omit<WeeklyReportInput, 'now'> {
  const q = (id: string, date: string, time: string, complaint = false) => serviceRequest(`svc-request:${id}`, at(date, time), { complaint })
  const requests = [
    q('A', '2027-03-08', '10:00', true), q('B', '2027-03-09', '09:00', true), q('C', '2027-03-14', '23:30', true), q('D', '2027-03-12', '09:00', true),
    q('E', '2027-03-12', '08:00'), q('F', '2027-03-04', '08:00'), q('G', '2027-03-09', '08:00'),
  ]
  const id = (s: string) => `svc-request:${s}`
  const events: Partial<ServiceEvents> = {
    dispatches: [
      dispatchOf('svc-dispatch:A', id('A'), at('2027-03-08', '10:30')),
      dispatchOf('svc-dispatch:B', id('B'), at('2027-03-09', '10:01')),
      dispatchOf('svc-dispatch:E', id('E'), at('2027-03-12', '08:30')),
      dispatchOf('svc-dispatch:F', id('F'), at('2027-03-04', '09:00')),
      dispatchOf('svc-dispatch:G1', id('G'), at('2027-03-09', '08:30')),
      dispatchOf('svc-dispatch:G2', id('G'), at('2027-03-10', '13:00'), 'tech-2'),
    ],
    completions: [
      completionOf('svc-completion:A', id('A'), at('2027-03-09', '12:00')),
      completionOf('svc-completion:B', id('B'), at('2027-03-09', '15:00')),
      completionOf('svc-completion:E', id('E'), at('2027-03-12', '12:00')),
      completionOf('svc-completion:F', id('F'), at('2027-03-05', '10:00')),
      completionOf('svc-completion:G1', id('G'), at('2027-03-09', '10:00')),
      completionOf('svc-completion:G2', id('G'), at('2027-03-11', '10:00'), 'tech-2'),
    ],
    contacts: [
      contactOf('svc-contact:A', id('A'), at('2027-03-10', '10:00'), 'reached', { satisfaction: 5, resolved: true }),
      contactOf('svc-contact:B1', id('B'), at('2027-03-10', '10:00'), 'no-answer'),
      contactOf('svc-contact:B2', id('B'), at('2027-03-11', '10:00'), 'no-answer'),
      contactOf('svc-contact:B3', id('B'), at('2027-03-11', '16:00'), 'no-answer'),
      contactOf('svc-contact:F', id('F'), at('2027-03-08', '11:00'), 'reached', { satisfaction: 3, resolved: true }),
      contactOf('svc-contact:G', id('G'), at('2027-03-10', '11:00'), 'reached', { satisfaction: 2, resolved: false }),
    ],
    closes: [
      closeOf('svc-close:A', id('A'), at('2027-03-10', '10:00'), 'visited'),
      closeOf('svc-close:B', id('B'), at('2027-03-11', '16:05'), 'unreachable'),
      closeOf('svc-close:F', id('F'), at('2027-03-08', '11:00'), 'visited'),
      closeOf('svc-close:G', id('G'), at('2027-03-10', '11:00'), 'visited'),
    ],
    reopens: [reopenOf('svc-reopen:G', id('G'), at('2027-03-10', '11:00'))],
  }
  return { requests, events }
}

describe('SVC-5 the weekly report', () => {
  const due = weeklyReportDue('2027-03-08', shanghai)

  it('SVC-5: completed, return-visited, unreachable, the rate, satisfaction, overdue dispatches and SLA breaches', () => {
    const report = weeklyReport({ ...week(), now: due }, '2027-03-08', shanghai)
    expect(report).toEqual({
      weekStart: '2027-03-08',
      span: weekSpan('2027-03-08', shanghai),
      due,
      completed: 5, // A, B, E, G twice
      returnVisited: 2, // A, G's first round
      unreachable: 1, // B
      returnVisitRate: 0.4,
      satisfaction: { responses: 3, average: 10 / 3, counts: { 1: 0, 2: 1, 3: 1, 4: 0, 5: 1 } }, // A 5, F 3, G 2
      overdueDispatches: ['svc-request:B', 'svc-request:D'],
      // F visited Monday 11:00, after its 72 hours (Monday 10:00); G's second job, finished Thursday 10:00, not visited by Sunday 10:00.
      lateReturnVisits: [
        { requestId: 'svc-request:F', round: 1 },
        { requestId: 'svc-request:G', round: 2 },
      ],
      slaBreaches: 4,
    })
  })

  it('SVC-5: a deadline not yet passed is no breach yet (a report made mid-week)', () => {
    // Friday 09:30: D has 30 minutes left, G's second return visit two days; F's was already late on Monday.
    const report = weeklyReport({ ...week(), now: at('2027-03-12', '09:30') }, '2027-03-08', shanghai)
    expect(report.overdueDispatches).toEqual(['svc-request:B'])
    expect(report.lateReturnVisits).toEqual([{ requestId: 'svc-request:F', round: 1 }])
    // 10:01 the same day: D's 61st minute.
    expect(weeklyReport({ ...week(), now: at('2027-03-12', '10:00') + 1000 }, '2027-03-08', shanghai).overdueDispatches).toEqual(['svc-request:B', 'svc-request:D'])
  })

  it("SVC-5: breaches due across the week's end are the next week's: C's dispatch (due Monday 00:30) and E's return visit (due Monday 12:00)", () => {
    const next = weeklyReport({ ...week(), now: weeklyReportDue('2027-03-15', shanghai) }, '2027-03-15', shanghai)
    expect(next.overdueDispatches).toEqual(['svc-request:C'])
    expect(next.lateReturnVisits).toEqual([{ requestId: 'svc-request:E', round: 1 }])
    expect(next).toMatchObject({ completed: 0, returnVisitRate: null, satisfaction: { responses: 0, average: null } })
  })

  it('SVC-5: a visit at exactly 72 hours is on time; one 1 ms later is late', () => {
    const r = serviceRequest('svc-request:X', at('2027-03-08', '08:00'))
    const finished = at('2027-03-08', '09:00')
    const report = (closedAt: number) =>
      weeklyReport(
        { requests: [r], events: { completions: [completionOf('svc-completion:X', r.id, finished)], closes: [closeOf('svc-close:X', r.id, closedAt, 'visited')] }, now: due },
        '2027-03-08', shanghai,
      ).lateReturnVisits
    expect(report(finished + 72 * hour)).toEqual([])
    expect(report(finished + 72 * hour + 1)).toEqual([{ requestId: 'svc-request:X', round: 1 }])
  })

  it('SVC-5: the same records in any order give the same report', () => {
    const { requests, events } = week()
    const expected = weeklyReport({ requests, events, now: due }, '2027-03-08', shanghai)
    const shuffled = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length })
    fc.assert(
      fc.property(
        shuffled(requests),
        fc.record({ dispatches: shuffled(events.dispatches!), completions: shuffled(events.completions!), contacts: shuffled(events.contacts!), closes: shuffled(events.closes!) }),
        (rs, es) => {
          expect(weeklyReport({ requests: rs, events: { ...es, reopens: events.reopens }, now: due }, '2027-03-08', shanghai)).toEqual(expected)
        },
      ),
    )
  })

  it('SVC-5: across spring forward (Europe/London) a job finished Sunday 23:30 is the week’s, Monday 00:30 the next’s', () => {
    const london = 'Europe/London'
    const r = serviceRequest('svc-request:L', instantOf('2027-03-27', '09:00', london))
    const events = (finished: number) => ({ completions: [completionOf('svc-completion:L', r.id, finished)] })
    const now = weeklyReportDue('2027-03-22', london)
    expect(weeklyReport({ requests: [r], events: events(instantOf('2027-03-28', '23:30', london)), now }, '2027-03-22', london).completed).toBe(1)
    expect(weeklyReport({ requests: [r], events: events(instantOf('2027-03-29', '00:30', london)), now }, '2027-03-22', london).completed).toBe(0)
  })

  it('SVC-5: a complaint dispatched at its 60th minute is on time, at its 61st overdue', () => {
    const c = serviceRequest('svc-request:Y', at('2027-03-10', '10:00'), { complaint: true })
    const overdue = (dispatchedAt: number) =>
      weeklyReport({ requests: [c], events: { dispatches: [dispatchOf('svc-dispatch:Y', c.id, dispatchedAt)] }, now: due }, '2027-03-08', shanghai).overdueDispatches
    expect(overdue(at('2027-03-10', '11:00'))).toEqual([])
    expect(overdue(at('2027-03-10', '11:00') + 1000)).toEqual(['svc-request:Y'])
    expect(overdue(at('2027-03-10', '10:59') + 59 * 1000)).toEqual([])
  })
})
