import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { maskAddress, maskName, maskPhone } from '@/core/access/masking'
import type { Permission } from '@/core/access/permissions'
import { realmsByRole } from '@/core/access/roles'
import type { AccountStanding } from '@/core/access/tech-realms'
import { checkPerson, type Person } from '@/core/directory/person'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { checkRequest, type RequestProblem } from '@/core/service/request-check'
import { localDateOf } from '@/core/shared/local-date'
import type { Fen, LocalDate } from '@/core/shared/units'
import { createBroadbandRecords, type BroadbandRecords } from '@/features/broadband/broadband-records'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { readBoard } from './board-actions'
import { queueOf, type BoardColumn } from './queue-view'
import { requestPage, type RequestPage } from './request-page'
import * as actions from './service-actions'
import { createServiceRecords, type ServiceRecords } from './service-records'
import { accountOfFaultReport, subscriberStanding, type SubscriberStanding } from './subscriber-standing'
import { heldTechnicianIds, takeInOnThisDevice } from './take-in-run'

/** A directory person as the customer picker shows them: masked (CONF-4). */
export interface PersonRow {
  id: string
  name: string
  phone: string
}

/** The customer chosen for a request: what is on file, masked, and (BB-3) their standing as a broadband subscriber. */
export interface CustomerFile {
  id: string
  name: string
  phone: string
  address: string
  hasPhone: boolean
  hasAddress: boolean
  /** Only where the taker holds the broadband realm (agents, leads, managers). */
  standing?: SubscriberStanding
}

/** The request form as typed. A blank phone or address means the one on file (shown masked, never filled in full). */
export interface IntakeDraft {
  customerId: string
  phone: string
  address: string
  product: string
  model: string
  spec: string
  purchaseDate: string
  purchasePlace: string
  fault: string
  kind: string
  nature: string
  complaint: boolean
  faultReport: boolean
  /** The account chosen from the subscriber's, or the number typed at a front desk (which cannot read them). */
  accountId: string
}

export type IntakeResult = { ok: true; id: string } | { ok: false; problems: RequestProblem[]; overdue?: Fen }

/** A staff member a request can go to: a technician, and whether this device can write into their realm yet. */
export interface TechnicianOption {
  userId: string
  name: string
  status: 'active' | 'deactivated'
  /** This device holds their realm key: a job can be written there. */
  ready: boolean
}

/** What a queue or board row shows of its customer: masked (CONF-4). */
export interface CustomerLabel {
  name: string
  phone: string
}

/**
 * The service office (SVC-1, SVC-2, SVC-3 take-in, BB-3, issue 15 §6): taking requests, the dispatch queue, the day
 * board, one request's page. Reads the open work (markers), each request's events by parent, one subscriber's
 * broadband slice; forgets all of it on lock (CONF-7).
 */
export const useServiceStore = defineStore('service', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  let records: ServiceRecords | undefined
  let broadband: BroadbandRecords | undefined
  let ctx: actions.ServiceContext | undefined
  const clock = { now: () => Date.now() }
  const timeZone = shallowRef('Asia/Shanghai')
  const now = shallowRef(clock.now())
  const people = shallowRef<PersonRow[]>([])
  const open = shallowRef<actions.FoldedRequest[]>([])
  const accounts = shallowRef<AccountStanding[]>([])
  const technicians = shallowRef<TechnicianOption[]>([])
  const customers = shallowRef<Record<string, CustomerLabel>>({})
  /** BB-3 on the queue: requests (not fault reports) of subscribers in arrears, with what they owe. */
  const arrears = shallowRef<Record<string, Fen>>({})
  const board = shallowRef<BoardColumn[]>([])
  const current = shallowRef<RequestPage>()
  const names = new Map<string, string>()
  const queue = computed(() => queueOf(open.value, accounts.value, now.value))

  onLock(() => {
    records = broadband = ctx = undefined
    people.value = []
    open.value = []
    accounts.value = []
    technicians.value = []
    customers.value = {}
    arrears.value = {}
    board.value = []
    current.value = undefined
    names.clear()
  })

  // CONF-3 in the store too: the router is not the only way in.
  function allowed(...any: Permission[]) {
    if (!any.some((p) => session.can(p))) throw new PermissionError(any[0]!)
  }

  function context(...any: Permission[]): actions.ServiceContext {
    allowed(...any)
    records ??= createServiceRecords(storage.recordContext)
    ctx ??= actions.serviceContext({ records, recordContext: storage.recordContext, audit: storage.audit, userId: session.session!.userId })
    return ctx
  }

  /** BB-3 is the broadband desk's rule, asked only where the user holds its realm (the front desk does not). */
  const holdsAccounts = () => (session.role ? (realmsByRole[session.role] as readonly string[]).includes('accounts') : false)
  function broadbandRecords(): BroadbandRecords | undefined {
    if (!holdsAccounts()) return undefined
    return (broadband ??= createBroadbandRecords(storage.recordContext))
  }

  async function today(): Promise<LocalDate> {
    const org = organisation.settings ?? (await storage.orgSettings.read()).settings
    timeZone.value = deskTimeZone(org.timeZone, undefined)
    now.value = clock.now()
    return localDateOf(now.value, timeZone.value)
  }

  /** The SVC-2 clock moves on the page: called every 30 s. */
  const tick = () => void (now.value = clock.now())

  async function staffName(userId: string): Promise<string> {
    if (!names.has(userId)) {
      const profile = await storage.staff.get(`staff:${userId}`).catch(() => undefined)
      names.set(userId, profile?.name ?? userId)
    }
    return names.get(userId)!
  }

  /** Staff names by user id (takers, dispatchers, technicians), for the lists and the history. */
  async function namesOf(userIds: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {}
    for (const id of new Set(userIds)) out[id] = await staffName(id)
    return out
  }

  async function customerLabels(ids: readonly string[]): Promise<Record<string, CustomerLabel>> {
    const out: Record<string, CustomerLabel> = {}
    await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const p = await storage.people.get(id).catch(() => undefined)
        out[id] = { name: p ? maskName(p.name) : '', phone: p?.phone ? maskPhone(p.phone) : '' }
      }),
    )
    return out
  }

  // ——— Taking a request (SVC-1, BB-3) ———

  /** Directory people a query names (phone, name or ID number: the blind indexes), masked. */
  async function findPeople(query: string) {
    allowed('service.take')
    people.value = query.trim() ? (await storage.people.search(query)).map((p) => ({ id: p.id, name: maskName(p.record.name), phone: maskPhone(p.record.phone ?? '') })) : []
    return people.value
  }

  /** A new directory person for the customer (the directory's own checks); chosen at once. */
  async function addPerson(input: { name: string; phone: string; address: string }) {
    allowed('service.take')
    const problems = checkPerson({ name: input.name, phone: input.phone, address: input.address }, await today())
    if (Object.keys(problems).length) return { ok: false as const, problems }
    const person: Person = { name: input.name.trim(), createdAt: new Date(clock.now()).toISOString() }
    if (input.phone.trim()) person.phone = input.phone.trim()
    if (input.address.trim()) person.address = input.address.trim()
    const id = await storage.people.put(person)
    return { ok: true as const, person: { id, name: maskName(person.name), phone: maskPhone(person.phone ?? '') } }
  }

  /** The customer's file for the form: masked, with their broadband standing where the taker may know it. */
  async function customerFile(personId: string): Promise<CustomerFile | undefined> {
    allowed('service.take')
    const person = await storage.people.get(personId)
    if (!person) return undefined
    const bb = broadbandRecords()
    const standing = bb ? await subscriberStanding(bb, personId, await today()) : undefined
    return {
      id: personId,
      name: maskName(person.name),
      phone: person.phone ? maskPhone(person.phone) : '',
      address: person.address ? maskAddress(person.address) : '',
      hasPhone: Boolean(person.phone?.trim()),
      hasAddress: Boolean(person.address?.trim()),
      ...(standing ? { standing } : {}),
    }
  }

  /**
   * SVC-1, BB-3: checks and takes the request. A blank phone or address takes the one on file. Where the taker holds
   * the broadband realm, a subscriber in arrears may make a fault report only (`arrears` on the customer, with what
   * they owe); a front desk's request is taken and the queue shows the refusal to the lead before dispatch.
   */
  async function take(draft: IntakeDraft): Promise<IntakeResult> {
    const c = context('service.take')
    const day = await today()
    const person = draft.customerId ? await storage.people.get(draft.customerId).catch(() => undefined) : undefined
    const bb = broadbandRecords()
    const standing = bb && person ? await subscriberStanding(bb, draft.customerId, day) : undefined
    const checked = checkRequest(
      {
        ...draft,
        phone: draft.phone.trim() || person?.phone || '',
        address: draft.address.trim() || person?.address || '',
        ...(draft.faultReport ? { accountId: draft.accountId } : { accountId: '' }),
      },
      { now: now.value, zone: timeZone.value, takenBy: c.userId, inArrears: standing?.inArrears ?? false },
    )
    if (!checked.ok) return { ok: false, problems: checked.problems, ...(standing?.inArrears ? { overdue: standing.overdue } : {}) }
    return { ok: true, id: await actions.takeRequest(c, checked.value) }
  }

  // ——— The queue and the board (SVC-2) ———

  async function loadTechnicians(): Promise<void> {
    const all = (await storage.signIns.listAccounts()).filter((a) => a.role === 'technician')
    accounts.value = all.map((a) => ({ userId: a.userId, role: a.role, status: a.status }))
    const held = new Set(session.session ? heldTechnicianIds(session.session) : [])
    const named = await namesOf(all.map((a) => a.userId))
    technicians.value = all
      .map((a) => ({ userId: a.userId, name: named[a.userId]!, status: a.status, ready: held.has(a.userId) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  /** SVC-3: takes finished jobs in on this device (also after each sync round); a failure leaves them for the next run. */
  async function takeIn() {
    if (!session.can('field.dispatch') || !session.session) return
    await takeInOnThisDevice(storage, session.session).catch((e: unknown) => console.warn('take-in', e))
  }

  /** BB-3: the waiting requests (not fault reports) whose customer is in arrears, where this user may know it. */
  async function arrearsOf(rows: readonly actions.FoldedRequest[], day: LocalDate): Promise<Record<string, Fen>> {
    const bb = broadbandRecords()
    if (!bb) return {}
    const out: Record<string, Fen> = {}
    const standingOf = new Map<string, Promise<SubscriberStanding>>()
    for (const r of rows) {
      if (r.request.faultReport || (r.state.status !== 'waiting' && r.state.status !== 'reopened')) continue
      if (!standingOf.has(r.request.customerId)) standingOf.set(r.request.customerId, subscriberStanding(bb, r.request.customerId, day))
      const s = await standingOf.get(r.request.customerId)!
      if (s.inArrears) out[r.id] = s.overdue
    }
    return out
  }

  /** Opens the queue: takes finished jobs in, then reads the open work and folds it. */
  async function loadQueue() {
    const c = context('field.dispatch')
    await takeIn()
    const day = await today()
    const [folded] = await Promise.all([actions.openWork(c), loadTechnicians()])
    const [labels, owed] = await Promise.all([customerLabels(folded.map((f) => f.request.customerId)), arrearsOf(folded, day)])
    customers.value = labels
    arrears.value = owed
    open.value = folded
  }

  /** SVC-2: dispatches or reassigns a request; refusals come back as codes the page words. */
  async function dispatch(requestId: string, technicianId: string): Promise<actions.DispatchResult> {
    const c = context('field.dispatch')
    const tech = accounts.value.find((a) => a.userId === technicianId) ?? (await loadTechnicians(), accounts.value.find((a) => a.userId === technicianId))
    const request = await actions.getRequest(c, requestId)
    if (!request) return { ok: false, problems: ['request-missing'] }
    // BB-3: a front desk took it without seeing the subscriber's ledger; the lead, who holds it, does not send it out.
    const bb = broadbandRecords()
    const day = await today()
    const person = await storage.people.get(request.customerId).catch(() => undefined)
    const result = await actions.dispatchRequest(c, {
      requestId,
      technician: tech ?? { userId: technicianId, role: 'unknown', status: 'deactivated' },
      customerName: person?.name ?? '',
      at: clock.now(),
      ...(bb ? { inArrears: async (personId: string) => (await subscriberStanding(bb, personId, day)).inArrears } : {}),
    })
    // A finished job is taken in rather than reassigned: do it now, so the page shows it done.
    if (!result.ok && result.problems.includes('job-finished')) await takeIn()
    return result
  }

  /** SVC-2: the day board of the organisation's today. */
  async function loadBoard() {
    const c = context('field.dispatch')
    await takeIn()
    const [day] = await Promise.all([today(), loadTechnicians()])
    const read = await readBoard(c, { day, zone: timeZone.value, technicians: accounts.value, heldTechnicianIds: session.session ? heldTechnicianIds(session.session) : [] })
    customers.value = await customerLabels([...read.requests.values()].map((r) => r.customerId))
    board.value = read.board
  }

  // ——— One request (its page) ———

  async function loadRequest(id: string): Promise<RequestPage | undefined> {
    const c = context('service.take', 'field.dispatch')
    if (session.can('field.dispatch')) await takeIn()
    await today()
    const folded = await actions.foldedRequest(c, id)
    if (!folded) return (current.value = undefined)
    if (session.can('field.dispatch')) await loadTechnicians()
    const bb = broadbandRecords()
    const account = bb && folded.request.accountId ? await accountOfFaultReport(bb, folded.request.accountId) : undefined
    const standing = bb && !folded.request.faultReport && folded.state.status !== 'dispatched' ? await subscriberStanding(bb, folded.request.customerId, localDateOf(now.value, timeZone.value)) : undefined
    current.value = await requestPage(c, folded, {
      person: await storage.people.get(folded.request.customerId).catch(() => undefined),
      namesOf,
      account,
      overdue: standing?.inArrears ? standing.overdue : undefined,
    })
    return current.value
  }

  /** Issue 15 §6: records on the request the outage the broadband desk recorded from it. */
  async function linkOutage(requestId: string, outageId: string) {
    const c = context('broadband.use')
    await actions.linkOutage(c, requestId, outageId)
    return loadRequest(requestId)
  }

  return {
    clock, timeZone, now, tick, people, technicians, customers, arrears, queue, board, current,
    holdsAccounts, findPeople, addPerson, customerFile, take, loadQueue, dispatch, loadBoard, loadRequest, linkOutage, takeIn, namesOf, today,
  }
})
