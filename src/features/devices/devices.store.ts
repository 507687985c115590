import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { useLobbyStorage } from '@/identity/device-storage'

/** One device and one user who synced from it: the CONF-10 interface review. */
export interface DeviceUse {
  deviceId: string
  /** The device this page is open on: it is not offered for revocation (it would wipe itself). */
  current: boolean
  userAgent: string
  registeredAt: string
  revoked?: { by: string; at: string }
  user: string
  lastSeen?: string
  server?: string
}

/**
 * Devices come from the organisation's device documents; who used them, when
 * last and against which server comes from the audit log (sign-ins and hourly
 * sync notes), which only holders of the audit key can read.
 */
export const useDevicesStore = defineStore('devices', () => {
  const storage = useLobbyStorage()
  const rows = shallowRef<DeviceUse[]>([])
  onLock(() => (rows.value = []))

  function session() {
    const s = useSessionStore()
    if (!s.can('devices.manage') || !s.session) throw new PermissionError('devices.manage')
    return s.session
  }

  async function load() {
    const s = session()
    const devices = await storage.devices.list()
    const here = new Set(await storage.localDeviceIds())
    const names = new Map((await storage.staff.list().catch(() => [])).map((p) => [p.record.userId, p.record.username]))
    const seen = new Map<string, { at: string; server?: string }>()
    if (s.keyring.auditPrivate) {
      for (const { event } of await storage.audit.read(s.keyring.auditPrivate)) {
        if (!event || !['sign-in', 'sync', 'unlock'].includes(event.action)) continue
        const key = `${event.device}|${event.by}`
        const prev = seen.get(key)
        if (!prev || prev.at < event.at) seen.set(key, { at: event.at, server: event.action === 'sync' ? event.detail : prev?.server })
      }
    }
    const out: DeviceUse[] = []
    for (const d of devices) {
      const users = [...seen.entries()].filter(([k]) => k.startsWith(`${d.deviceId}|`))
      const base = { deviceId: d.deviceId, current: here.has(d.deviceId), userAgent: d.userAgent, registeredAt: d.registeredAt, revoked: d.revoked }
      if (users.length === 0) out.push({ ...base, user: (d.userId ?? d.by) ? (names.get((d.userId ?? d.by)!) ?? (d.userId ?? d.by)!) : '—' })
      for (const [k, v] of users) {
        const userId = k.slice(d.deviceId.length + 1)
        out.push({ ...base, user: names.get(userId) ?? userId, lastSeen: v.at, server: v.server })
      }
    }
    rows.value = out.sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
  }

  async function revoke(deviceId: string) {
    const s = session()
    await storage.devices.revoke(deviceId, s.userId)
    await storage.audit.append({ action: 'device.revoke', by: s.userId, recordId: `device:${deviceId}` })
    await load()
  }

  return { rows, load, revoke }
})
