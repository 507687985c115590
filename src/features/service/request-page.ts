import { maskAddress, maskName, maskPhone } from '@/core/access/masking'
import type { Person } from '@/core/directory/person'
import { checkReassembly } from '@/core/service/job-photo'
import type { RequestState, ServiceEventKind } from '@/core/service/request-state'
import type { ServiceCompletion, ServiceRequest, ServiceSignature, WithId } from '@/core/service/types'
import type { Fen } from '@/core/shared/units'
import { concatBytes, fromBase64Url } from '@/crypto/bytes'
import type { FoldedRequest, ServiceContext } from './service-actions'

/** A photo of a finished job, put back together from its chunks (or why it cannot be yet). */
export type PhotoView = { photoId: string; ok: true; mime: string; bytes: Uint8Array } | { photoId: string; ok: false; problem: 'chunks-missing' | 'broken' }

/** One step of the request's history, with who did it. */
export interface HistoryLine {
  kind: ServiceEventKind
  id: string
  at: number
  /** Whether it changed the request (a dispatch after the job was done is kept and shown as the no-op it was). */
  applied: boolean
  /** The staff member: the dispatcher, the technician who finished, the caller, who closed or reopened. */
  by: string
  /** A dispatch's technician; a close's outcome; a reopen's reason. */
  detail?: string
}

/** A finished job as the office took it in: the work, its photos and the customer's signature. */
export interface CompletionView {
  id: string
  round: number
  completion: ServiceCompletion
  photos: PhotoView[]
  signature?: ServiceSignature & { src?: string }
}

/** A PNG stored as base64url, as an image address (the app's CSP allows `data:` images). */
export function pngSource(base64url: string): string {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/')
  return `data:image/png;base64,${base64}${'='.repeat((4 - (base64.length % 4)) % 4)}`
}

/** What the request page shows: the request (its customer masked, CONF-4), where it stands, its history and its work. */
export interface RequestPage {
  id: string
  request: ServiceRequest
  state: RequestState
  customer: { name: string; phone: string; address: string }
  /** Staff names by user id. */
  names: Record<string, string>
  /** A fault report's broadband account, where this user can read it. */
  account?: { id: string; accountNo: string }
  /** BB-3: what the subscriber owes, while a request not yet sent out waits and they are in arrears. */
  overdue?: Fen
  history: HistoryLine[]
  completions: CompletionView[]
}

/** SVC-3: a photo's bytes from its chunks in the field realm (by `parent`: the photo id; of this request only). */
export async function photoOf(ctx: ServiceContext, requestId: string, photoId: string): Promise<PhotoView> {
  const chunks = (await ctx.records.photos.byParent(photoId)).filter((c) => c.record.requestId === requestId).map((c) => ({ ...c.record }))
  const whole = checkReassembly(chunks)
  if (!whole.ok) return { photoId, ok: false, problem: whole.problem === 'chunks-missing' || whole.problem === 'no-chunks' ? 'chunks-missing' : 'broken' }
  try {
    return { photoId, ok: true, mime: whole.chunks[0]!.mime, bytes: concatBytes(...whole.chunks.map((c) => fromBase64Url(c.data))) }
  } catch {
    return { photoId, ok: false, problem: 'broken' }
  }
}

async function completionView(ctx: ServiceContext, round: number, c: WithId<ServiceCompletion>): Promise<CompletionView> {
  const [photos, signature] = await Promise.all([
    Promise.all(c.record.photoIds.map((p) => photoOf(ctx, c.record.requestId, p))),
    c.record.signatureId ? ctx.records.signatures.get(c.record.signatureId) : undefined,
  ])
  return { id: c.id, round, completion: c.record, photos, ...(signature ? { signature: { ...signature, ...(signature.png ? { src: pngSource(signature.png) } : {}) } } : {}) }
}

/** The request page's view of a folded request: every round's finished job with its photos and signature. */
export async function requestPage(
  ctx: ServiceContext,
  folded: FoldedRequest,
  extra: { person: Person | undefined; namesOf: (ids: readonly string[]) => Promise<Record<string, string>>; account?: { id: string; accountNo: string }; overdue?: Fen | undefined },
): Promise<RequestPage> {
  const { request, state, events } = folded
  const byId = new Map<string, { by: string; detail?: string }>()
  for (const d of events.dispatches) byId.set(d.id, { by: d.record.by, detail: d.record.technicianId })
  for (const c of events.completions) byId.set(c.id, { by: c.record.technicianId })
  for (const c of events.contacts) byId.set(c.id, { by: c.record.by, detail: c.record.outcome })
  for (const c of events.closes) byId.set(c.id, { by: c.record.by, detail: c.record.outcome })
  for (const r of events.reopens) byId.set(r.id, { by: r.record.by, detail: r.record.reason })
  const history = state.history.map((h) => ({ ...h, ...(byId.get(h.id) ?? { by: '' }) }))
  const staff = [request.takenBy, ...history.map((h) => h.by), ...events.dispatches.map((d) => d.record.technicianId)]
  const completions = await Promise.all(state.rounds.flatMap((r) => (r.completion ? [completionView(ctx, r.n, r.completion)] : [])))
  const person = extra.person
  return {
    id: folded.id,
    request,
    state,
    customer: {
      name: person ? maskName(person.name) : '',
      phone: maskPhone(request.phone),
      address: maskAddress(request.address),
    },
    names: await extra.namesOf(staff.filter(Boolean)),
    ...(extra.account ? { account: extra.account } : {}),
    ...(extra.overdue !== undefined ? { overdue: extra.overdue } : {}),
    history,
    completions,
  }
}
