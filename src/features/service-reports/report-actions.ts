import { complaintDispatchMinutes } from '@/core/service/dispatch-clock'
import { dailyCounts, daySpan, weeklyReport, weekSpan, type DailyCounts, type WeeklyReport } from '@/core/service/reports'
import { returnVisitHours } from '@/core/service/return-visit'
import type { ServiceEvents, ServiceRequest, WithId } from '@/core/service/types'
import { addDaysTo } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { eventsOf } from '@/features/return-visits/open-work'
import { onDays, utcDaysCovering } from '@/features/return-visits/utc-days'
import type { ServiceRecords } from '@/features/service/service-records'

const minuteMs = 60_000
const hourMs = 60 * minuteMs

const once = <T extends { id: string }>(list: readonly T[]): T[] => [...new Map(list.map((x) => [x.id, x])).values()]

/**
 * SVC-5: the lead's counts of the local day `day`: the requests received that day, read by the `day` slices of
 * the UTC dates around it (the index is the UTC date of `receivedAt`) and kept by instant.
 */
export async function dailyCountsOn(records: ServiceRecords, day: LocalDate, zone: string): Promise<DailyCounts> {
  const requests = await onDays(records.requests, utcDaysCovering(daySpan(day, zone)))
  return dailyCounts(once(requests), day, zone)
}

export interface WeekFigures {
  report: WeeklyReport
  /** The week's seven local days, Monday first, each with its counts (the chart of requests received). */
  days: Array<{ day: LocalDate; counts: DailyCounts }>
  /** How many requests were folded: the week's own, never the realm. */
  requestsRead: number
}

/** Requests read at once while gathering a week. */
const perBatch = 16

/**
 * SVC-5: the weekly satisfaction report of the week starting Monday `weekStart`, from the records that can touch
 * it, each read by `day` slice: the requests received in the week or in the hour before it (a complaint received
 * Sunday 23:30 of the week before is due in this one), the jobs finished in it or in the 72 hours before it (their
 * return visits fall due in it), and the calls made in it. Then each of those requests' events by `parent`, so
 * each is folded whole, as request-state.ts does (`weeklyReport` keeps what belongs to the week).
 */
export async function weekFigures(records: ServiceRecords, weekStart: LocalDate, zone: string, now: number): Promise<WeekFigures> {
  const span = weekSpan(weekStart, zone)
  const received = { start: span.start - complaintDispatchMinutes * minuteMs, end: span.end }
  const finished = { start: span.start - returnVisitHours * hourMs, end: span.end }
  const within = (at: number, s: { start: number; end: number }) => at >= s.start && at < s.end
  const [requests, completions, contacts] = await Promise.all([
    onDays(records.requests, utcDaysCovering(received)),
    onDays(records.completions, utcDaysCovering(finished)),
    onDays(records.contacts, utcDaysCovering(span)),
  ])
  const known = new Map(once(requests).filter((r) => within(r.record.receivedAt, received)).map((r) => [r.id, r.record]))
  const ids = new Set([
    ...known.keys(),
    ...completions.filter((c) => within(c.record.finishedAt, finished)).map((c) => c.record.requestId),
    ...contacts.filter((c) => within(c.record.at, span)).map((c) => c.record.requestId),
  ])

  const folded: WithId<ServiceRequest>[] = []
  const events: ServiceEvents = { dispatches: [], completions: [], contacts: [], closes: [], reopens: [] }
  const list = [...ids]
  for (let i = 0; i < list.length; i += perBatch) {
    const batch = await Promise.all(
      list.slice(i, i + perBatch).map(async (id) => {
        const request = known.get(id) ?? (await records.requests.get(id))
        return request ? { id, request, events: await eventsOf(records, id) } : undefined
      }),
    )
    for (const one of batch) {
      if (!one) continue
      folded.push({ id: one.id, record: one.request })
      for (const key of Object.keys(events) as (keyof ServiceEvents)[]) (events[key] as unknown[]).push(...one.events[key])
    }
  }
  const report = weeklyReport({ requests: folded, events, now }, weekStart, zone)
  const days = Array.from({ length: 7 }, (_, i) => addDaysTo(weekStart, i)).map((day) => ({ day, counts: dailyCounts(folded, day, zone) }))
  return { report, days, requestsRead: folded.length }
}
