import type { AccountStanding } from '@/core/access/tech-realms'
import { addDaysTo, instantOf } from '@/core/shared/local-date'
import type { ServiceRequest } from '@/core/service/types'
import type { LocalDate } from '@/core/shared/units'
import { boardOf, type BoardColumn, type WorkOnPhone } from './queue-view'
import { getRequest, openWork, skipWithoutKey, type ServiceContext } from './service-actions'
import { requestIdOfJob } from './service-ids'

/** The UTC dates (the `day` index) that the instants from `start` to before `end` fall on. */
export const utcDaysOf = (start: number, end: number): string[] => {
  const days: string[] = []
  for (let at = start - (start % 86_400_000); at < end; at += 86_400_000) days.push(new Date(at).toISOString().slice(0, 10))
  return days
}

/** What the technicians' phones have recorded of their jobs (started, finished), from the realms this device holds. */
export async function workOnPhones(ctx: ServiceContext, technicianIds: readonly string[]): Promise<WorkOnPhone[]> {
  const work: WorkOnPhone[] = []
  for (const technicianId of technicianIds) {
    const jobs = ctx.jobs(technicianId)
    for (const w of await jobs.work.list().catch(skipWithoutKey)) {
      const requestId = requestIdOfJob(w.record.jobId) ?? (await jobs.jobs.get(w.record.jobId))?.requestId
      if (!requestId) continue
      const { startedAt, finishedAt } = w.record
      work.push({ requestId, technicianId, ...(startedAt !== undefined ? { startedAt } : {}), ...(finishedAt !== undefined ? { finishedAt } : {}) })
    }
  }
  return work
}

/**
 * SVC-2: the day board of local day `day` in `zone`: the open work, the completions finished that day (the `day`
 * slices of the UTC dates it touches, filtered by instant) and what the phones recorded. Also gives the requests shown.
 */
export async function readBoard(
  ctx: ServiceContext,
  input: { day: LocalDate; zone: string; technicians: readonly AccountStanding[]; heldTechnicianIds: readonly string[] },
): Promise<{ board: BoardColumn[]; requests: Map<string, ServiceRequest> }> {
  const start = instantOf(input.day, '00:00', input.zone)
  const end = instantOf(addDaysTo(input.day, 1), '00:00', input.zone)
  const [open, slices, work] = await Promise.all([
    openWork(ctx),
    Promise.all(utcDaysOf(start, end).map((d) => ctx.records.completions.onDay(d))),
    workOnPhones(ctx, input.heldTechnicianIds),
  ])
  const finishedToday = slices.flat().filter((c) => c.record.finishedAt >= start && c.record.finishedAt < end)
  const requests = new Map(open.map((f) => [f.id, f.request]))
  for (const c of finishedToday) {
    if (requests.has(c.record.requestId)) continue
    const r = await getRequest(ctx, c.record.requestId)
    if (r) requests.set(c.record.requestId, r)
  }
  return { board: boardOf({ technicians: input.technicians, open, work, finishedToday, requests, day: { start, end } }), requests }
}
