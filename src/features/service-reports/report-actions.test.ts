import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { weeklyReportDue } from '@/core/service/reports'
import type { ContactOutcome, ServiceRequest } from '@/core/service/types'
import { instantOf } from '@/core/shared/local-date'
import { customer, dispatch, finish, serviceStorage, takeRequest } from '@/features/return-visits/test-service'
import type { ServiceRecords } from '@/features/service/service-records'
import { dailyCountsOn, weekFigures } from './report-actions'

const zone = 'Asia/Shanghai'
const at = (date: string, time: string) => instantOf(date, time, zone)

/**
 * The week of Monday 8 March 2027 in Shanghai, seeded as the office writes it (requests with their markers,
 * dispatches, finished jobs taken in, calls and closes), counted by hand:
 * A complaint (b) Mon 10:00, dispatched in 30 min, finished Tue, reached Wed (5, solved): visited.
 * B complaint (a) Tue 09:00, dispatched after 61 min, finished Tue, three unanswered calls: unreachable.
 * C complaint (c) Sun 14 March 23:30, never dispatched: due Monday 00:30, the next week's.
 * D complaint (a) Fri 09:00, never dispatched: overdue.     E enquiry (c) Fri 08:00.
 * F (a) received the Thursday before, finished Fri 5 March 10:00: its visit was due Mon 10:00, made at 11:00 (3).
 * G complaint (a) Sun 7 March 23:30, dispatched Mon 00:20: on time, in the week's first hour.
 * H (d) Mon 00:10 local, which is Sunday in UTC: the local day counts it, not the UTC one.
 */
let records: ServiceRecords
const ids: Record<string, string> = {}

beforeAll(async () => {
  const t = await serviceStorage('lead-1')
  records = t.records
  const person = await customer(t.storage)
  const take = async (key: string, date: string, time: string, extra: Partial<ServiceRequest>) => (ids[key] = await takeRequest(records, person, at(date, time), extra))
  const call = (key: string, date: string, time: string, outcome: ContactOutcome, extra = {}) => records.contacts.add({ requestId: ids[key]!, at: at(date, time), by: 'agent-1', outcome, ...extra })
  const close = (key: string, date: string, time: string, outcome: 'visited' | 'unreachable') => records.closes.add({ requestId: ids[key]!, at: at(date, time), by: 'agent-1', outcome })

  await take('A', '2027-03-08', '10:00', { complaint: true, kind: 'b' })
  await dispatch(records, ids.A!, at('2027-03-08', '10:30'))
  await finish(records, ids.A!, at('2027-03-09', '12:00'))
  await call('A', '2027-03-10', '10:00', 'reached', { satisfaction: 5, resolved: true })
  await close('A', '2027-03-10', '10:00', 'visited')

  await take('B', '2027-03-09', '09:00', { complaint: true, kind: 'a' })
  await dispatch(records, ids.B!, at('2027-03-09', '10:01'))
  await finish(records, ids.B!, at('2027-03-09', '15:00'))
  for (const time of ['10:00', '12:00', '16:00']) await call('B', '2027-03-11', time, 'no-answer')
  await close('B', '2027-03-11', '16:05', 'unreachable')

  await take('C', '2027-03-14', '23:30', { complaint: true, kind: 'c' })
  await take('D', '2027-03-12', '09:00', { complaint: true, kind: 'a' })
  await take('E', '2027-03-12', '08:00', { nature: 'enquiry', kind: 'c' })

  await take('F', '2027-03-04', '08:00', { kind: 'a' })
  await dispatch(records, ids.F!, at('2027-03-04', '09:00'))
  await finish(records, ids.F!, at('2027-03-05', '10:00'))
  await call('F', '2027-03-08', '11:00', 'reached', { satisfaction: 3, resolved: true })
  await close('F', '2027-03-08', '11:00', 'visited')

  await take('G', '2027-03-07', '23:30', { complaint: true, kind: 'a' })
  await dispatch(records, ids.G!, at('2027-03-08', '00:20'))
  await take('H', '2027-03-08', '00:10', { kind: 'd' })
})

describe('SVC-5 the daily counts, read by day slices', () => {
  it("SVC-5: Monday counts A and H (H is Sunday in UTC) and not G (Sunday 23:30 local)", async () => {
    expect(await dailyCountsOn(records, '2027-03-08', zone)).toEqual({ received: 2, enquiries: 0, complaints: 1, requests: { a: 0, b: 1, c: 0, d: 1 } })
  })

  it('SVC-5: Friday: a complaint and an enquiry; the enquiry is not a request by type', async () => {
    expect(await dailyCountsOn(records, '2027-03-12', zone)).toEqual({ received: 2, enquiries: 1, complaints: 1, requests: { a: 1, b: 0, c: 0, d: 0 } })
    expect(await dailyCountsOn(records, '2027-03-13', zone)).toEqual({ received: 0, enquiries: 0, complaints: 0, requests: { a: 0, b: 0, c: 0, d: 0 } })
  })
})

describe('SVC-5 the weekly report, read by day slices', () => {
  it('SVC-5: made on the Monday it is due, its figures are the hand-counted ones', async () => {
    const due = weeklyReportDue('2027-03-08', zone)
    const { report, days, requestsRead } = await weekFigures(records, '2027-03-08', zone, due)
    expect(report).toMatchObject({
      due, completed: 2, returnVisited: 1, unreachable: 1, returnVisitRate: 0.5,
      satisfaction: { responses: 2, average: 4, counts: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 } },
      overdueDispatches: [ids.B, ids.D].sort(),
      lateReturnVisits: [{ requestId: ids.F, round: 1 }],
      slaBreaches: 3,
    })
    expect(days.map((d) => [d.day, d.counts.received])).toEqual([
      ['2027-03-08', 2], ['2027-03-09', 1], ['2027-03-10', 0], ['2027-03-11', 0], ['2027-03-12', 2], ['2027-03-13', 0], ['2027-03-14', 1],
    ])
    // The week's requests (A … E, G, H) and F, whose job finished in the 72 hours before it: eight, never the realm.
    expect(requestsRead).toBe(8)
  })

  it('SVC-5: made mid-week, a deadline not yet passed is no breach yet', async () => {
    const { report } = await weekFigures(records, '2027-03-08', zone, at('2027-03-12', '08:59'))
    expect(report.overdueDispatches).toEqual([ids.B])
    expect(report.slaBreaches).toBe(2)
  })
})
