/** The service desk's data (SVC-1 … SVC-5), each type inferred from its schema so the two cannot drift. */
import type * as v from 'valibot'
import type * as schemas from './schemas'

export type RequestKind = (typeof schemas.requestKinds)[number]
export type RequestNature = (typeof schemas.requestNatures)[number]
export type ContactOutcome = (typeof schemas.contactOutcomes)[number]
export type CloseOutcome = (typeof schemas.closeOutcomes)[number]

export type ServiceRequest = v.InferOutput<typeof schemas.serviceRequestSchema>
export type ServiceDispatch = v.InferOutput<typeof schemas.serviceDispatchSchema>
export type Part = v.InferOutput<typeof schemas.partSchema>
export type ServiceCompletion = v.InferOutput<typeof schemas.serviceCompletionSchema>
export type ServicePhoto = v.InferOutput<typeof schemas.servicePhotoSchema>
export type SignaturePoint = v.InferOutput<typeof schemas.signaturePointSchema>
export type SignatureStroke = v.InferOutput<typeof schemas.signatureStrokeSchema>
export type ServiceSignature = v.InferOutput<typeof schemas.serviceSignatureSchema>
export type ServiceContact = v.InferOutput<typeof schemas.serviceContactSchema>
export type ServiceClose = v.InferOutput<typeof schemas.serviceCloseSchema>
export type ServiceReopen = v.InferOutput<typeof schemas.serviceReopenSchema>
export type ServiceSettings = v.InferOutput<typeof schemas.serviceSettingsSchema>
export type Job = v.InferOutput<typeof schemas.jobSchema>
export type JobWork = v.InferOutput<typeof schemas.jobWorkSchema>
export type JobPhoto = v.InferOutput<typeof schemas.jobPhotoSchema>
export type JobSignature = v.InferOutput<typeof schemas.jobSignatureSchema>

/** A stored record with its id: events are ordered by `(at, id)`, so every device folds them alike. */
export interface WithId<T> {
  id: string
  record: T
}

/** A request's events, each kind as stored (any order; request-state.ts sorts them). */
export interface ServiceEvents {
  dispatches: readonly WithId<ServiceDispatch>[]
  completions: readonly WithId<ServiceCompletion>[]
  contacts: readonly WithId<ServiceContact>[]
  closes: readonly WithId<ServiceClose>[]
  reopens: readonly WithId<ServiceReopen>[]
}

/** A problem with one field of an entry, for the form to show beside it; the UI words the code. */
export interface FieldProblem<F extends string, C extends string> {
  field: F
  code: C
}

/** What an entry check gives: the value to save (trimmed), or every problem at once. */
export type Checked<T, P> = { ok: true; value: T } | { ok: false; problems: P[] }
