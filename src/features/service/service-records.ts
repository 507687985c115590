import * as v from 'valibot'
import * as schemas from '@/core/service/schemas'
import { defineEvents, defineMutable, definePersonalMutable, defineSingleton, eventRecords, mutableRecords, singletonRecord, writeSealed, type SealedBatch } from '@/storage/records'
import type { RepoContext } from '@/storage/sealed-repo'

/** A request is open from when it is taken until its return visit closes it (and again when it is reopened). */
const openMarkerSchema = v.object({ requestId: v.string() })
export type OpenMarker = v.InferOutput<typeof openMarkerSchema>

// Issue 15's record types. The office's (`field` realm: agents, the front desk, leads and managers hold it) are read
// by slices, never the whole realm (docs/architecture.md "Reading a slice"):
// - a request's events by `parent` (its request id);
// - the open work by `svc-open` markers, one per open request, deleted when it closes: the dispatch queue, the day
//   board and the return visits read those and the requests they name, a few hundred at most, not years of requests;
// - a period (SVC-5 reports) by `day`: the UTC date of the record's instant (`receivedAt`, `finishedAt`, `at`), so the
//   index needs no time zone; a local day or week is at most one UTC day wider on each side, filtered by instant.
const field = { realm: 'field', version: 1 } as const
const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10)
const kinds = {
  request: defineMutable({ ...field, type: schemas.fieldTypes.request, schema: schemas.serviceRequestSchema, indexes: (r) => ({ parent: r.customerId, day: utcDay(r.receivedAt) }) }),
  open: defineMutable({ ...field, type: 'svc-open', schema: openMarkerSchema }),
  dispatch: defineEvents({ ...field, type: schemas.fieldTypes.dispatch, schema: schemas.serviceDispatchSchema, indexes: (d) => ({ parent: d.requestId, day: utcDay(d.at) }) }),
  completion: defineMutable({ ...field, type: schemas.fieldTypes.completion, schema: schemas.serviceCompletionSchema, indexes: (c) => ({ parent: c.requestId, day: utcDay(c.finishedAt) }) }),
  photo: defineMutable({ ...field, type: schemas.fieldTypes.photo, schema: schemas.servicePhotoSchema, indexes: (p) => ({ parent: p.photoId }) }),
  signature: defineMutable({ ...field, type: schemas.fieldTypes.signature, schema: schemas.serviceSignatureSchema, indexes: (s) => ({ parent: s.requestId }) }),
  contact: defineEvents({ ...field, type: schemas.fieldTypes.contact, schema: schemas.serviceContactSchema, indexes: (c) => ({ parent: c.requestId, day: utcDay(c.at) }) }),
  close: defineEvents({ ...field, type: schemas.fieldTypes.close, schema: schemas.serviceCloseSchema, indexes: (c) => ({ parent: c.requestId, day: utcDay(c.at) }) }),
  reopen: defineEvents({ ...field, type: schemas.fieldTypes.reopen, schema: schemas.serviceReopenSchema, indexes: (r) => ({ parent: r.requestId, day: utcDay(r.at) }) }),
  settings: defineSingleton({ ...field, type: schemas.fieldTypes.settings, schema: schemas.serviceSettingsSchema }),
}

// A technician's own realm (`tech:<userId>`): only their open jobs, each deleted there once it is taken in and closed.
const tech = { personal: 'tech', version: 1 } as const
const techKinds = {
  job: definePersonalMutable({ ...tech, type: schemas.techTypes.job, schema: schemas.jobSchema }),
  work: definePersonalMutable({ ...tech, type: schemas.techTypes.work, schema: schemas.jobWorkSchema, indexes: (w) => ({ parent: w.jobId }) }),
  photo: definePersonalMutable({ ...tech, type: schemas.techTypes.photo, schema: schemas.jobPhotoSchema, indexes: (p) => ({ parent: p.jobId }) }),
  signature: definePersonalMutable({ ...tech, type: schemas.techTypes.signature, schema: schemas.jobSignatureSchema, indexes: (s) => ({ parent: s.jobId }) }),
}

/** Everything the office keeps about service requests (SVC-1 … SVC-5), sealed in the `field` realm. */
export function createServiceRecords(ctx: RepoContext) {
  return {
    requests: mutableRecords(ctx, kinds.request),
    /** Open work: one marker per open request, under `svc-open:<request id without its prefix>`. */
    open: mutableRecords(ctx, kinds.open),
    dispatches: eventRecords(ctx, kinds.dispatch),
    // Taken in from a technician's realm under ids made from the job's: mutable, so two devices doing it converge.
    completions: mutableRecords(ctx, kinds.completion),
    photos: mutableRecords(ctx, kinds.photo),
    signatures: mutableRecords(ctx, kinds.signature),
    contacts: eventRecords(ctx, kinds.contact),
    closes: eventRecords(ctx, kinds.close),
    reopens: eventRecords(ctx, kinds.reopen),
    settings: singletonRecord(ctx, kinds.settings),
    /** Records of several types sealed with `sealMany`, written with their audit entries in one transaction. */
    writeTogether: (batches: readonly SealedBatch[]) => writeSealed(ctx, batches),
  }
}

export type ServiceRecords = ReturnType<typeof createServiceRecords>

/** One technician's jobs, in their own realm: written by leads and managers at dispatch, by the technician on the job. */
export function createJobRecords(ctx: RepoContext, technicianId: string) {
  return {
    realm: `tech:${technicianId}`,
    jobs: mutableRecords(ctx, techKinds.job(technicianId)),
    work: mutableRecords(ctx, techKinds.work(technicianId)),
    photos: mutableRecords(ctx, techKinds.photo(technicianId)),
    signatures: mutableRecords(ctx, techKinds.signature(technicianId)),
    writeTogether: (batches: readonly SealedBatch[]) => writeSealed(ctx, batches),
  }
}

export type JobRecords = ReturnType<typeof createJobRecords>
