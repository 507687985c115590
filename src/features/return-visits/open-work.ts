import { requestState } from '@/core/service/request-state'
import type { ServiceRequest } from '@/core/service/types'
import { requestEvents, type FoldedRequest } from '@/features/service/service-actions'
import type { ServiceRecords } from '@/features/service/service-records'


/** One request's events, each kind read by its `parent` slice (the request's id): never the realm's. */
export const eventsOf = requestEvents

/** An open request, folded: what the return visits and the manager's day read. */
export type OpenRequest = FoldedRequest

/** Which open requests are worth folding: a request with no finished job is never due a return visit. */
export type FoldWhen = (request: ServiceRequest, finished: boolean) => boolean

/** Requests read at once: a few hundred open ones would otherwise queue thousands of IndexedDB requests together. */
const perBatch = 16

/**
 * The open requests (SVC-2, SVC-4): the `svc-open` markers (one per open request, a few hundred at most), the
 * requests they name, and, for those `fold` keeps, every event of the request by its `parent` slice. A request's
 * completions are read first: one whose job never finished is folded only when `fold` asks (complaints waiting
 * for dispatch), so the return visits cost one slice read per request still in the field.
 */
export async function openRequests(records: ServiceRecords, fold: FoldWhen): Promise<OpenRequest[]> {
  const markers = await records.open.list()
  const ids = [...new Set(markers.map((m) => m.record.requestId))]
  const out: OpenRequest[] = []
  for (let i = 0; i < ids.length; i += perBatch) {
    const batch = await Promise.all(ids.slice(i, i + perBatch).map((id) => readOne(records, id, fold)))
    for (const r of batch) if (r) out.push(r)
  }
  return out
}

async function readOne(records: ServiceRecords, id: string, fold: FoldWhen): Promise<OpenRequest | undefined> {
  const [request, completions] = await Promise.all([records.requests.get(id), records.completions.byParent(id)])
  if (!request || !fold(request, completions.length > 0)) return undefined
  const events = await eventsOf(records, id)
  return { id, request, events, state: requestState(id, events) }
}

/** A request and its state, read fresh (before a write: another device may have moved it on). */
export async function requestWithState(records: ServiceRecords, requestId: string): Promise<OpenRequest | undefined> {
  const request = await records.requests.get(requestId)
  if (!request) return undefined
  const events = await eventsOf(records, requestId)
  return { id: requestId, request, events, state: requestState(requestId, events) }
}
