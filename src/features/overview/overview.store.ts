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

const unread = <T>(): Part<T> => ({ status: 'reading' })

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
  const visitors = shallowRef<Part<number>>(unread())
  const members = shallowRef<Part<figures.MemberFigures>>(unread())
  const service = shallowRef<Part<figures.ServiceFigures>>(unread())
  const devices = shallowRef<Part<DeviceRow[]>>(unread())
  const broadband = shallowRef<Part<figures.BroadbandFigures>>(unread())
  const readAt = shallowRef<number>()
  let inflight: Promise<void> | undefined

  onLock(() => {
    visitors.value = unread()
    members.value = unread()
    service.value = unread()
    devices.value = unread()
    broadband.value = unread()
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

  /** While figures are being read (a read again keeps the last figures on screen meanwhile). */
  const reading = shallowRef(false)
  let again: Promise<void> | undefined

  /**
   * Reads every figure. Asked for while a read runs (a sync round brought records meanwhile), it reads again once
   * that one ends, so what arrived is counted; several such asks share that one read.
   */
  function load(): Promise<void> {
    if (inflight) {
      again ??= inflight.catch(() => undefined).then(() => {
        again = undefined
        return load()
      })
      return again
    }
    reading.value = true
    inflight = readAll().finally(() => {
      inflight = undefined
      if (!again) reading.value = false
    })
    return inflight
  }

  return { visitors, members, service, devices, broadband, readAt, reading, clock, shows, load }
})
