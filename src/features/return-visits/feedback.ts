import { maskName } from '@/core/access/masking'
import type { RequestStatus } from '@/core/service/request-state'
import { addDaysTo, instantOf, localDateOf } from '@/core/shared/local-date'
import { requestWithState } from './open-work'
import type { FollowupContext } from './return-visit-actions'
import { onDays, utcDaysCovering } from './utc-days'

/** SVC-4: a reopen, as the department head reads it: the written feedback on an unresolved problem. */
export interface FeedbackRow {
  id: string
  requestId: string
  at: number
  by: string
  reason: string
  product: string
  model: string
  /** The customer, masked (CONF-4). */
  name: string
  complaint: boolean
  /** Where the request stands now: back in the dispatch queue, with a technician again, or done once more. */
  status: RequestStatus
}

/** How far back the feedback list reads: a month of reopens (a `day` slice each), never the realm. */
export const feedbackDays = 30

/**
 * SVC-4: the reopens written in the last `days` local days (the organisation's zone), newest first, each with the
 * request it reopened and where that stands now. Read by the `day` slices covering the span, kept by instant.
 */
export async function feedbackSince(ctx: Pick<FollowupContext, 'records' | 'people' | 'now'>, zone: string, days = feedbackDays): Promise<FeedbackRow[]> {
  const start = instantOf(addDaysTo(localDateOf(ctx.now, zone), 1 - days), '00:00', zone)
  const read = await onDays(ctx.records.reopens, utcDaysCovering({ start, end: ctx.now + 1 }))
  const reopens = [...new Map(read.filter((r) => r.record.at >= start).map((r) => [r.id, r])).values()]
  const rows = await Promise.all(
    reopens.map(async ({ id, record }): Promise<FeedbackRow | undefined> => {
      const found = await requestWithState(ctx.records, record.requestId)
      if (!found) return undefined
      const person = await ctx.people.get(found.request.customerId).catch(() => undefined)
      const r = found.request
      return { id, requestId: record.requestId, at: record.at, by: record.by, reason: record.reason, product: r.product, model: r.model, name: maskName(person?.name ?? ''), complaint: r.complaint, status: found.state.status }
    }),
  )
  return rows.filter((r): r is FeedbackRow => r !== undefined).sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1))
}
