import { jobsOfDepartedTechnicians, type AccountStanding } from '@/core/access/tech-realms'
import { dispatchStandingOf, type DispatchStanding } from '@/core/service/dispatch-clock'
import type { RequestStatus } from '@/core/service/request-state'
import type { ServiceCompletion, ServiceRequest, WithId } from '@/core/service/types'
import type { FoldedRequest } from './service-actions'

/** One request on the dispatch queue. */
export interface QueueRow {
  id: string
  request: ServiceRequest
  status: Extract<RequestStatus, 'waiting' | 'reopened' | 'dispatched'>
  /** SVC-2: the 60-minute clock of a complaint (time left, overdue; once dispatched, on time or late). */
  standing: DispatchStanding
  /** While dispatched: who has the job. */
  technicianId?: string
  /** When it was last dispatched (a reassignment's time). */
  dispatchedAt?: number
  /** While reopened: why (the head's written feedback). */
  reopenReason?: string
}

export interface QueueView {
  /** Issue 15 §3: open jobs of technicians who left: their lead reassigns them first. */
  toReassign: QueueRow[]
  /** Waiting for a technician (new or reopened): overdue complaints first, then complaints by deadline, then by arrival. */
  waiting: QueueRow[]
  /** With a technician now, latest dispatch first. */
  dispatched: QueueRow[]
}

const rank = (row: QueueRow): [number, number] => {
  const s = row.standing
  if (s.status === 'waiting' && s.deadline !== null) return [s.overdue ? 0 : 1, s.deadline]
  return [2, row.request.receivedAt]
}

/**
 * SVC-2: the dispatch queue at `now` from the open work (requests with an `svc-open` marker, folded): waiting and
 * reopened requests to dispatch, those a technician has, and, at the top, the jobs of technicians who left
 * (`jobsOfDepartedTechnicians`). Done and closed requests belong to the return visits, not here.
 */
export function queueOf(open: readonly FoldedRequest[], accounts: readonly AccountStanding[], now: number): QueueView {
  const rows: QueueRow[] = []
  for (const { id, request, state } of open) {
    if (state.status !== 'waiting' && state.status !== 'reopened' && state.status !== 'dispatched') continue
    const dispatches = state.rounds[state.rounds.length - 1]!.dispatches
    const last = dispatches[dispatches.length - 1]
    rows.push({
      id,
      request,
      status: state.status,
      standing: dispatchStandingOf(request, state.firstDispatchAt, now),
      ...(state.technicianId ? { technicianId: state.technicianId } : {}),
      ...(state.status === 'dispatched' && last ? { dispatchedAt: last.record.at } : {}),
      ...(state.reopenReason ? { reopenReason: state.reopenReason } : {}),
    })
  }
  const dispatched = rows.filter((r) => r.status === 'dispatched')
  const toReassign = jobsOfDepartedTechnicians(dispatched, accounts)
  const waiting = rows
    .filter((r) => r.status !== 'dispatched')
    .sort((a, b) => {
      const [ra, ka] = rank(a)
      const [rb, kb] = rank(b)
      return ra - rb || ka - kb || (a.id < b.id ? -1 : 1)
    })
  return {
    toReassign,
    waiting,
    dispatched: dispatched.filter((r) => !toReassign.includes(r)).sort((a, b) => (b.dispatchedAt ?? 0) - (a.dispatchedAt ?? 0) || (a.id < b.id ? -1 : 1)),
  }
}

/** How a technician's job stands on the day board. */
export type BoardJobState = 'dispatched' | 'started' | 'finished'

export interface BoardJob {
  requestId: string
  request: ServiceRequest
  state: BoardJobState
  /** Dispatched at, started at or finished at, by `state`. */
  at: number
  /** Finished on the phone, not yet taken in by the office (its photos or signature still on their way). */
  waitingToBeTakenIn?: boolean
}

export interface BoardColumn {
  technicianId: string
  departed: boolean
  jobs: BoardJob[]
}

/** What the technicians' realms say of a job in progress: when it started and finished on the phone. */
export interface WorkOnPhone {
  requestId: string
  technicianId: string
  startedAt?: number
  finishedAt?: number
}

/**
 * SVC-2: the day board: per technician, the jobs they have now (dispatched, started on the phone) and those finished
 * today (the office's completions of the local day, and work finished on the phone not yet taken in). Active
 * technicians each get a column, jobs or none; one who left only while jobs of theirs are open.
 */
export function boardOf(input: {
  technicians: readonly AccountStanding[]
  open: readonly FoldedRequest[]
  work: readonly WorkOnPhone[]
  /** The completions whose `finishedAt` falls on the day (read by `day` slice, filtered by instant). */
  finishedToday: readonly WithId<ServiceCompletion>[]
  requests: ReadonlyMap<string, ServiceRequest>
  day: { start: number; end: number }
}): BoardColumn[] {
  const columns = new Map<string, BoardColumn>()
  for (const t of input.technicians) if (t.role === 'technician' && t.status === 'active') columns.set(t.userId, { technicianId: t.userId, departed: false, jobs: [] })
  const column = (technicianId: string) =>
    columns.get(technicianId) ?? columns.set(technicianId, { technicianId, departed: true, jobs: [] }).get(technicianId)!
  const workOf = new Map(input.work.map((w) => [`${w.technicianId}|${w.requestId}`, w]))
  const seen = new Set<string>()
  for (const { id, request, state } of input.open) {
    if (state.status !== 'dispatched' || !state.technicianId) continue
    const w = workOf.get(`${state.technicianId}|${id}`)
    const dispatches = state.rounds[state.rounds.length - 1]!.dispatches
    const at = dispatches[dispatches.length - 1]?.record.at ?? 0
    seen.add(`${state.technicianId}|${id}`)
    if (w?.finishedAt !== undefined) column(state.technicianId).jobs.push({ requestId: id, request, state: 'finished', at: w.finishedAt, waitingToBeTakenIn: true })
    else if (w?.startedAt !== undefined) column(state.technicianId).jobs.push({ requestId: id, request, state: 'started', at: w.startedAt })
    else column(state.technicianId).jobs.push({ requestId: id, request, state: 'dispatched', at })
  }
  for (const c of input.finishedToday) {
    const { requestId, technicianId, finishedAt } = c.record
    const request = input.requests.get(requestId)
    if (!request || finishedAt < input.day.start || finishedAt >= input.day.end || seen.has(`${technicianId}|${requestId}`)) continue
    seen.add(`${technicianId}|${requestId}`)
    column(technicianId).jobs.push({ requestId, request, state: 'finished', at: finishedAt })
  }
  const order: Record<BoardJobState, number> = { started: 0, dispatched: 1, finished: 2 }
  for (const c of columns.values()) c.jobs.sort((a, b) => order[a.state] - order[b.state] || a.at - b.at)
  return [...columns.values()].filter((c) => !c.departed || c.jobs.length)
}
