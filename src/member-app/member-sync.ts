import { keySourceFrom } from '@/storage/keyring-key-source'
import type { SelfDevice } from '@/storage/self-device'
import { databaseNameFor } from '@/sync/remote-names'
import { loadBrowserPouch } from '@/sync/pouch-port'
import { serverLogin } from '@/sync/server-session'
import { createSyncEngine } from '@/sync/sync-engine'
import type { MemberSession } from '@/identity/member-sign-in'

export const serverBase = new URL('/db/', location.origin).href

export type MemberSyncState = 'idle' | 'syncing' | 'offline' | 'error'

/**
 * Issue 14 (CONF-11): the member's phone replicates one database, their own: views down, their requests (disputes,
 * objections) up. Nothing else is pulled: not the public database (its organisation document is fetched by id),
 * not any staff realm. A round runs at sign-in, when the network comes back, and every two minutes while open.
 */
export function createMemberSync(device: SelfDevice, session: () => MemberSession | undefined, onRound: () => void, onState: (state: MemberSyncState) => void) {
  let running: Promise<void> | undefined
  let again = false

  async function round(): Promise<void> {
    const s = session()
    if (!s) return
    const realm = `member:${s.userId}`
    const engine = createSyncEngine({
      db: device.db,
      Pouch: await loadBrowserPouch(),
      remoteBase: serverBase,
      remoteFetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
      keys: () => (session() ? keySourceFrom(s.keyring) : undefined),
      channels: [{ database: databaseNameFor(realm), tables: ['records'], realm, push: true, pull: true }],
      cursors: device.syncPort.cursors,
      quarantine: device.syncPort.quarantine,
    })
    try {
      onState('syncing')
      let status = await engine.runOnce()
      // Signed in offline (or the cookie ran out): sign in to the server with what the password derived, once.
      if (status.state !== 'idle' && s.serverPassword && (await serverLogin(serverBase, s.userId, s.serverPassword)).ok) status = await engine.runOnce()
      onState(status.state === 'idle' ? 'idle' : navigator.onLine ? 'error' : 'offline')
      onRound()
    } finally {
      await engine.close()
    }
  }

  /** Runs a round now, or right after the one running. */
  function sync(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = round().finally(() => {
      running = undefined
      if (again) {
        again = false
        void sync()
      }
    })
    return running
  }

  const timer = setInterval(() => void sync(), 120_000)
  const online = () => void sync()
  addEventListener('online', online)
  return {
    sync,
    stop() {
      clearInterval(timer)
      removeEventListener('online', online)
    },
  }
}
