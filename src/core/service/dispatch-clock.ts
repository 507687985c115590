/**
 * SVC-2: a complaint must be dispatched within 60 minutes of being received. The clock is elapsed time: 60 minutes
 * across midnight, a weekend or a daylight-saving change is still 60 minutes of real time, so no zone is needed.
 */
import type { RequestState } from './request-state'
import type { ServiceDispatch, ServiceRequest, WithId } from './types'

/** SVC-2: the minutes a complaint may wait for dispatch. */
export const complaintDispatchMinutes = 60
const minuteMs = 60_000

/** SVC-2: when a complaint must be dispatched by (inclusive: dispatched at the deadline is on time); null for anything else. */
export function dispatchDeadline(request: ServiceRequest): number | null {
  return request.complaint ? request.receivedAt + complaintDispatchMinutes * minuteMs : null
}

/**
 * Where a request stands against its dispatch clock. Waiting complaints count whole minutes: `minutesLeft` rounds
 * down (at 10:59:59 for a call at 10:00:00, 0 left) and `minutesOver` up (at 11:00:01, 1 over: the 61st minute), so
 * the queue never shows "0 over" for an overdue one. A request that is not a complaint has no clock (`deadline: null`).
 */
export type DispatchStanding =
  | { status: 'waiting'; deadline: null }
  | { status: 'waiting'; deadline: number; overdue: false; minutesLeft: number }
  | { status: 'waiting'; deadline: number; overdue: true; minutesOver: number }
  | { status: 'dispatched'; at: number; deadline: null }
  | { status: 'dispatched'; at: number; deadline: number; late: boolean }

/**
 * SVC-2: the standing of `request` given when it was first dispatched (undefined: not yet) and `now`. Overdue only
 * after the deadline: received 10:00:00, it is on time at 10:59:59 and at 11:00:00 (the 60th minute), overdue at
 * 11:00:01 (the 61st). The clock measures the first dispatch: a reassignment or a reopened request's new dispatch does
 * not restart it (the 60 minutes run from the customer's call, once).
 */
export function dispatchStandingOf(request: ServiceRequest, firstDispatchAt: number | undefined, now: number): DispatchStanding {
  const deadline = dispatchDeadline(request)
  if (firstDispatchAt !== undefined)
    return deadline === null ? { status: 'dispatched', at: firstDispatchAt, deadline } : { status: 'dispatched', at: firstDispatchAt, deadline, late: firstDispatchAt > deadline }
  if (deadline === null) return { status: 'waiting', deadline }
  const left = deadline - now
  return left >= 0
    ? { status: 'waiting', deadline, overdue: false, minutesLeft: Math.floor(left / minuteMs) }
    : { status: 'waiting', deadline, overdue: true, minutesOver: Math.ceil(-left / minuteMs) }
}

/** SVC-2: the standing of `request` from its dispatches (any order; other requests' are ignored) at `now`. */
export function dispatchStanding(request: WithId<ServiceRequest>, dispatches: readonly WithId<ServiceDispatch>[], now: number): DispatchStanding {
  let first: number | undefined
  for (const d of dispatches) if (d.record.requestId === request.id && (first === undefined || d.record.at < first)) first = d.record.at
  return dispatchStandingOf(request.record, first, now)
}

/** What the dispatch screen knows of the staff member chosen (their sign-in account). */
export interface TechnicianFacts {
  userId: string
  role: string
  status: 'active' | 'deactivated'
}

export type DispatchProblem = 'not-a-technician' | 'technician-departed' | 'request-closed' | 'request-done' | 'same-technician'

/**
 * SVC-2: why a request may not go to this technician now; empty when it may. Only an active technician takes jobs
 * (a departed one's phone would hold a customer's details: CONF-4). A finished job waits for its return visit and a
 * closed one is over: reopen it first (SVC-4). Dispatching to the technician who has it already changes nothing.
 */
export function checkDispatch(technician: TechnicianFacts, state: RequestState): DispatchProblem[] {
  const problems: DispatchProblem[] = []
  if (technician.role !== 'technician') problems.push('not-a-technician')
  if (technician.status !== 'active') problems.push('technician-departed')
  if (state.status === 'closed') problems.push('request-closed')
  if (state.status === 'done') problems.push('request-done')
  if (state.status === 'dispatched' && state.technicianId === technician.userId) problems.push('same-technician')
  return problems
}
