import { maskEmployer, maskName } from '@/core/access/masking'
import type { Person } from '@/core/directory/person'
import type { OrganisationSettings } from '@/core/organisation/types'
import { badgeExpiry, badgeFor } from '@/core/reception/badge'
import { inBuilding } from '@/core/reception/closing'
import { changeReception, suggestReception, type Suggestion } from '@/core/reception/suggestion'
import type { Badge, ExpectedVisit, ReceptionChoice, ReceptionSettings, Visit } from '@/core/reception/types'
import { checkVisitInput, type VisitField } from '@/core/reception/visit-check'
import { instantOf, localDateOf, localPartsOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { randomId } from '@/crypto/bytes'
import type { PlatformAuditAction } from '@/storage/audit-events'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { Stored } from '@/storage/sealed-repo'
import type { ReceptionRecords } from './reception-records'
import { planHostNotice, tellHost, type HostNotices } from './host-notice'
import type { ReceptionAuditAction } from './reception.audit'

/** A staff member a visitor may come to see (the host picker's directory). */
export interface Host {
  userId: string
  name: string
  department?: string
  active: boolean
}

/** Who acts, when, with what: passed in so the rules stay testable and the clock stays one. */
export interface ReceptionContext {
  records: ReceptionRecords
  people: LobbyStorage['people']
  audit: { append: (event: { action: PlatformAuditAction | ReceptionAuditAction; by: string; recordId?: string; recordType?: string; detail?: string }) => Promise<unknown> }
  settings: ReceptionSettings
  org: Pick<OrganisationSettings, 'timeZone' | 'hours' | 'holidays'>
  hosts: Host[]
  now: number
  userId: string
  deviceId: string
  /** REC-3: where the host's notice goes (absent: nobody is told, as in tests of the records alone). */
  notices?: HostNotices
}

export type VisitProblems = Partial<Record<VisitField, string>>

export interface VisitInput {
  phone: string
  /** Blank for a returning visitor (`personId`): their directory name is used, never shown in full. */
  name: string
  /** Blank for a returning visitor: the organisation of their last visit (shown masked). */
  organisation: string
  category: string
  purpose: string
  hostId: string
  /** A returning visitor's directory record (found by phone). */
  personId?: string
  interview?: 1 | 2
  /** REC-2: the desk chose otherwise than the category suggests, and says why. */
  change?: { choice: ReceptionChoice; reason: string }
  /** REC-2: why a refused visitor was turned away (asked when the reception is `refuse`). */
  refuseReason?: string
  /** REC-1: their appointment's time today (`HH:MM`), if they have one. */
  appointmentTime?: string
  expectedId?: string
}

const today = (ctx: ReceptionContext): LocalDate => localDateOf(ctx.now, ctx.org.timeZone)

/** A returning visitor as the desk knows them: their directory person and their last visit (in memory only, never shown in full). */
export interface KnownVisitor {
  personId: string
  person: Person
  last?: Visit
  /** The organisation they came from last (their last visit's, else the directory's). */
  organisation: string
}

/** A returning visitor's last visit: the person is read only when the caller has not just read them. */
async function lastKnown(ctx: ReceptionContext, personId: string, read?: Person): Promise<KnownVisitor | undefined> {
  const [person, visits] = await Promise.all([read ?? ctx.people.get(personId), ctx.records.visits.byParent(personId)])
  if (!person) return undefined
  const last = visits.sort((a, b) => b.record.at - a.record.at)[0]?.record
  return { personId, person, ...(last ? { last } : {}), organisation: last?.organisation ?? person.organisation ?? '' }
}

/** REC-1: the returning visitor a phone number names, with their last visit; undefined for a new one. */
export async function findReturning(ctx: ReceptionContext, phone: string): Promise<KnownVisitor | undefined> {
  if (phone.trim() === '') return undefined
  const [found] = await ctx.people.findBy('phone', phone.trim())
  return found && lastKnown(ctx, found.id, found.record)
}

/**
 * What the form shows once a phone number is typed: a returning visitor, masked (CONF-4: the name and the
 * organisation beside it), with their last visit's category and host to start from.
 */
export function shownReturning(known: KnownVisitor) {
  return {
    personId: known.personId,
    maskedName: maskName(known.person.name),
    maskedOrganisation: known.organisation ? maskEmployer(known.organisation) : '',
    category: known.last?.category,
    hostId: known.last?.hostId,
  }
}

export async function returningVisitor(ctx: ReceptionContext, phone: string) {
  const known = await findReturning(ctx, phone)
  return known && shownReturning(known)
}

/** REC-2 with the REC-4 badge the choice allows: the suggestion, or the desk's change of it. */
async function decide(ctx: ReceptionContext, input: VisitInput, suggestion: Extract<Suggestion, { ok: true }>) {
  if (!input.change) return { ok: true as const, choice: suggestion.choice, badge: suggestion.badge }
  const changed = changeReception(suggestion.choice, input.change.choice, input.change.reason.trim())
  if (!changed.ok) return { ok: false as const, problems: { reason: changed.problem } }
  return { ok: true as const, choice: input.change.choice, changed: changed.changed, badge: badgeFor(input.change.choice, ctx.settings, false) }
}

/** The badge to store: an issued one gets its serial and the building's closing time (REC-4; printing is the badge desk's). */
function badgeOf(ctx: ReceptionContext, badge: { issued: true } | { issued: false; why: Extract<Badge, { issued: false }>['why'] }): Badge {
  if (!badge.issued) return badge
  return { issued: true, serial: randomId().slice(0, 10), expiresAt: badgeExpiry(ctx.now, ctx.org) }
}

/**
 * REC-1: registers a visit. Everything is checked before anything is written (bad input saves nothing); a
 * new visitor gets a directory person first; a change of the REC-2 suggestion is audited; a refused visitor
 * is recorded with the refusal, never admitted.
 */
export async function registerVisit(
  ctx: ReceptionContext,
  input: VisitInput,
  /** The look-up the desk just made of this visitor (`findReturning`): not read again on the way to saving. */
  lookedUp?: KnownVisitor,
): Promise<{ ok: true; visitId: string; visit: Visit; hostTold?: Promise<boolean> } | { ok: false; problems: VisitProblems }> {
  // A returning visitor: what is left blank is what the desk saw masked, kept from the directory and last visit.
  const known = !input.personId ? undefined : lookedUp?.personId === input.personId ? lookedUp : await lastKnown(ctx, input.personId)
  const person = known?.person
  const name = input.name.trim() || person?.name || ''
  const typed = {
    name,
    phone: input.phone.trim() || undefined,
    organisation: input.organisation.trim() || known?.organisation || undefined,
    category: input.category,
    purpose: input.purpose.trim(),
    hostId: input.hostId,
    ...(input.refuseReason !== undefined ? { reason: input.refuseReason.trim() } : {}),
    ...(input.appointmentTime ? { appointmentTime: input.appointmentTime } : {}),
  }
  const problems: VisitProblems = { ...checkVisitInput(typed, { settings: ctx.settings, hosts: ctx.hosts }) }
  const suggestion = suggestReception(ctx.settings, input.category, input.interview)
  if (!suggestion.ok) problems.category ??= suggestion.problem
  if (Object.keys(problems).length || !suggestion.ok) return { ok: false, problems }
  const decided = await decide(ctx, input, suggestion)
  if (!decided.ok) return decided

  const personId = person ? input.personId! : await ctx.people.put({
        name,
        ...(typed.phone ? { phone: typed.phone } : {}),
        ...(typed.organisation ? { organisation: typed.organisation } : {}),
        createdAt: new Date(ctx.now).toISOString(),
      })
  const refused = suggestion.refused || decided.choice.level === 'refuse'
  // REC-3: a visitor let in is announced to their host; the notice's id is on the visit before either is written.
  const notice = !refused && ctx.notices ? planHostNotice(input.hostId) : undefined
  const visit: Visit = {
    personId,
    name,
    ...(typed.organisation ? { organisation: typed.organisation } : {}),
    category: input.category,
    purpose: typed.purpose,
    hostId: input.hostId,
    reception: decided.choice,
    ...(decided.changed ? { changed: decided.changed } : {}),
    ...(input.interview ? { interview: input.interview } : {}),
    // The category refuses (REC-2: insurance sales, disruption): kept as a record of who came, not admitted.
    ...(refused ? { refused: { reason: typed.reason || input.change?.reason.trim() || input.category } } : {}),
    badge: badgeOf(ctx, decided.badge),
    ...(input.expectedId ? { expectedId: input.expectedId } : {}),
    ...(input.appointmentTime ? { appointment: { at: instantOf(today(ctx), input.appointmentTime, ctx.org.timeZone) } } : {}),
    ...(notice ? { noticeId: notice.id } : {}),
    at: ctx.now,
    day: today(ctx),
    deviceId: ctx.deviceId,
    by: ctx.userId,
  }
  const visitId = await ctx.records.visits.add(visit)
  // The reason itself is sealed in the visit; the audit entry says only that the suggestion was changed (CONF-6: no customer data).
  if (decided.changed) await ctx.audit.append({ action: 'reception.change', by: ctx.userId, recordId: visitId, recordType: 'visit' })
  if (!notice || !ctx.notices) return { ok: true, visitId, visit }
  const place = ctx.settings.places.find((p) => p.id === visit.reception.place)?.name
  // The visit is saved: the desk sees it at once, while the notice is sealed and stored (its status follows on screen).
  const hostTold = tellHost(ctx.notices, notice, visitId, visit, place ? `${place['zh-CN']} / ${place.en}` : visit.reception.place)
  return { ok: true, visitId, visit, hostTold }
}

/** REC-6: today's (or `day`'s) visitors still in the building, newest first: the day's visits and check-outs only. */
export async function inBuildingOn(ctx: Pick<ReceptionContext, 'records'>, day: LocalDate): Promise<Stored<Visit>[]> {
  const [visits, checkOuts] = await Promise.all([ctx.records.visits.onDay(day), ctx.records.checkOuts.onDay(day)])
  return inBuilding(visits, checkOuts.map((c) => c.record), day)
}

/** REC-6: a visitor leaves and the desk checks them out by hand (no badge scanned). */
export async function checkOutByHand(ctx: ReceptionContext, visitId: string): Promise<{ ok: true } | { ok: false; problem: 'unknown-visit' | 'refused' | 'already-out' }> {
  const visit = await ctx.records.visits.get(visitId)
  if (!visit) return { ok: false, problem: 'unknown-visit' }
  if (visit.refused) return { ok: false, problem: 'refused' }
  if ((await ctx.records.checkOuts.byParent(visitId)).length) return { ok: false, problem: 'already-out' }
  await ctx.records.checkOuts.add({ visitId, at: ctx.now, day: today(ctx), how: 'hand', deviceId: ctx.deviceId, by: ctx.userId })
  return { ok: true }
}

export interface ExpectedInput {
  day: LocalDate
  /** REC-1: the appointment's time that day (`HH:MM`), if there is one. */
  appointmentTime?: string
  name: string
  phone?: string
  organisation?: string
  category: string
  purpose: string
  hostId: string
}

/** REC-1: a host (anyone holding the desk realm) says a visitor is coming on a day. */
export async function preRegister(ctx: ReceptionContext, input: ExpectedInput): Promise<{ ok: true; id: string } | { ok: false; problems: VisitProblems }> {
  const typed = { ...input, name: input.name.trim(), phone: input.phone?.trim() || undefined, organisation: input.organisation?.trim() || undefined, purpose: input.purpose.trim() }
  const problems = checkVisitInput(typed, { settings: ctx.settings, hosts: ctx.hosts })
  if (Object.keys(problems).length) return { ok: false, problems }
  const expected: ExpectedVisit = { day: input.day, name: typed.name, category: input.category, purpose: typed.purpose, hostId: input.hostId, by: ctx.userId, at: ctx.now }
  if (input.appointmentTime) expected.appointmentAt = instantOf(input.day, input.appointmentTime, ctx.org.timeZone)
  if (typed.phone) expected.phone = typed.phone
  if (typed.organisation) expected.organisation = typed.organisation
  return { ok: true, id: await ctx.records.expected.put(expected) }
}

/** REC-1: the visitors expected on `day` who have not come yet (nor been called off). */
export async function expectedOn(ctx: ReceptionContext, day: LocalDate): Promise<Stored<ExpectedVisit>[]> {
  return (await ctx.records.expected.onDay(day)).filter((e) => !e.record.arrivedVisitId && !e.record.cancelled).sort((a, b) => a.record.name.localeCompare(b.record.name))
}

/** REC-1: one tap checks an expected visitor in: their returning person by phone, else a new one. */
export async function checkInExpected(ctx: ReceptionContext, expectedId: string) {
  const expected = await ctx.records.expected.get(expectedId)
  if (!expected || expected.arrivedVisitId || expected.cancelled) return { ok: false as const, problems: {} as VisitProblems }
  const back = expected.phone ? await returningVisitor(ctx, expected.phone) : undefined
  const done = await registerVisit(ctx, {
    phone: expected.phone ?? '',
    name: expected.name,
    organisation: expected.organisation ?? '',
    category: expected.category,
    purpose: expected.purpose,
    hostId: expected.hostId,
    expectedId,
    ...(back ? { personId: back.personId } : {}),
    ...(expected.appointmentAt !== undefined ? { appointmentTime: localPartsOf(expected.appointmentAt, ctx.org.timeZone).time } : {}),
  })
  if (done.ok) await ctx.records.expected.put({ ...expected, arrivedVisitId: done.visitId }, expectedId)
  return done
}
