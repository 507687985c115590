import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useSessionStore } from '@/identity/session.store'
import { useNetworkStatus } from '@/platform/network-status'
import type { SyncStatus } from '@/sync/sync-status'

/** The pending count stops here (sync-engine.ts): the status says "1,000+". */
export { pendingCountCap } from '@/sync/sync-status'

export type ShownSyncStatus = SyncStatus & { leader: boolean }

/**
 * Sync follows the session: it starts when someone signs in or unlocks and
 * stops when the app locks or signs out. The engine (and PouchDB) load lazily.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<ShownSyncStatus>({ state: 'signed-out', pending: 0, leader: false })
  let running: { stop: () => void; now: () => void } | undefined

  const session = useSessionStore()
  const network = useNetworkStatus()
  watch(
    () => session.session,
    async (s) => {
      running?.stop()
      running = undefined
      if (!s) {
        status.value = { ...status.value, state: 'signed-out' }
        return
      }
      const { startBrowserSync } = await import('@/sync/browser-sync')
      if (session.session !== s) return // locked again while loading
      running = startBrowserSync({
        userId: s.userId,
        role: s.role,
        serverPassword: s.serverPassword,
        afterChannel: async (ch) => {
          if (ch.tables.includes('keyrings')) await session.absorbGrants() // CONF-9: before the realms sealed with them
        },
        onStatus: (next) => {
          status.value = next
          // A round that could not reach the server: let the network indicator ask at once.
          if (next.error === 'network') void network.probeNow()
          // CONF-10: the device has wiped its data; nothing is left to work with here.
          if (next.state === 'revoked') void session.signOut().then(() => window.location.replace('/welcome?revoked=1'))
        },
      })
    },
    { immediate: true },
  )

  return { status, syncNow: () => running?.now() }
})
