/**
 * SVC-4: every completed request gets a return visit within 72 hours of the job finishing. Elapsed time, like the
 * dispatch clock: 72 hours across a weekend or a daylight-saving change are 72 real hours.
 */
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import { currentRound, type RequestState } from './request-state'
import { contactOutcomes } from './schemas'
import type { Checked, CloseOutcome, FieldProblem, ServiceCompletion, ServiceContact, ServiceSettings, WithId } from './types'

/** SVC-4: the hours a return visit may take. */
export const returnVisitHours = 72
const hourMs = 3_600_000

/** SVC-4: when the return visit is due by (inclusive: a visit at exactly 72 hours is on time). */
export function returnVisitDeadline(completion: ServiceCompletion): number {
  return completion.finishedAt + returnVisitHours * hourMs
}

/** How a round's return visit stands at `now`: due (with the time left, 0 at the deadline) or overdue (by how long). */
export type ReturnVisitStanding = { status: 'due'; deadline: number; leftMs: number } | { status: 'overdue'; deadline: number; overMs: number }

/** SVC-4: due up to and at the deadline, overdue from 1 ms after it. */
export function returnVisitStanding(completion: ServiceCompletion, now: number): ReturnVisitStanding {
  const deadline = returnVisitDeadline(completion)
  return now <= deadline ? { status: 'due', deadline, leftMs: deadline - now } : { status: 'overdue', deadline, overMs: now - deadline }
}

/** What the return-visit form holds for one call. */
export interface ContactInput {
  requestId: string
  at: number
  by: string
  outcome: string
  /** Asked when the customer was reached: 1 (very unhappy) … 5 (very happy). */
  satisfaction?: number
  /** Asked when the customer was reached: is the problem solved? */
  resolved?: boolean
  note?: string
}

export type ContactField = 'request' | 'at' | 'outcome' | 'satisfaction' | 'resolved' | 'note'
export type ContactProblemCode =
  | 'not-completed' | 'round-closed' | 'before-completion' | 'outcome-unknown' | 'satisfaction-required' | 'satisfaction-invalid'
  | 'resolved-required' | 'too-long'
export type ContactProblem = FieldProblem<ContactField, ContactProblemCode>

const isOutcome = (s: string): s is ServiceContact['outcome'] => (contactOutcomes as readonly string[]).includes(s)

/**
 * SVC-4: the call to log, or every problem at once. Refused: a request whose current round has no finished job
 * (`not-completed`: waiting, dispatched or reopened), a round whose return visit is closed (`round-closed`), a call
 * logged before the job finished (`before-completion`; at the very instant it finished is allowed). A reached
 * customer is asked for satisfaction (a whole 1 … 5) and whether the problem is solved; those answers are kept only
 * for a reached customer. The note is trimmed and at most `textLimits.notes`.
 */
export function checkContact(attempt: ContactInput, state: RequestState): Checked<ServiceContact, ContactProblem> {
  const problems: ContactProblem[] = []
  const put = (field: ContactField, code: ContactProblemCode) => problems.push({ field, code })
  const completion = currentRound(state).completion
  if (state.status === 'closed') put('request', 'round-closed')
  else if (state.status !== 'done' || !completion) put('request', 'not-completed')
  else if (attempt.at < completion.record.finishedAt) put('at', 'before-completion')

  const reached = attempt.outcome === 'reached'
  if (!isOutcome(attempt.outcome)) put('outcome', 'outcome-unknown')
  if (reached && attempt.satisfaction === undefined) put('satisfaction', 'satisfaction-required')
  else if (reached && !(Number.isInteger(attempt.satisfaction) && attempt.satisfaction! >= 1 && attempt.satisfaction! <= 5)) put('satisfaction', 'satisfaction-invalid')
  if (reached && attempt.resolved === undefined) put('resolved', 'resolved-required')
  const note = attempt.note?.trim() ?? ''
  if (!withinLimit(note, textLimits.notes)) put('note', 'too-long')

  if (problems.length) return { ok: false, problems }
  const { requestId, at, by } = attempt
  return {
    ok: true,
    value: {
      requestId, at, by,
      outcome: attempt.outcome as ServiceContact['outcome'],
      ...(reached ? { satisfaction: attempt.satisfaction!, resolved: attempt.resolved! } : {}),
      ...(note ? { note } : {}),
    },
  }
}

/** SVC-4: the failed calls of a round: those nobody answered. */
export function failedAttempts(contacts: readonly WithId<ServiceContact>[]): number {
  return contacts.filter((c) => c.record.outcome === 'no-answer').length
}

/**
 * SVC-4: may the round's return visit close as unreachable? After `unreachableAttempts` calls nobody answered, or at
 * once when the contact details proved wrong. Never once the customer was reached: that visit took place.
 */
export function mayCloseUnreachable(contacts: readonly WithId<ServiceContact>[], settings: ServiceSettings): boolean {
  if (contacts.some((c) => c.record.outcome === 'reached')) return false
  return contacts.some((c) => c.record.outcome === 'wrong-contact') || failedAttempts(contacts) >= settings.unreachableAttempts
}

/**
 * SVC-4: what a logged call leads to. A reached customer closes the return visit as visited, and an unresolved
 * problem then reopens the request (the reopen is the head's written feedback); other calls lead to nothing by
 * themselves (`mayCloseUnreachable` says when a person may close).
 */
export function contactConsequence(contact: ServiceContact): { close: CloseOutcome; reopen: boolean } | null {
  return contact.outcome === 'reached' ? { close: 'visited', reopen: contact.resolved === false } : null
}

export type CloseProblem = 'not-completed' | 'round-closed' | 'not-reached' | 'attempts-remaining'

/**
 * SVC-4: why the current round's return visit may not close with `outcome`; empty when it may. Visited needs a
 * reached call; unreachable needs `mayCloseUnreachable`.
 */
export function checkClose(outcome: CloseOutcome, state: RequestState, settings: ServiceSettings): CloseProblem[] {
  const round = currentRound(state)
  if (state.status === 'closed') return ['round-closed']
  if (state.status !== 'done') return ['not-completed']
  if (outcome === 'visited') return round.contacts.some((c) => c.record.outcome === 'reached') ? [] : ['not-reached']
  return mayCloseUnreachable(round.contacts, settings) ? [] : ['attempts-remaining']
}

export type ReopenProblem = 'not-finished' | 'reason-required' | 'too-long'

/**
 * SVC-4: why the request may not be reopened with `reason`; empty when it may. Only a finished job (done or closed)
 * reopens; the reason is the head's written feedback, so it is required, trimmed, and at most `textLimits.notes`.
 */
export function checkReopen(reason: string, state: RequestState): ReopenProblem[] {
  const problems: ReopenProblem[] = []
  if (state.status !== 'done' && state.status !== 'closed') problems.push('not-finished')
  const text = reason.trim()
  if (!text) problems.push('reason-required')
  else if (!withinLimit(text, textLimits.notes)) problems.push('too-long')
  return problems
}
