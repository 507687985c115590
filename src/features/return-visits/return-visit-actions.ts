import { maskName, maskPhone } from '@/core/access/masking'
import type { Person } from '@/core/directory/person'
import { currentRound } from '@/core/service/request-state'
import {
  checkClose, checkContact, checkReopen, contactConsequence, failedAttempts, mayCloseUnreachable, returnVisitDeadline,
  type CloseProblem, type ContactProblem,
} from '@/core/service/return-visit'
import type { ContactOutcome, RequestKind, ServiceClose, ServiceReopen, ServiceSettings } from '@/core/service/types'
import type { SealedBatch } from '@/storage/records'
import type { ServiceRecords } from '@/features/service/service-records'
import { openMarkerId } from '@/features/service/service-ids'
import { openRequests, requestWithState, type OpenRequest } from './open-work'
import { serviceSettingsOf } from './service-settings'
import type { ReturnVisitsAuditAction } from './return-visits.audit'

/**
 * SVC-4, the return visits' reads and writes over the field realm: plain async functions with the clock and the
 * user passed in. Every write reads the request's events again first (another device may have called, closed or
 * reopened it meanwhile) and is audited with a `return-visits.*` action naming the request, never the customer.
 */
export interface FollowupContext {
  records: ServiceRecords
  /** The directory: the customer's name and number (CUST-1). */
  people: { get(id: string): Promise<Person | undefined> }
  audit: { append: (event: { action: ReturnVisitsAuditAction; by: string; recordId?: string; recordType?: string; detail?: string }) => Promise<unknown> }
  userId: string
  now: number
}

/** One call of a round, as the list shows it. */
export interface CallLine {
  id: string
  at: number
  by: string
  outcome: ContactOutcome
  satisfaction?: number
  resolved?: boolean
  note?: string
}

/** A request whose job is finished and whose return visit is open (status `done`). */
export interface ReturnVisitRow {
  requestId: string
  /** CONF-4: masked; the full name and number are shown on asking (`revealContact`), audited. */
  name: string
  phone: string
  /** The number on the request when it is not the directory's (a site contact), masked. */
  sitePhone?: string
  product: string
  model: string
  fault: string
  kind: RequestKind
  complaint: boolean
  round: number
  finishedAt: number
  technicianId: string
  /** SVC-4: 72 hours after the job finished. */
  deadline: number
  calls: CallLine[]
  /** Calls nobody answered in this round. */
  failed: number
  /** SVC-4: after the set attempts or a wrong contact, "close as unreachable" is offered. */
  mayCloseUnreachable: boolean
}

const request = (action: ReturnVisitsAuditAction, ctx: FollowupContext, requestId: string, detail?: string) =>
  ctx.audit.append({ action, by: ctx.userId, recordId: requestId, recordType: 'svc-request', ...(detail ? { detail } : {}) })

/** SVC-4: the open requests whose job is finished (status `done`): the return visits due. */
export async function dueReturnVisits(records: ServiceRecords): Promise<OpenRequest[]> {
  const open = await openRequests(records, (_request, finished) => finished)
  return open.filter((o) => o.state.status === 'done')
}

function rowOf(o: OpenRequest, person: Person | undefined, settings: ServiceSettings): ReturnVisitRow {
  const round = currentRound(o.state)
  const completion = round.completion!.record
  const directoryPhone = person?.phone ?? ''
  const r = o.request
  return {
    requestId: o.id,
    name: maskName(person?.name ?? ''),
    phone: maskPhone(directoryPhone || r.phone),
    ...(directoryPhone && r.phone && r.phone !== directoryPhone ? { sitePhone: maskPhone(r.phone) } : {}),
    product: r.product, model: r.model, fault: r.fault, kind: r.kind, complaint: r.complaint,
    round: round.n,
    finishedAt: completion.finishedAt,
    technicianId: completion.technicianId,
    deadline: returnVisitDeadline(completion),
    calls: round.contacts.map(({ id, record: c }) => ({ id, ...c })),
    failed: failedAttempts(round.contacts),
    mayCloseUnreachable: mayCloseUnreachable(round.contacts, settings),
  }
}

/** SVC-4: the return visits due, the soonest deadline first (the overdue ones lead). */
export async function returnVisitRows(ctx: Pick<FollowupContext, 'records' | 'people'>): Promise<ReturnVisitRow[]> {
  const [due, settings] = await Promise.all([dueReturnVisits(ctx.records), serviceSettingsOf(ctx.records)])
  const people = await Promise.all(due.map((o) => ctx.people.get(o.request.customerId).catch(() => undefined)))
  return due.map((o, i) => rowOf(o, people[i], settings)).sort((a, b) => a.deadline - b.deadline || (a.requestId < b.requestId ? -1 : 1))
}

/** The customer's name and numbers in full, to make the call (CONF-4): audited each time (CONF-6). */
export async function revealContact(ctx: FollowupContext, requestId: string): Promise<{ name: string; phone: string; sitePhone?: string } | undefined> {
  const r = await ctx.records.requests.get(requestId)
  if (!r) return undefined
  const person = await ctx.people.get(r.customerId)
  await request('return-visits.contact-shown', ctx, requestId)
  const phone = person?.phone || r.phone
  return { name: person?.name ?? '', phone, ...(r.phone && r.phone !== phone ? { sitePhone: r.phone } : {}) }
}

/** What the call form holds. */
export interface CallInput {
  requestId: string
  outcome: string
  satisfaction?: number
  resolved?: boolean
  note?: string
}

/** A reached customer whose problem is not solved reopens the request: the note is the head's written feedback. */
export type LogCallProblem = ContactProblem | { field: 'note'; code: 'feedback-required' } | { field: 'request'; code: 'unknown' }

export type LogCallResult = { ok: true; closed?: ServiceClose['outcome']; reopened: boolean } | { ok: false; problems: LogCallProblem[] }

/**
 * SVC-4: logs a call (`checkContact`: refused before the job finished, in words on the form). A reached customer
 * closes the return visit as visited; one whose problem is not solved also reopens the request, which goes back
 * to the dispatch queue and is the department head's written feedback (`contactConsequence`). The call, the close,
 * the reopen and the open-work marker (kept, or made again) are written in one transaction; a close that does
 * not reopen then deletes the marker.
 */
export async function logCall(ctx: FollowupContext, input: CallInput): Promise<LogCallResult> {
  const found = await requestWithState(ctx.records, input.requestId)
  if (!found) return { ok: false, problems: [{ field: 'request', code: 'unknown' }] }
  const checked = checkContact({ ...input, at: ctx.now, by: ctx.userId }, found.state)
  if (!checked.ok) return checked
  const contact = checked.value
  const then = contactConsequence(contact)
  const reason = contact.note ?? ''
  if (then?.reopen && checkReopen(reason, found.state).length) return { ok: false, problems: [{ field: 'note', code: 'feedback-required' }] }

  const base = { requestId: contact.requestId, at: contact.at, by: ctx.userId }
  const batches: Promise<SealedBatch>[] = [ctx.records.contacts.sealMany([contact])]
  if (then) batches.push(ctx.records.closes.sealMany([{ ...base, outcome: then.close }]))
  const markerId = openMarkerId(contact.requestId)
  if (then?.reopen) {
    const reopen: ServiceReopen = { ...base, reason }
    batches.push(ctx.records.reopens.sealMany([reopen]), ctx.records.open.sealMany([{ record: { requestId: contact.requestId }, id: markerId }]))
  }
  await ctx.records.writeTogether(await Promise.all(batches))
  if (then && !then.reopen) await ctx.records.open.remove(markerId)

  await request('return-visits.call', ctx, contact.requestId, contact.outcome)
  if (then) await request('return-visits.close', ctx, contact.requestId, then.close)
  if (then?.reopen) await request('return-visits.reopen', ctx, contact.requestId)
  return { ok: true, ...(then ? { closed: then.close } : {}), reopened: !!then?.reopen }
}

export type CloseResult = { ok: true } | { ok: false; problems: (CloseProblem | 'unknown')[] }

/**
 * SVC-4: closes the current round's return visit as unreachable, once `checkClose` allows it (the set number of
 * unanswered calls, or a wrong contact); then the open-work marker goes: the request is over.
 */
export async function closeUnreachable(ctx: FollowupContext, requestId: string): Promise<CloseResult> {
  const [found, settings] = await Promise.all([requestWithState(ctx.records, requestId), serviceSettingsOf(ctx.records)])
  if (!found) return { ok: false, problems: ['unknown'] }
  const problems = checkClose('unreachable', found.state, settings)
  if (problems.length) return { ok: false, problems }
  await ctx.records.closes.add({ requestId, at: ctx.now, by: ctx.userId, outcome: 'unreachable' })
  await ctx.records.open.remove(openMarkerId(requestId))
  await request('return-visits.close', ctx, requestId, 'unreachable')
  return { ok: true }
}
