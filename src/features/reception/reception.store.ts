import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { maskEmployer, maskName } from '@/core/access/masking'
import { isStaffRole } from '@/core/access/roles'
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { suggestReception } from '@/core/reception/suggestion'
import type { ExpectedVisit, ReceptionSettings, Visit } from '@/core/reception/types'
import { localDateOf } from '@/core/shared/local-date'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { createApprovalDesk } from './approval-desk'
import { callOffExpected } from './expected-call-off'
import { latestRead } from '@/composables/latest-read'
import * as actions from './reception-actions'
import * as badgeActions from './badge-actions'
import { createReceptionRecords, type ReceptionRecords } from './reception-records'
import { hostToldOf, type HostTold } from './host-notice'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'

/** A row of the in-building list: the visitor and their organisation masked (CONF-4), whom they see, where, since when. */
export interface InBuildingRow {
  id: string
  name: string
  organisation: string
  hostName: string
  place: string
  at: number
}

/** A row of the expected list: who is expected (masked), by whom, when. */
export interface ExpectedRow {
  id: string
  name: string
  organisation: string
  hostName: string
  category: string
  appointmentAt?: number
}

/**
 * The reception desk (REC-1, REC-2, REC-6): registering visitors, today's in-building and expected lists. Reads
 * a day's slice of the desk realm, never the realm; holds masked names only, and forgets all of it on lock (CONF-7).
 */
export const useReceptionStore = defineStore('reception', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  // One repository per session: made when a page first asks for it, dropped with everything else at lock.
  let records: ReceptionRecords | undefined
  const settings = shallowRef<ReceptionSettings>(defaultReceptionSettings())
  const hosts = shallowRef<actions.Host[]>([])
  const inBuilding = shallowRef<InBuildingRow[]>([])
  const expected = shallowRef<ExpectedRow[]>([])
  const timeZone = shallowRef('Asia/Shanghai')
  const clock = { now: () => Date.now() }
  /** REC-3: how telling each watched visit's host stands (the visits in the building and the one just registered). */
  const hostTold = shallowRef(new Map<string, HostTold>())
  let watchedVisits: { id: string; record: Visit }[] = []
  /** The last visitor looked up, kept here (never in the page: it holds their name in full) for their registration. */
  let lookedUp: actions.KnownVisitor | undefined
  // REC-5: the principal's approvals of today's visits (approval-desk.ts).
  const approval = createApprovalDesk({ context, accounts: () => storage.signIns.listAccounts(), role: () => session.role })

  onLock(() => {
    records = undefined
    lookedUp = undefined
    watchedVisits = []
    hostTold.value = new Map()
    hosts.value = []
    inBuilding.value = []
    expected.value = []
    approval.forget()
  })

  function allowed() {
    if (!session.can('reception.desk')) throw new PermissionError('reception.desk')
  }

  async function context(): Promise<actions.ReceptionContext> {
    allowed()
    records ??= createReceptionRecords(storage.recordContext)
    // The organisation store follows the settings as they sync: read from it, not from the database at every step.
    const org = organisation.settings ?? (await storage.orgSettings.read()).settings
    timeZone.value = org.timeZone
    return {
      records,
      people: storage.people,
      audit: storage.audit,
      notices: storage.notices,
      settings: settings.value,
      org,
      hosts: hosts.value,
      now: clock.now(),
      userId: session.session!.userId,
      deviceId: (await storage.deviceIdentity()).deviceId,
    }
  }

  /** The staff directory a host is picked from: each account's profile name; a departed colleague stays, marked inactive. */
  async function loadHosts(): Promise<actions.Host[]> {
    const accounts = (await storage.signIns.listAccounts()).filter((a) => isStaffRole(a.role))
    const out: actions.Host[] = []
    for (const a of accounts) {
      const profile = await storage.staff.get(`staff:${a.userId}`).catch(() => undefined)
      if (!profile) continue
      out.push({ userId: a.userId, name: profile.name, ...(profile.department ? { department: profile.department } : {}), active: a.status !== 'deactivated' })
    }
    return out.sort((x, y) => x.name.localeCompare(y.name))
  }

  const hostName = (id: string) => hosts.value.find((h) => h.userId === id)?.name ?? ''
  const placeName = (id: string, locale: 'en' | 'zh-CN') => settings.value.places.find((p) => p.id === id)?.name[locale] ?? ''

  const inRow = (id: string, v: Visit): InBuildingRow => ({ id, name: maskName(v.name), organisation: maskEmployer(v.organisation ?? ''), hostName: hostName(v.hostId), place: v.reception.place, at: v.at })
  const expectedRow = (id: string, e: ExpectedVisit): ExpectedRow => ({
    id,
    name: maskName(e.name),
    organisation: maskEmployer(e.organisation ?? ''),
    hostName: hostName(e.hostId),
    category: e.category,
    ...(e.appointmentAt ? { appointmentAt: e.appointmentAt } : {}),
  })

  /** Today's lists: the day's visits, check-outs and pre-registrations (slice reads). */
  const dayReads = latestRead() // a sync round's read may overlap a write's: the older never shows last
  async function refreshDay() {
    const read = dayReads.start()
    const ctx = await context()
    const day = localDateOf(ctx.now, ctx.org.timeZone)
    const [present, coming] = await Promise.all([actions.inBuildingOn(ctx, day), actions.expectedOn(ctx, day)])
    if (!dayReads.mayShow(read)) return
    inBuilding.value = present.map((v) => inRow(v.id, v.record))
    expected.value = coming.map((e) => expectedRow(e.id, e.record))
    await approval.refresh(ctx, present, () => dayReads.stillShown(read))
    const kept = watchedVisits.filter((w) => !present.some((v) => v.id === w.id)).slice(-1)
    watchedVisits = [...present, ...kept]
    await refreshHostTold()
  }

  /** REC-3: reads again whether each watched visit's host has the notice and has answered (the pages ask every few seconds). */
  async function refreshHostTold() {
    if (!watchedVisits.length || !session.session) return
    hostTold.value = await hostToldOf(storage.notices, watchedVisits, clock.now(), settings.value)
  }

  /** Opening a reception page: the REC-2 table (the manager's, else the defaults), the host directory and today. */
  async function open() {
    const ctx = await context()
    settings.value = (await ctx.records.settings.get()) ?? defaultReceptionSettings()
    hosts.value = await loadHosts()
    await refreshDay()
  }

  async function lookUp(phone: string) {
    lookedUp = await actions.findReturning(await context(), phone)
    return lookedUp && actions.shownReturning(lookedUp)
  }

  const suggestionFor = (category: string, interview?: 1 | 2) => suggestReception(settings.value, category, interview)

  /** A visit just registered here, into today's lists: in the building unless refused, no longer expected. */
  function takeIn(visitId: string, visit: Visit, expectedId?: string) {
    dayReads.shownDirectly() // a sync round's read from before this visit must not put back the lists without it
    if (!visit.refused) inBuilding.value = [inRow(visitId, visit), ...inBuilding.value.filter((r) => r.id !== visitId)]
    if (expectedId) expected.value = expected.value.filter((e) => e.id !== expectedId)
  }

  async function register(input: actions.VisitInput) {
    const result = await actions.registerVisit(await context(), input, lookedUp)
    lookedUp = undefined
    if (result.ok) {
      watchedVisits = [...watchedVisits.filter((w) => w.id !== result.visitId), { id: result.visitId, record: result.visit }]
      // The saved visit shows at once; today's lists take it in without reading the day again (a queue at the desk
      // would otherwise decrypt the day once per visitor), except a visit waiting for the principal, which the
      // approval desk has to watch; the host's status follows.
      if (result.visit.badge.issued === false && result.visit.badge.why === 'needs-approval') void refreshDay().catch(() => undefined)
      else takeIn(result.visitId, result.visit, input.expectedId)
      void result.hostTold?.then(() => refreshHostTold()).catch(() => undefined)
    }
    return result
  }

  async function checkOut(visitId: string) {
    const result = await actions.checkOutByHand(await context(), visitId)
    await refreshDay()
    return result
  }

  async function checkInExpected(expectedId: string) {
    const result = await actions.checkInExpected(await context(), expectedId)
    await refreshDay()
    return result
  }

  async function preRegister(input: actions.ExpectedInput) {
    const result = await actions.preRegister(await context(), input)
    if (result.ok) await refreshDay()
    return result
  }

  /** REC-1: an expected visitor called off (the desk may; so may the host who pre-registered). */
  async function callOff(expectedId: string) {
    const result = await callOffExpected(await context(), expectedId, session.can('reception.desk'))
    if (result.ok) await refreshDay()
    return result
  }

  async function approve(visitId: string) {
    const result = await approval.approve(visitId)
    await refreshDay()
    return result
  }

  // `context`: for the desk's other stores (reception-closing.store.ts), one repository and one clock.
  const { states: approvals, awaiting: awaitingApproval, isPrincipal, approvedFor } = approval

  /** REC-4, REC-5: a registered visit's badge, signed here once it has one (the card key never reaches a component). */
  async function badgeToPrint(visitId: string) {
    const [badge, org] = await Promise.all([badgeActions.badgeToPrint(await approval.context(), storage, visitId), storage.orgSettings.read()])
    return { badge, organisationName: org.settings.name }
  }

  /** REC-5: a visit whose badge the desk prints after the approval (the badge shows the name as given). */
  const visitToPrint = async (visitId: string) => (await context()).records.visits.get(visitId)

  /** REC-6: a scanned badge checks its visit out. */
  async function checkOutByBadge(text: string) {
    const result = await badgeActions.checkOutByBadge(await context(), storage, text)
    if (result.ok) await refreshDay()
    return result
  }

  return { badgeToPrint, visitToPrint, checkOutByBadge, settings, hosts, inBuilding, expected, timeZone, hostTold, refreshHostTold, open, refreshDay, lookUp, suggestionFor, register, checkOut, checkInExpected, callOff, preRegister, placeName, clock, approvals, awaitingApproval, isPrincipal, approvedFor, approve, hostName, context }
})
