import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { incidentStandings, settingsFromCarried, type StaffIncidents } from '@/core/reception/incident-rules'
import { yearOf } from '@/core/reception/ladder'
import { localDateOf } from '@/core/shared/local-date'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import type { OpenedIncident } from '@/storage/incidents.repo'
import { useReceptionStore } from './reception.store'
import './reception.audit'

/**
 * REC-7: incidents against staff members. Managers read every one (opened with the audit key they hold) against the
 * reception settings' ladders; each staff member reads their own, on the ladder their incidents carry. Recording a
 * visitor seen without a badge (any desk user, against the host) or a complaint (a manager) seals it to the person
 * concerned and to the managers only (storage/incidents.repo.ts). Forgets it all on lock (CONF-7).
 */
export const useIncidentsStore = defineStore('reception-incidents', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const year = shallowRef('')
  const mine = shallowRef<StaffIncidents | undefined>()
  const everyone = shallowRef<StaffIncidents[]>([])
  /** Who recorded each incident and whom it is against, by user id: the managers' page names them. */
  const names = shallowRef(new Map<string, string>())

  onLock(() => {
    mine.value = undefined
    everyone.value = []
    names.value = new Map()
  })

  async function thisYear(): Promise<string> {
    const org = (await storage.orgSettings.read()).settings
    year.value = yearOf(localDateOf(Date.now(), org.timeZone))
    return year.value
  }

  /** The signed-in staff member's own incidents this year. */
  async function loadMine() {
    const own: OpenedIncident[] = await storage.incidents.mine()
    const rows = incidentStandings(settingsFromCarried(defaultReceptionSettings(), own), own, await thisYear())
    mine.value = rows.find((r) => r.staffId === session.session?.userId)
  }

  /** A manager's view: every staff member's incidents this year on the settings' ladders, and the staff to pick from. */
  async function loadAll() {
    if (!session.can('incidents.review')) throw new PermissionError('incidents.review')
    const desk = useReceptionStore()
    await desk.open()
    names.value = new Map(desk.hosts.map((h) => [h.userId, h.name]))
    const key = session.session?.keyring.auditPrivate
    const all = key ? await storage.incidents.all(key) : []
    everyone.value = incidentStandings(desk.settings, all, await thisYear())
  }

  async function record(kind: OpenedIncident['kind'], staffId: string, note: string, visitId?: string) {
    const desk = useReceptionStore()
    const ctx = await desk.context()
    const input = { kind, staffId, note: note.trim(), at: ctx.now, day: localDateOf(ctx.now, ctx.org.timeZone), ...(visitId ? { visitId } : {}) }
    const id = await storage.incidents.record(input, desk.settings.ladders[kind])
    await storage.audit.append({ action: 'reception.incident', by: ctx.userId, recordId: id, recordType: 'incident' })
    return id
  }

  /** REC-4/REC-7: the desk saw a visitor in the building without their badge: an incident against the visit's host. */
  async function recordNoBadge(visitId: string, note: string): Promise<{ ok: true; hostName: string } | { ok: false; reason: string }> {
    try {
      const desk = useReceptionStore()
      const visit = await (await desk.context()).records.visits.get(visitId)
      if (!visit) return { ok: false, reason: 'visit not found' }
      await record('no-badge', visit.hostId, note, visitId)
      return { ok: true, hostName: desk.hostName(visit.hostId) }
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e) }
    }
  }

  /** REC-7: a manager records a complaint of improper reception against a staff member. */
  async function recordComplaint(staffId: string, note: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      if (!session.can('incidents.review')) throw new PermissionError('incidents.review')
      await record('improper-reception', staffId, note)
      await loadAll()
      return { ok: true }
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e) }
    }
  }

  const nameOf = (userId: string) => names.value.get(userId) ?? userId

  return { year, mine, everyone, names, nameOf, loadMine, loadAll, recordNoBadge, recordComplaint }
})
