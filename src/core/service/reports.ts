/**
 * SVC-5: the lead's daily counts and the weekly satisfaction report (due Monday 18:00). Days and weeks are the
 * organisation's local days in its zone (a week runs Monday 00:00 to the next Monday 00:00 local, 167 or 169 hours
 * across a daylight-saving change); the clocks inside them (60 minutes, 72 hours) are elapsed time.
 */
import { addDaysTo, instantOf, localDateOf, weekdayOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { dispatchDeadline } from './dispatch-clock'
import { requestStates } from './request-state'
import { returnVisitDeadline } from './return-visit'
import { requestKinds } from './schemas'
import type { RequestKind, ServiceEvents, ServiceRequest, WithId } from './types'

/** The instants a local day or week runs over: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number
  end: number
}

const inSpan = (at: number, span: Span) => at >= span.start && at < span.end

/** The organisation's local day `day` as instants. */
export function daySpan(day: LocalDate, zone: string): Span {
  return { start: instantOf(day, '00:00', zone), end: instantOf(addDaysTo(day, 1), '00:00', zone) }
}

/** SVC-5: the Monday of the local week `instant` falls in. */
export function weekOf(instant: number, zone: string): LocalDate {
  const day = localDateOf(instant, zone)
  return addDaysTo(day, 1 - weekdayOf(day))
}

/** SVC-5: the week starting on Monday `weekStart` as instants. Throws on a day that is not a Monday (a caller's bug). */
export function weekSpan(weekStart: LocalDate, zone: string): Span {
  if (weekdayOf(weekStart) !== 1) throw new RangeError(`not a Monday: ${weekStart}`)
  return { start: instantOf(weekStart, '00:00', zone), end: instantOf(addDaysTo(weekStart, 7), '00:00', zone) }
}

/** SVC-5: the weekly report of the week starting `weekStart` is due the following Monday at 18:00 local. */
export function weeklyReportDue(weekStart: LocalDate, zone: string): number {
  if (weekdayOf(weekStart) !== 1) throw new RangeError(`not a Monday: ${weekStart}`)
  return instantOf(addDaysTo(weekStart, 7), '18:00', zone)
}

export interface DailyCounts {
  /** Every request received that day. */
  received: number
  enquiries: number
  /** Complaints of either nature (they are also counted as an enquiry or a request). */
  complaints: number
  /** Requests for work (not enquiries), by type: paid, contract, free, internal. */
  requests: Record<RequestKind, number>
}

const byKind = (): Record<RequestKind, number> => Object.fromEntries(requestKinds.map((k) => [k, 0])) as Record<RequestKind, number>

/** SVC-5: the lead's counts of the requests received on the local day `day`. */
export function dailyCounts(requests: readonly WithId<ServiceRequest>[], day: LocalDate, zone: string): DailyCounts {
  const span = daySpan(day, zone)
  const counts: DailyCounts = { received: 0, enquiries: 0, complaints: 0, requests: byKind() }
  for (const { record } of requests) {
    if (!inSpan(record.receivedAt, span)) continue
    counts.received += 1
    if (record.complaint) counts.complaints += 1
    if (record.nature === 'enquiry') counts.enquiries += 1
    else counts.requests[record.kind] += 1
  }
  return counts
}

export type Score = 1 | 2 | 3 | 4 | 5

export interface WeeklyReportInput {
  /** Every request whose events may fall in the week: at least those received before its end and not closed before its start. */
  requests: readonly WithId<ServiceRequest>[]
  events: Partial<ServiceEvents>
  /** When the report is made: a deadline not yet passed is no breach yet. */
  now: number
}

export interface WeeklyReport {
  weekStart: LocalDate
  span: Span
  due: number
  /** Jobs finished in the week (a reopened request finished again counts again: each round has its return visit). */
  completed: number
  /** Of those, return visits closed as visited (SVC-4), and as unreachable, so far. */
  returnVisited: number
  unreachable: number
  /** `returnVisited / completed`; null in a week with no job finished. The target is 1 (SVC-4). */
  returnVisitRate: number | null
  /** The answers of the customers reached in the week: how many, their average, and how many gave each score. */
  satisfaction: { responses: number; average: number | null; counts: Record<Score, number> }
  /** Complaints whose 60 minutes ran out in the week without a dispatch: dispatched late, or still waiting. */
  overdueDispatches: string[]
  /** Return visits whose 72 hours ran out in the week before the visit closed (or a reopen ended it). */
  lateReturnVisits: Array<{ requestId: string; round: number }>
  /** SLA breaches: the two above. */
  slaBreaches: number
}

const isScore = (n: number | undefined): n is Score => n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5

/**
 * SVC-5: the week's report. Each breach belongs to the week its deadline falls in and is final once the deadline
 * has passed (a complaint due Sunday 23:50 and dispatched Monday is the week ending Sunday's): so a report made on
 * the due Monday counts every breach of its week, and one made mid-week counts none that has not happened yet.
 * Completed, visited and unreachable follow the week's finished jobs, so the rate is of the week's own jobs
 * (a job finished Sunday may still be visited before the report is due). Every request and event is folded as
 * request-state.ts does (events the state did not apply count for nothing).
 */
export function weeklyReport(input: WeeklyReportInput, weekStart: LocalDate, zone: string): WeeklyReport {
  const span = weekSpan(weekStart, zone)
  const states = requestStates(input.requests.map((r) => r.id), input.events)
  const firstDispatch = new Map<string, number>()
  for (const { record: d } of input.events.dispatches ?? []) {
    const seen = firstDispatch.get(d.requestId)
    if (seen === undefined || d.at < seen) firstDispatch.set(d.requestId, d.at)
  }
  const report: WeeklyReport = {
    weekStart, span, due: weeklyReportDue(weekStart, zone),
    completed: 0, returnVisited: 0, unreachable: 0, returnVisitRate: null,
    satisfaction: { responses: 0, average: null, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    overdueDispatches: [], lateReturnVisits: [], slaBreaches: 0,
  }
  let scoreSum = 0
  for (const request of input.requests) {
    const deadline = dispatchDeadline(request.record)
    if (deadline !== null && inSpan(deadline, span) && input.now > deadline && !((firstDispatch.get(request.id) ?? Infinity) <= deadline))
      report.overdueDispatches.push(request.id)

    for (const round of states.get(request.id)!.rounds) {
      for (const { record: c } of round.contacts) {
        if (c.outcome !== 'reached' || !isScore(c.satisfaction) || !inSpan(c.at, span)) continue
        report.satisfaction.responses += 1
        report.satisfaction.counts[c.satisfaction] += 1
        scoreSum += c.satisfaction
      }
      if (!round.completion) continue
      if (inSpan(round.completion.record.finishedAt, span)) {
        report.completed += 1
        if (round.close?.record.outcome === 'visited') report.returnVisited += 1
        if (round.close?.record.outcome === 'unreachable') report.unreachable += 1
      }
      const due = returnVisitDeadline(round.completion.record)
      const ended = round.close?.record.at ?? round.reopen?.record.at
      if (inSpan(due, span) && input.now > due && !(ended !== undefined && ended <= due)) report.lateReturnVisits.push({ requestId: request.id, round: round.n })
    }
  }
  // Sorted, so the same records give the same lists whatever order they were read in.
  report.overdueDispatches.sort()
  report.lateReturnVisits.sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : a.round - b.round))
  if (report.completed) report.returnVisitRate = report.returnVisited / report.completed
  if (report.satisfaction.responses) report.satisfaction.average = scoreSum / report.satisfaction.responses
  report.slaBreaches = report.overdueDispatches.length + report.lateReturnVisits.length
  return report
}
