import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { StaffRole } from '@/core/access/roles'
import { onLock, useSessionStore } from '@/features/auth/session.store'
import { createStaff, type NewStaff } from '@/features/auth/staff-accounts'
import { storage } from '@/storage/session-keys'

export interface StaffRow {
  userId: string
  name: string
  username: string
  role: StaffRole
  status: 'active' | 'deactivated' | 'pending'
}

/** Staff accounts for the admin screen; names come from the encrypted directory and are dropped on lock. */
export const useStaffStore = defineStore('staff', () => {
  const rows = ref<StaffRow[]>([])
  onLock(() => (rows.value = []))

  async function load() {
    const accounts = await storage.accounts.listAccounts()
    const out: StaffRow[] = []
    for (const a of accounts) {
      const profile = await storage.staff.get(`staff:${a.userId}`).catch(() => undefined)
      out.push({
        userId: a.userId,
        name: profile?.name ?? '—',
        username: profile?.username ?? '—',
        role: a.role,
        status: a.status === 'deactivated' ? 'deactivated' : a.setup === 'pending' ? 'pending' : 'active',
      })
    }
    rows.value = out.sort((x, y) => x.name.localeCompare(y.name))
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
      const { createStaffServerAccount } = await import('@/sync/organisation-server')
      await createStaffServerAccount(result.userId, result.serverPassword, input.role)
    } catch (e) {
      serverProblem = e instanceof Error ? e.message : String(e)
    }
    return { ...result, serverProblem }
  }

  return { rows, load, create }
})
