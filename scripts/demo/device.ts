// IndexedDB for Node: must be installed before Dexie is first loaded.
import 'fake-indexeddb/auto'
import { normaliseSetupCode } from '@/core/access/setup-code'
import { replicatedRealms } from '@/core/access/realm-access'
import { readsAudit } from '@/core/access/roles'
import { deriveFromSecret } from '@/crypto/kdf'
import { checkKdfParams } from '@/crypto/kdf-params'
import type { Session } from '@/identity/session'
import { loginHash } from '@/storage/sign-ins.repo'
import { LobbyDb } from '@/storage/db'
import type { LoginDoc, OrgDoc } from '@/storage/documents'
import type { KeySource } from '@/storage/key-source'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createLobbyStorage } from '@/storage/lobby-storage'
import { channelsFor } from '@/sync/channels'
import { databaseNameFor } from '@/sync/remote-names'
import { changeOwnServerPassword } from '@/sync/server-account'
import { serverLogin } from '@/sync/server-session'
import { createSyncEngine, type SyncEngine } from '@/sync/sync-engine'
import { nodePouch } from '../../test/sync/node-pouch'

let devices = 0

/**
 * One simulated device in Node, wired like the app's: its own IndexedDB
 * (fake-indexeddb, in memory), its own PouchDB replicas (memory), its own
 * server session cookie, and the sync engine with the channels the browser
 * uses (src/sync/browser-sync.ts, src/sync/join.ts).
 */
export function demoDevice(base: string, label: string) {
  const db = new LobbyDb(`lobby-demo-${process.pid}-${++devices}`)
  let keys: KeySource | undefined
  const storage = createLobbyStorage(db, () => keys, `Lobby demo generator (${label})`)
  const Pouch = nodePouch()
  let cookie = ''
  /** fetch with this device's session cookie, renewed from every answer (the server slides its expiry). */
  const remoteFetch: typeof fetch = async (url, init = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const res = await fetch(url, { ...init, headers })
    const set = res.headers.get('set-cookie')
    if (set?.startsWith('AuthSession=')) cookie = set.split(';')[0]!
    return res
  }
  const login = (name: string, password: string) => serverLogin(base, name, password, remoteFetch)

  function engine(session: Session | undefined): SyncEngine {
    const port = storage.syncPort
    return createSyncEngine({
      db: port.db,
      Pouch,
      remoteBase: base,
      remoteFetch,
      keys: () => keys,
      // Before sign-in (join): the organisation, accounts and keyrings only; after: as browser-sync.ts.
      channels: session
        ? () => channelsFor(replicatedRealms({ role: session.role, userId: session.userId }, keys?.realms?.() ?? []), readsAudit(session.role), undefined, session.userId)
        : channelsFor([], false),
      cursors: port.cursors,
      quarantine: port.quarantine,
      onMerged: port.onMerged,
      observeClock: port.observeClock,
    })
  }

  /** One sync round that must succeed. */
  async function sync(session: Session | undefined, existing?: SyncEngine): Promise<void> {
    const e = existing ?? engine(session)
    const status = await e.runOnce()
    if (!existing) await e.close()
    if (status.state !== 'idle') throw new Error(`${label}: sync ${status.state}: ${status.error ?? ''} ${status.detail ?? ''}`)
  }

  async function getJson<T>(path: string): Promise<T | undefined> {
    const res = await remoteFetch(`${base}${path}`, { headers: { Accept: 'application/json' } })
    return res.ok ? ((await res.json()) as T) : undefined
  }

  /**
   * src/sync/join.ts in Node: read the organisation and the user's pre-login
   * document, derive the server password from what the user typed (passphrase
   * or setup code), sign in to the server, fetch accounts and keyrings.
   */
  async function join(username: string, secret: string): Promise<boolean> {
    const org = await getJson<OrgDoc>(`${databaseNameFor('public')}/org`)
    if (!org) throw new Error('The server has no organisation')
    const loginDoc = await getJson<LoginDoc>(`${databaseNameFor('public')}/${encodeURIComponent(`login:${await loginHash(org.orgId, username)}`)}`)
    if (!loginDoc) return false
    const kdf = checkKdfParams(loginDoc.kdf)
    for (const candidate of new Set([secret, normaliseSetupCode(secret)])) {
      const { serverPassword } = await deriveFromSecret(candidate, kdf)
      if ((await login(loginDoc.userId, serverPassword)).ok) {
        await storage.signIns.keepLogin(loginDoc) // with its revision, as src/sync/join.ts
        await sync(undefined)
        return true
      }
    }
    return false
  }

  /** src/sync/organisation-server.ts moveServerPassword, with this device's session. */
  async function moveServerPassword(userId: string, from: string, to: string): Promise<void> {
    if (!(await login(userId, from)).ok) throw new Error(`${label}: the setup code's server password was refused`)
    await changeOwnServerPassword(base, userId, to, remoteFetch)
    if (!(await login(userId, to)).ok) throw new Error(`${label}: the new server password was refused`)
  }

  /** Holds the session's keys, as the session store does on sign-in. */
  async function activate(session: Session): Promise<void> {
    keys = keySourceFrom(session.keyring)
    await storage.claimDevice(session.userId)
  }

  return { db, storage, fetch: remoteFetch, login, engine, sync, join, moveServerPassword, activate }
}

export type DemoDevice = ReturnType<typeof demoDevice>
