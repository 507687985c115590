/**
 * Service requests, field work and return visits as runtime schemas (SVC-1 … SVC-5; issue 15): types.ts infers
 * each type from these, and the records kit checks every body it opens against them. Checks only, no transforms;
 * a body that fails is quarantined, so these hold the shape, and the entry checks (request-check.ts,
 * return-visit.ts, settings-check.ts) hold what a new entry must get right.
 *
 * Two realms (issue 15):
 * - `field`, shared by the office: the requests and everything kept about them. Events are append-only with random
 *   ids and folded in (at, id) order (request-state.ts), so two offline devices never overwrite each other.
 * - `tech:<userId>`, the technician's own: only what their open jobs need, deleted when a job is closed (SVC-3).
 *
 * Money is integer fen, dates the organisation's local dates, instants epoch ms. Every id is prefixed by its type
 * (`svc-request:<random>`).
 */
import * as v from 'valibot'
import { fenSchema, instantSchema, localDateSchema } from '@/core/shared/unit-schemas'

/** The record types of the `field` realm; the names are final (the access policy and the registry claim them). */
export const fieldTypes = {
  request: 'svc-request',
  dispatch: 'svc-dispatch',
  completion: 'svc-completion',
  photo: 'svc-photo',
  signature: 'svc-signature',
  contact: 'svc-contact',
  close: 'svc-close',
  reopen: 'svc-reopen',
  settings: 'svc-settings',
} as const

/** The record types of a technician's realm `tech:<userId>`. */
export const techTypes = {
  job: 'job',
  work: 'job-work',
  photo: 'job-photo',
  signature: 'job-signature',
} as const

/**
 * The types above that are events (append-only: access-policy.js `appendOnlyTypes`); the rest are mutable. Nothing in
 * a technician's realm is an event: all of a job is deleted there when it is closed (SVC-3, CONF-4).
 */
export const serviceEventTypes = [fieldTypes.dispatch, fieldTypes.contact, fieldTypes.close, fieldTypes.reopen] as const

/** The types only leads and managers write in `field` (access-policy.js `typeWriters`): dispatching is theirs. */
export const dispatchWriterTypes = [fieldTypes.dispatch] as const

/** SVC-1: paid (a), contract (b), free (c), internal (d). */
export const requestKinds = ['a', 'b', 'c', 'd'] as const
/** SVC-5 counts enquiries apart from requests for work. */
export const requestNatures = ['request', 'enquiry'] as const
/** SVC-4: how a return-visit call went. */
export const contactOutcomes = ['reached', 'no-answer', 'wrong-contact'] as const
/** SVC-4: how a return visit ended: the customer was reached, or could not be. */
export const closeOutcomes = ['visited', 'unreachable'] as const

/** A phone number or address as typed; a request may hold a number other than the directory's (a site contact). */
const text = v.string()

/** SVC-1, BB-3: a service request, taken by an agent, the front desk, a lead or a manager. Mutable. */
export const serviceRequestSchema = v.object({
  /** The directory's person (CUST-1). */
  customerId: v.string(),
  /** BB-3: the broadband account a fault report is about. */
  accountId: v.optional(v.string()),
  address: text,
  phone: text,
  product: text,
  model: text,
  spec: text,
  purchaseDate: v.optional(localDateSchema),
  purchasePlace: text,
  /** The fault, or what is needed. */
  fault: text,
  kind: v.picklist(requestKinds),
  nature: v.picklist(requestNatures),
  /** SVC-2: a complaint must be dispatched within 60 minutes of `receivedAt`. */
  complaint: v.boolean(),
  /** BB-3: a broadband fault report, the one request a subscriber in arrears may make. */
  faultReport: v.boolean(),
  receivedAt: instantSchema,
  /** The user id of who took it. */
  takenBy: v.string(),
  /** Issue 15 §6: the broadband desk's outage record (`bb-outage:…`) a fault report turned out to be part of. */
  outageId: v.optional(v.string()),
})

/** SVC-2: a dispatch to a technician; a reassignment is a later dispatch. Written by leads and managers. */
export const serviceDispatchSchema = v.object({
  requestId: v.string(),
  technicianId: v.string(),
  at: instantSchema,
  by: v.string(),
})

/** SVC-3: a part used on a job. */
export const partSchema = v.object({ name: v.string(), qty: v.number() })

/**
 * SVC-3: a finished job, copied from the technician's realm by a lead's or manager's device when it takes the job in.
 * Its place in a request's events is `finishedAt` (request-state.ts).
 */
export const serviceCompletionSchema = v.object({
  requestId: v.string(),
  technicianId: v.string(),
  startedAt: instantSchema,
  finishedAt: instantSchema,
  workDone: v.string(),
  parts: v.array(partSchema),
  minutes: v.number(),
  /** A paid job's (kind a) charge. */
  chargeFen: v.optional(fenSchema),
  /** The ids of its `svc-photo` pictures (`photoId`, not chunk ids). */
  photoIds: v.array(v.string()),
  signatureId: v.optional(v.string()),
})

/** Base64url without padding: what a chunk of photo bytes is stored as. */
const base64url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/))
const imageMime = v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]+$/))
const chunkIndex = v.pipe(v.number(), v.safeInteger(), v.minValue(0))
const chunkCount = v.pipe(v.number(), v.safeInteger(), v.minValue(1))

/** One chunk of a photo's bytes (job-photo.ts `chunksOf`): chunk `index` of `count`. */
const photoChunkEntries = { photoId: v.string(), index: chunkIndex, count: chunkCount, mime: imageMime, data: base64url }

/**
 * SVC-3: a point of a signature stroke as the pad records it: x and y in CSS px of the pad (origin top left), t in
 * ms since the signature's first touch (how it was written, not only its shape). A tuple: a signature is a few
 * hundred points, and `[12.3,45.6,812]` is half the bytes of the same point with its keys.
 */
export const signaturePointSchema = v.tuple([v.number(), v.number(), v.number()])
export const signatureStrokeSchema = v.array(signaturePointSchema)

/** A signature is its strokes or a PNG of them (base64url), signed on a pad `width` × `height` CSS px. */
const signatureEntries = {
  signerName: v.string(),
  strokes: v.optional(v.array(signatureStrokeSchema)),
  png: v.optional(base64url),
  width: v.number(),
  height: v.number(),
  signedAt: instantSchema,
}

/** SVC-3: a photo chunk, copied with its completion (mutable: two devices taking a job in write the same ids). */
export const servicePhotoSchema = v.object({ requestId: v.string(), ...photoChunkEntries })

/** SVC-3: the customer's signature on the voucher, copied with its completion (mutable, as the photo). */
export const serviceSignatureSchema = v.pipe(v.object({ requestId: v.string(), ...signatureEntries }), v.check((s) => s.strokes !== undefined || s.png !== undefined))

/** SVC-4: one return-visit call. `satisfaction` (1 … 5) and `resolved` are asked when the customer was reached. Event. */
export const serviceContactSchema = v.object({
  requestId: v.string(),
  at: instantSchema,
  by: v.string(),
  outcome: v.picklist(contactOutcomes),
  satisfaction: v.optional(v.number()),
  resolved: v.optional(v.boolean()),
  note: v.optional(v.string()),
})

/** SVC-4: the end of a return visit. Event. */
export const serviceCloseSchema = v.object({
  requestId: v.string(),
  at: instantSchema,
  by: v.string(),
  outcome: v.picklist(closeOutcomes),
})

/** SVC-4: the problem is not solved: the request goes back to dispatch. Also the head's written feedback. Event. */
export const serviceReopenSchema = v.object({
  requestId: v.string(),
  at: instantSchema,
  by: v.string(),
  reason: v.string(),
})

/** SVC-4: the organisation's singleton (`svc-settings:org`), a manager's. Checked by settings-check.ts before saving. */
export const serviceSettingsSchema = v.object({
  /** Failed attempts (no answer) after which a return visit may close as unreachable: 3 … 5. */
  unreachableAttempts: v.number(),
})

/** SVC-3: a dispatched job in the technician's realm: what the work needs and no more. Deleted when closed. */
export const jobSchema = v.object({
  requestId: v.string(),
  customerName: v.string(),
  phone: v.string(),
  address: v.string(),
  product: v.string(),
  model: v.string(),
  spec: v.string(),
  fault: v.string(),
  kind: v.picklist(requestKinds),
  complaint: v.boolean(),
  dispatchedAt: instantSchema,
})

/** SVC-3: the technician's record of a job's work, edited on the phone until they finish. */
export const jobWorkSchema = v.object({
  jobId: v.string(),
  startedAt: v.optional(instantSchema),
  finishedAt: v.optional(instantSchema),
  workDone: v.string(),
  parts: v.array(partSchema),
  minutes: v.number(),
  chargeFen: v.optional(fenSchema),
})

/** SVC-3: a chunk of a photo taken on the job. Deleted with its job once taken in. */
export const jobPhotoSchema = v.object({ jobId: v.string(), ...photoChunkEntries })

/** SVC-3: the customer's signature taken on the job. Deleted with its job once taken in. */
export const jobSignatureSchema = v.pipe(v.object({ jobId: v.string(), ...signatureEntries }), v.check((s) => s.strokes !== undefined || s.png !== undefined))
