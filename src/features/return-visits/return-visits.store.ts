import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Permission } from '@/core/access/permissions'
import { defaultServiceSettings } from '@/core/service/settings-check'
import type { ServiceSettings } from '@/core/service/types'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { createServiceRecords, type ServiceRecords } from '@/features/service/service-records'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { feedbackSince, type FeedbackRow } from './feedback'
import * as actions from './return-visit-actions'
import { saveServiceSettings, serviceSettingsOf } from './service-settings'

export type { FeedbackRow }
export type { CallInput, CallLine, LogCallProblem, ReturnVisitRow } from './return-visit-actions'

/**
 * SVC-4, the return visits: the open requests whose job is finished, each with its 72-hour deadline; calls logged,
 * closing as unreachable, reopening an unresolved problem (the head's written feedback, listed to leads and
 * managers), and the managers' setting of unreachable attempts. Reads the open-work markers and each request's own
 * events, never the realm; holds masked names only, a number shown in full only for the row asked, and forgets all
 * of it on lock (CONF-4, CONF-7).
 */
export const useReturnVisitsStore = defineStore('return-visits', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  let records: ServiceRecords | undefined
  const clock = { now: () => Date.now() }
  const rows = shallowRef<actions.ReturnVisitRow[]>([])
  const feedback = shallowRef<FeedbackRow[]>([])
  const settings = shallowRef<ServiceSettings>({ ...defaultServiceSettings })
  /** Staff names by user id (the technician who did the job, who called, who wrote feedback). */
  const names = shallowRef(new Map<string, string>())
  /** CONF-4: the one or few rows whose contact was shown in full, by request id; gone with the next read or a lock. */
  const revealed = shallowRef(new Map<string, { name: string; phone: string; sitePhone?: string }>())
  /** What the last write did, for the page to say (its row may have left the list with it). */
  const done = shallowRef<'' | 'logged' | 'visited' | 'reopened' | 'unreachable'>('')

  onLock(() => {
    records = undefined
    rows.value = []
    feedback.value = []
    names.value = new Map()
    revealed.value = new Map()
    done.value = ''
  })

  // CONF-3 in the store too: the router is not the only way in.
  function allowed(permission: Permission) {
    if (!session.can(permission)) throw new PermissionError(permission)
  }

  function context(permission: Permission = 'service.followup'): actions.FollowupContext {
    allowed(permission)
    records ??= createServiceRecords(storage.recordContext)
    return { records, people: storage.people, audit: storage.audit, userId: session.session!.userId, now: clock.now() }
  }

  const timeZone = () => organisation.timeZone

  async function nameStaff(ids: Iterable<string>) {
    const known = new Map(names.value)
    for (const id of new Set(ids)) {
      if (known.has(id)) continue
      const profile = await storage.staff.get(`staff:${id}`).catch(() => undefined)
      known.set(id, profile?.name ?? '')
    }
    names.value = known
  }
  const nameOf = (userId: string) => names.value.get(userId) || ''

  /** The list, the settings, and (leads and managers) the feedback. */
  async function load() {
    const ctx = context()
    const [list, stored, written] = await Promise.all([
      actions.returnVisitRows(ctx),
      serviceSettingsOf(ctx.records),
      session.can('field.dispatch') ? feedbackSince(ctx, timeZone()) : Promise.resolve([]),
    ])
    await nameStaff([...list.flatMap((r) => [r.technicianId, ...r.calls.map((c) => c.by)]), ...written.map((f) => f.by)])
    rows.value = list
    settings.value = stored
    feedback.value = written
    revealed.value = new Map([...revealed.value].filter(([id]) => list.some((r) => r.requestId === id)))
  }

  async function reveal(requestId: string) {
    const shown = await actions.revealContact(context(), requestId)
    if (shown) revealed.value = new Map(revealed.value).set(requestId, shown)
    return shown !== undefined
  }

  async function logCall(input: actions.CallInput): Promise<actions.LogCallResult> {
    done.value = ''
    const result = await actions.logCall(context(), input)
    if (!result.ok) return result
    done.value = result.reopened ? 'reopened' : result.closed ? 'visited' : 'logged'
    await load()
    return result
  }

  async function closeUnreachable(requestId: string): Promise<actions.CloseResult> {
    done.value = ''
    const result = await actions.closeUnreachable(context(), requestId)
    if (!result.ok) return result
    done.value = 'unreachable'
    await load()
    return result
  }

  async function saveSettings(next: ServiceSettings) {
    const result = await saveServiceSettings(context('settings.manage'), next)
    if (result.ok) settings.value = { ...settings.value, ...next }
    return result
  }

  return { rows, feedback, settings, revealed, done, clock, timeZone, nameOf, load, reveal, logCall, closeUnreachable, saveSettings }
})
