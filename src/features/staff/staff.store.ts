import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { StaffRole } from '@/core/access/roles'
import { onLock, useSessionStore } from '@/identity/session.store'
import { createStaff, type NewStaff } from '@/identity/staff-accounts'
import { deactivateStaff, finishPendingDepartures, reencryptRealm, resumeDepartures } from '@/identity/deactivate-staff'
import { rootFingerprint } from '@/identity/trust'
import type { ReencryptProgress } from '@/storage/reencrypt'
import { useLobbyStorage } from '@/identity/device-storage'
import { setStaffDepartment } from './staff-department'

export interface StaffRow {
  userId: string
  name: string
  username: string
  role: StaffRole
  /** REC-1: where a host works; the reception desk finds hosts by it. */
  department?: string
  status: 'active' | 'deactivated' | 'pending'
}

/** Staff accounts for the admin screen; names come from the encrypted directory and are dropped on lock. */
export const useStaffStore = defineStore('staff', () => {
  const storage = useLobbyStorage()
  const rows = ref<StaffRow[]>([])
  /** CONF-9: re-encryption progress per realm (counts only, nothing decrypted). */
  const reencryption = ref<Record<string, ReencryptProgress>>({})
  let reencrypting: AbortController | undefined
  const queued: { realm: string; fromEpoch: number }[] = []
  onLock(() => {
    rows.value = []
    queued.length = 0
    reencrypting?.abort() // resumes from its saved cursor after the next sign-in
    reencrypting = undefined
    reencryption.value = {}
  })

  /** CONF-9: the pinned root of trust's fingerprint, for a new colleague to compare on their own device. */
  const fingerprint = ref<string>()

  async function load() {
    fingerprint.value = await rootFingerprint(storage)
    const accounts = await storage.signIns.listAccounts()
    const out: StaffRow[] = []
    for (const a of accounts) {
      const profile = await storage.staff.get(`staff:${a.userId}`).catch(() => undefined)
      out.push({
        userId: a.userId,
        name: profile?.name ?? '—',
        username: profile?.username ?? '—',
        role: a.role,
        ...(profile?.department ? { department: profile.department } : {}),
        status: a.status === 'deactivated' ? 'deactivated' : a.setup === 'pending' ? 'pending' : 'active',
      })
    }
    rows.value = out.sort((x, y) => x.name.localeCompare(y.name))
  }

  /** Opening the page also finishes what a departure left to do: the server part (admins) and unfinished re-encryption. */
  async function resume() {
    const session = useSessionStore().session
    if (!session) return
    const { browserDepartureServer } = await import('@/sync/browser-departure')
    // CONF-9: rotations a departure left undone (a crash, a step only this role can do, an epoch not yet claimed).
    const resumed = await resumeDepartures(storage, session, browserDepartureServer).catch(() => [])
    void reencryptAll(resumed.flatMap((d) => d.rotations.map((r) => ({ realm: r.realm, fromEpoch: r.fromEpoch }))))
    if (session.role === 'admin') {
      await finishPendingDepartures(storage, session, browserDepartureServer).catch(() => undefined) // offline: next time
    }
    void reencryptAll(await storage.reencrypt.pending())
  }

  /** CONF-9: re-seals older records realm by realm in the background; progress shows on the page. */
  async function reencryptAll(jobs: { realm: string; fromEpoch: number }[]) {
    queued.push(...jobs.filter((j) => !queued.some((q) => q.realm === j.realm)))
    if (reencrypting || queued.length === 0) return
    const controller = (reencrypting = new AbortController())
    try {
      for (let job = queued.shift(); job && !controller.signal.aborted; job = queued.shift()) {
        await reencryptRealm(storage, job.realm, job.fromEpoch, {
          signal: controller.signal,
          onProgress: (p) => {
            if (!controller.signal.aborted) reencryption.value = { ...reencryption.value, [p.realm]: p }
          },
        })
      }
    } finally {
      if (reencrypting === controller) reencrypting = undefined
    }
  }

  async function deactivate(userId: string) {
    const session = useSessionStore().session
    if (!session) throw new Error('Locked')
    const { browserDepartureServer } = await import('@/sync/browser-departure')
    const result = await deactivateStaff(storage, session, userId, browserDepartureServer)
    await load()
    if (result.ok) void reencryptAll(result.rotations.map((r) => ({ realm: r.realm, fromEpoch: r.fromEpoch })))
    return result
  }

  async function create(input: NewStaff) {
    const session = useSessionStore().session
    if (!session) throw new Error('Locked')
    const result = await createStaff(storage, session, input)
    if (!result.ok) return { ...result, serverProblem: undefined }
    await load()
    // The server account lets the new user sign in from any device; without it they work on this device only.
    let serverProblem: string | undefined
    try {
      const { askForTechnicianDatabase, createStaffServerAccount } = await import('@/sync/organisation-server')
      await createStaffServerAccount(result.userId, result.serverPassword, input.role)
      // Issue 15 §3: the server makes a technician's own database for their account (server/provision/tech-realms.js).
      if (result.techRealm) await askForTechnicianDatabase(result.userId, session.userId)
    } catch (e) {
      serverProblem = e instanceof Error ? e.message : String(e)
    }
    return { ...result, serverProblem }
  }

  /** REC-1: sets or clears a colleague's department (staff-department.ts), then reads the list again. */
  async function setDepartment(userId: string, department: string) {
    const session = useSessionStore().session
    if (!session) throw new Error('Locked')
    const result = await setStaffDepartment(storage, session, userId, department)
    if (result.ok) await load()
    return result
  }

  return { rows, load, create, deactivate, resume, reencryption, fingerprint, setDepartment }
})
