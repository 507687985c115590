import { checkDispatch, type DispatchProblem, type TechnicianFacts } from '@/core/service/dispatch-clock'
import { requestState, type RequestState } from '@/core/service/request-state'
import type { Job, ServiceEvents, ServiceRequest } from '@/core/service/types'
import { randomId } from '@/crypto/bytes'
import { isCryptoError } from '@/crypto/errors'
import type { AuditEvent } from '@/storage/audit-events'
import { MissingRealmKeyError } from '@/storage/key-source'
import { createJobRecords, type JobRecords, type ServiceRecords } from './service-records'
import { jobIdFor, openMarkerId } from './service-ids'
import type { ServiceAuditAction } from './service.audit'

/**
 * The service office's reads and writes (SVC-1, SVC-2): plain async functions over its records, storage guarantees
 * only; the rules (request-check.ts, dispatch-clock.ts, request-state.ts) are the core's. Every write is audited with a
 * `service.*` action whose detail holds ids, kinds and counts, never a customer's data (CONF-6).
 */
export interface ServiceContext {
  records: ServiceRecords
  /** One technician's realm `tech:<id>` (their jobs, work, photos and signature). */
  jobs: (technicianId: string) => JobRecords
  audit: { append: (event: Pick<AuditEvent, 'by' | 'recordId' | 'recordType' | 'detail'> & { action: ServiceAuditAction }) => Promise<unknown> }
  /** Who acts: the audit entry's author, the dispatch's `by`. */
  userId: string
}

/** A context over `records`, each technician's job records made once. */
export function serviceContext(base: { records: ServiceRecords; recordContext: Parameters<typeof createJobRecords>[0]; audit: ServiceContext['audit']; userId: string }): ServiceContext {
  const made = new Map<string, JobRecords>()
  const jobs = (technicianId: string) => made.get(technicianId) ?? made.set(technicianId, createJobRecords(base.recordContext, technicianId)).get(technicianId)!
  return { records: base.records, jobs, audit: base.audit, userId: base.userId }
}

export const audit = (ctx: ServiceContext, action: ServiceAuditAction, recordType: string, recordId?: string, detail?: string) =>
  ctx.audit.append({ action, by: ctx.userId, recordType, ...(recordId ? { recordId } : {}), ...(detail ? { detail } : {}) })

// ——— Taking a request (SVC-1) ———

/**
 * SVC-1: writes a checked request (request-check.ts `checkRequest`) and its open-work marker in one transaction: a
 * request is never saved without the marker that puts it on the queue.
 */
export async function takeRequest(ctx: ServiceContext, request: ServiceRequest): Promise<string> {
  const id = `svc-request:${randomId()}`
  const requests = await ctx.records.requests.sealMany([{ record: request, id }])
  const marker = await ctx.records.open.sealMany([{ record: { requestId: id }, id: openMarkerId(id) }])
  await ctx.records.writeTogether([requests, marker])
  const detail = [request.nature, request.kind, request.complaint ? 'complaint' : '', request.faultReport ? 'fault-report' : ''].filter(Boolean).join(' ')
  await audit(ctx, 'service.request-take', 'svc-request', id, detail)
  return id
}

export const getRequest = (ctx: ServiceContext, id: string): Promise<ServiceRequest | undefined> => ctx.records.requests.get(id)

/** Issue 15 §6: the broadband outage a fault report turned out to be (the request is mutable: one field changes). */
export async function linkOutage(ctx: ServiceContext, requestId: string, outageId: string): Promise<void> {
  const request = await ctx.records.requests.get(requestId)
  if (!request) throw new Error(`no request ${requestId}`)
  await ctx.records.requests.put({ ...request, outageId }, requestId)
  await audit(ctx, 'service.outage-link', 'svc-request', requestId)
}

// ——— Reading requests (slices: a request's events by parent, the open work by marker) ———

/** A request's events, each kind read by its `parent` slice (the request id), opening only those. */
export async function requestEvents(r: ServiceRecords, requestId: string): Promise<ServiceEvents> {
  const [dispatches, completions, contacts, closes, reopens] = await Promise.all([
    r.dispatches.byParent(requestId),
    r.completions.byParent(requestId),
    r.contacts.byParent(requestId),
    r.closes.byParent(requestId),
    r.reopens.byParent(requestId),
  ])
  return { dispatches, completions, contacts, closes, reopens }
}

export const eventsOf = (ctx: ServiceContext, requestId: string): Promise<ServiceEvents> => requestEvents(ctx.records, requestId)

/** A request with its events and where it stands (the fold, never a stored field). */
export interface FoldedRequest {
  id: string
  request: ServiceRequest
  events: ServiceEvents
  state: RequestState
}

export async function foldedRequest(ctx: ServiceContext, id: string): Promise<FoldedRequest | undefined> {
  const [request, events] = await Promise.all([ctx.records.requests.get(id), eventsOf(ctx, id)])
  return request ? { id, request, events, state: requestState(id, events) } : undefined
}

/** Requests read at once: enough to keep IndexedDB busy, not so many that a few hundred flood it. */
const readGroup = 16

/**
 * The open work: every request that has an `svc-open` marker (taken, dispatched, done and waiting for its return
 * visit, or reopened), with its events, folded. A few hundred at most, never years of requests.
 */
export async function openWork(ctx: ServiceContext): Promise<FoldedRequest[]> {
  const ids = [...new Set((await ctx.records.open.list()).map((m) => m.record.requestId))]
  const out: FoldedRequest[] = []
  for (let i = 0; i < ids.length; i += readGroup) {
    for (const f of await Promise.all(ids.slice(i, i + readGroup).map((id) => foldedRequest(ctx, id)))) if (f) out.push(f)
  }
  return out
}

// ——— Dispatch (SVC-2) ———

/** Beyond the core's: no such request, no key of the technician's realm here yet, a finished job, BB-3 arrears (the store's check). */
export type DispatchRefusal = DispatchProblem | 'request-missing' | 'technician-realm-missing' | 'job-finished' | 'arrears'
export type DispatchResult = { ok: true; dispatchId: string; jobId: string; withdrawnFrom?: string } | { ok: false; problems: DispatchRefusal[] }

/** What a dispatch writes into the technician's realm: what the work needs and no more (SVC-3, CONF-4). */
export function jobOf(requestId: string, request: ServiceRequest, customerName: string, dispatchedAt: number): Job {
  const { phone, address, product, model, spec, fault, kind, complaint } = request
  return { requestId, customerName, phone, address, product, model, spec, fault, kind, complaint, dispatchedAt }
}

/** The technician's records of a request's job(s) in their realm: the job, its work, photos and signature. */
async function jobRecordsOf(jobs: JobRecords, requestId: string) {
  const mine = (await jobs.jobs.list()).filter((j) => j.record.requestId === requestId)
  return Promise.all(
    mine.map(async (job) => {
      const [work, photos, signatures] = await Promise.all([jobs.work.byParent(job.id), jobs.photos.byParent(job.id), jobs.signatures.byParent(job.id)])
      return { job, work, photos, signatures }
    }),
  )
}

/** Deletes a job and everything recorded on it from a technician's realm (the phone's next pull removes it there). */
export async function deleteJobRecords(jobs: JobRecords, job: { id: string; work: { id: string }[]; photos: { id: string }[]; signatures: { id: string }[] }): Promise<void> {
  for (const w of job.work) await jobs.work.remove(w.id)
  for (const p of job.photos) await jobs.photos.remove(p.id)
  for (const s of job.signatures) await jobs.signatures.remove(s.id)
  await jobs.jobs.remove(job.id)
}

/**
 * SVC-2: dispatches (or reassigns) request `requestId` to `technician`: the `svc-dispatch` event in the field realm and
 * the job in the technician's realm, in one transaction. Refused with `checkDispatch`'s problems (a departed
 * technician, a request done or closed, the same technician), `technician-realm-missing` while this device holds no
 * key of the technician's realm (their account is new and its grant has not arrived), and `job-finished` when the
 * technician who has it has finished it (it is taken in, not reassigned). A reassignment then deletes the job, and
 * anything recorded on it, from the previous technician's realm.
 */
export async function dispatchRequest(
  ctx: ServiceContext,
  input: { requestId: string; technician: TechnicianFacts; customerName: string; at: number; inArrears?: (customerId: string) => Promise<boolean> },
): Promise<DispatchResult> {
  const folded = await foldedRequest(ctx, input.requestId)
  if (!folded) return { ok: false, problems: ['request-missing'] }
  const problems: DispatchRefusal[] = checkDispatch(input.technician, folded.state)
  // BB-3: a request a front desk took for a subscriber in arrears (it cannot read their ledger) is not sent out; a fault
  // report is, and a request already out stays with whoever has it (a reassignment is no new request).
  if (folded.state.status === 'waiting' && !folded.request.faultReport && (await input.inArrears?.(folded.request.customerId))) problems.push('arrears')
  if (problems.length) return { ok: false, problems }
  const previous = folded.state.status === 'dispatched' ? folded.state.technicianId : undefined
  const withdrawn = previous ? await jobRecordsOf(ctx.jobs(previous), input.requestId).catch(skipWithoutKey) : []
  if (withdrawn.some((j) => j.work.some((w) => w.record.finishedAt !== undefined))) return { ok: false, problems: ['job-finished'] }

  const jobId = jobIdFor(input.requestId, folded.state.round, input.technician.userId)
  const jobs = ctx.jobs(input.technician.userId)
  let jobBatch
  try {
    jobBatch = await jobs.jobs.sealMany([{ record: jobOf(input.requestId, folded.request, input.customerName, input.at), id: jobId }])
  } catch (e) {
    if (e instanceof MissingRealmKeyError) return { ok: false, problems: ['technician-realm-missing'] }
    throw e
  }
  const dispatchBatch = await ctx.records.dispatches.sealMany([{ requestId: input.requestId, technicianId: input.technician.userId, at: input.at, by: ctx.userId }])
  await ctx.records.writeTogether([dispatchBatch, jobBatch])
  const dispatchId = dispatchBatch.changes[0]!.id
  await audit(ctx, 'service.dispatch', 'svc-dispatch', dispatchId, previous ? 'reassign' : 'first')
  if (!previous) return { ok: true, dispatchId, jobId }
  for (const job of withdrawn) {
    if (job.job.id === jobId) continue // dispatched back to a technician who still holds it: keep it
    await deleteJobRecords(ctx.jobs(previous), { id: job.job.id, work: job.work, photos: job.photos, signatures: job.signatures })
    await audit(ctx, 'service.job-withdraw', 'job', job.job.id)
  }
  return { ok: true, dispatchId, jobId, withdrawnFrom: previous }
}

/** A realm whose key this device does not hold has nothing here it can read or delete. */
export function skipWithoutKey(e: unknown): [] {
  if (e instanceof MissingRealmKeyError || isCryptoError(e)) return []
  throw e
}
