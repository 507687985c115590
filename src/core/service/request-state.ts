/**
 * SVC-2, SVC-4: where a request stands is the fold of its events, never a stored field, so a lead dispatching and a
 * technician finishing on two offline devices both keep their event and every device folds them alike.
 */
import type { ServiceClose, ServiceCompletion, ServiceContact, ServiceDispatch, ServiceEvents, ServiceReopen, WithId } from './types'

/**
 * `waiting`: not dispatched yet; `dispatched`: a technician has the job; `done`: the job is finished and its return
 * visit is due (SVC-4); `closed`: the return visit ended (visited or unreachable); `reopened`: the problem was not
 * solved and the request waits for dispatch again.
 */
export type RequestStatus = 'waiting' | 'dispatched' | 'done' | 'closed' | 'reopened'

/** One go at the request: the first round starts when it is taken, each reopen starts the next. */
export interface RequestRound {
  /** 1, 2, …: the round's number. */
  n: number
  dispatches: WithId<ServiceDispatch>[]
  /** The job finished in this round: its return visit runs from `finishedAt` (SVC-4). */
  completion?: WithId<ServiceCompletion>
  /** The return-visit calls of this round, after its completion. */
  contacts: WithId<ServiceContact>[]
  close?: WithId<ServiceClose>
  /** The reopen that ended this round (the next round's reason). */
  reopen?: WithId<ServiceReopen>
}

export type ServiceEventKind = 'dispatch' | 'completion' | 'contact' | 'close' | 'reopen'

export interface RequestState {
  status: RequestStatus
  /** While dispatched: the technician who has the job (the latest dispatch: a reassignment replaces them). */
  technicianId?: string
  /** The current round's number. */
  round: number
  /** While reopened: why (the head's written feedback). */
  reopenReason?: string
  /** The first dispatch of the request: the one its complaint clock measures (dispatch-clock.ts). */
  firstDispatchAt?: number
  /** Every round, oldest first; the last is the current one. */
  rounds: RequestRound[]
  /**
   * Every event in fold order; `applied: false` for one the state at that point did not allow (a dispatch after the
   * job was done, a second completion in a round, a call before the job was finished, a close of a request that is not
   * done): it stays stored, as events are never deleted, and shows as the no-op it was.
   */
  history: Array<{ kind: ServiceEventKind; id: string; at: number; applied: boolean }>
}

/** Events are ordered by (at, id), so every device folds the same events to the same state. */
export function byAtThenId(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * At one instant, events fold in the order a request lives them: a reached call and the close it leads to are
 * written together (return-visit.ts `contactConsequence`), and by id alone `svc-close:…` would sort before
 * `svc-contact:…` and shut the round before its call was counted.
 */
const lifeOrder: Record<ServiceEventKind, number> = { dispatch: 0, completion: 1, contact: 2, close: 3, reopen: 4 }
const inFoldOrder = (a: Tagged, b: Tagged) => a.at - b.at || lifeOrder[a.kind] - lifeOrder[b.kind] || byAtThenId(a, b)

type Tagged =
  | { kind: 'dispatch'; id: string; at: number; e: WithId<ServiceDispatch> }
  | { kind: 'completion'; id: string; at: number; e: WithId<ServiceCompletion> }
  | { kind: 'contact'; id: string; at: number; e: WithId<ServiceContact> }
  | { kind: 'close'; id: string; at: number; e: WithId<ServiceClose> }
  | { kind: 'reopen'; id: string; at: number; e: WithId<ServiceReopen> }

/** The request's events, one list; a completion takes its place when the job finished, not when it was taken in. */
function tagged(requestId: string, events: Partial<ServiceEvents>): Tagged[] {
  const mine = <T extends { requestId: string }>(list: readonly WithId<T>[] | undefined) => (list ?? []).filter((e) => e.record.requestId === requestId)
  return [
    ...mine(events.dispatches).map((e) => ({ kind: 'dispatch' as const, id: e.id, at: e.record.at, e })),
    ...mine(events.completions).map((e) => ({ kind: 'completion' as const, id: e.id, at: e.record.finishedAt, e })),
    ...mine(events.contacts).map((e) => ({ kind: 'contact' as const, id: e.id, at: e.record.at, e })),
    ...mine(events.closes).map((e) => ({ kind: 'close' as const, id: e.id, at: e.record.at, e })),
    ...mine(events.reopens).map((e) => ({ kind: 'reopen' as const, id: e.id, at: e.record.at, e })),
  ].sort(inFoldOrder)
}

const newRound = (n: number): RequestRound => ({ n, dispatches: [], contacts: [] })

/** Apply one event to the state, or say it does not apply (the state is left as it was). */
function apply(state: RequestState, t: Tagged): boolean {
  const round = state.rounds[state.rounds.length - 1]!
  const open = state.status === 'waiting' || state.status === 'dispatched' || state.status === 'reopened'
  switch (t.kind) {
    case 'dispatch':
      if (!open) return false
      round.dispatches.push(t.e)
      state.status = 'dispatched'
      state.technicianId = t.e.record.technicianId
      state.firstDispatchAt ??= t.at
      delete state.reopenReason
      return true
    case 'completion':
      // Work can be finished before a dispatch reaches the phone (a lead's word on the phone): it still counts.
      if (!open) return false
      round.completion = t.e
      state.status = 'done'
      delete state.technicianId
      delete state.reopenReason
      return true
    case 'contact':
      if (state.status !== 'done' || t.at < round.completion!.record.finishedAt) return false
      round.contacts.push(t.e)
      return true
    case 'close':
      if (state.status !== 'done') return false
      round.close = t.e
      state.status = 'closed'
      return true
    case 'reopen':
      // From done as well: a customer who calls back before the return visit reopens it without one.
      if (state.status !== 'done' && state.status !== 'closed') return false
      round.reopen = t.e
      state.rounds.push(newRound(round.n + 1))
      state.round = round.n + 1
      state.status = 'reopened'
      state.reopenReason = t.e.record.reason
      return true
  }
}

/**
 * SVC-2, SVC-4: the state of request `requestId`, from its events folded in (at, kind, id) order: by time, events of
 * one instant in the order a request lives them, then by id (events of other requests are ignored, so a caller may
 * pass a whole realm's). A reopen starts a new round: the next completion needs its own
 * return visit. A contact made before its round's job finished is not applied (return-visit.ts refuses it at entry).
 */
export function requestState(requestId: string, events: Partial<ServiceEvents>): RequestState {
  const state: RequestState = { status: 'waiting', round: 1, rounds: [newRound(1)], history: [] }
  for (const t of tagged(requestId, events)) state.history.push({ kind: t.kind, id: t.id, at: t.at, applied: apply(state, t) })
  return state
}

/** The round the request is in now (a reopen starts a new one). */
export function currentRound(state: RequestState): RequestRound {
  return state.rounds[state.rounds.length - 1]!
}

/** Every request's state, by request id: the events are grouped once rather than scanned per request. */
export function requestStates(requestIds: readonly string[], events: Partial<ServiceEvents>): Map<string, RequestState> {
  const grouped = new Map<string, { [K in keyof ServiceEvents]: Array<ServiceEvents[K][number]> }>()
  const group = (id: string) => {
    let g = grouped.get(id)
    if (!g) grouped.set(id, (g = { dispatches: [], completions: [], contacts: [], closes: [], reopens: [] }))
    return g
  }
  for (const e of events.dispatches ?? []) group(e.record.requestId).dispatches.push(e)
  for (const e of events.completions ?? []) group(e.record.requestId).completions.push(e)
  for (const e of events.contacts ?? []) group(e.record.requestId).contacts.push(e)
  for (const e of events.closes ?? []) group(e.record.requestId).closes.push(e)
  for (const e of events.reopens ?? []) group(e.record.requestId).reopens.push(e)
  return new Map(requestIds.map((id) => [id, requestState(id, grouped.get(id) ?? {})]))
}
