import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Permission } from '@/core/access/permissions'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { localDateOf } from '@/core/shared/local-date'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { createReceptionRecords } from '@/features/reception/reception-records'
import { createServiceRecords } from '@/features/service/service-records'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import * as figures from './overview-actions'

/** A figure as the page shows it: being read, read, or not readable (the others still show). */
export type Part<T> = { status: 'reading' } | { status: 'ready'; value: T } | { status: 'failed' }

export interface DeviceRow extends figures.DeviceHealth {
  /** The staff member's name on their profile ('' when it cannot be read). */
  name: string
}

const reading = <T>(): Part<T> => ({ status: 'reading' })

/**
 * The manager's day (issue 15 §8, permission `overview.view`): each figure read the way its own desk reads it
 * (overview-actions.ts), one after the other, cheapest first, each shown as soon as it is read. Counts only (and
 * staff names): no customer's data; forgotten on lock (CONF-7).
 */
export const useOverviewStore = defineStore('overview', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  const clock = { now: () => Date.now() }
  const visitors = shallowRef<Part<number>>(reading())
  const members = shallowRef<Part<figures.MemberFigures>>(reading())
  const service = shallowRef<Part<figures.ServiceFigures>>(reading())
  const devices = shallowRef<Part<DeviceRow[]>>(reading())
  const broadband = shallowRef<Part<figures.BroadbandFigures>>(reading())
  const readAt = shallowRef<number>()
  let inflight: Promise<void> | undefined

  onLock(() => {
    visitors.value = reading()
    members.value = reading()
    service.value = reading()
    devices.value = reading()
    broadband.value = reading()
    readAt.value = undefined
  })

  /** Whether this user sees the figure (a manager sees them all; the figure follows its desk's permission). */
  const shows = (permission: Permission) => session.can('overview.view') && session.can(permission)

  async function part<T>(target: { value: Part<T> }, permission: Permission, read: () => Promise<T>) {
    if (!shows(permission)) return
    try {
      target.value = { status: 'ready', value: await read() }
    } catch (e) {
      console.warn('overview: a figure was not read', e)
      target.value = { status: 'failed' }
    }
  }

  async function names(ids: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    for (const id of new Set(ids)) out.set(id, (await storage.staff.get(`staff:${id}`).catch(() => undefined))?.name ?? '')
    return out
  }

  async function readAll() {
    if (!session.can('overview.view')) throw new PermissionError('overview.view')
    const s = session.session!
    const now = clock.now()
    const org = organisation.settings ?? (await storage.orgSettings.read()).settings
    const today = localDateOf(now, deskTimeZone(org.timeZone, undefined))
    const ctx = storage.recordContext
    await part(visitors, 'reception.desk', () => figures.visitorsIn(createReceptionRecords(ctx), today))
    await part(members, 'desk.use', () => figures.memberFigures(storage, now))
    await part(service, 'field.dispatch', () => figures.serviceFigures(createServiceRecords(ctx), now))
    await part(devices, 'devices.manage', async () => {
      if (!s.keyring.auditPrivate) throw new Error('the audit key is not held')
      const rows = await figures.deviceHealth(storage, s.keyring.auditPrivate, now)
      const named = await names(rows.flatMap((r) => (r.userId ? [r.userId] : [])))
      return rows.map((r) => ({ ...r, name: (r.userId && named.get(r.userId)) || '' }))
    })
    await part(broadband, 'broadband.use', () => figures.broadbandFigures({ records: createBroadbandRecords(ctx), audit: storage.audit, userId: s.userId }, today))
    readAt.value = now
  }

  /** Reads every figure; a read asked for while one runs waits for it rather than starting another. */
  function load(): Promise<void> {
    inflight ??= readAll().finally(() => (inflight = undefined))
    return inflight
  }

  return { visitors, members, service, devices, broadband, readAt, clock, shows, load }
})
