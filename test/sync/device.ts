import 'fake-indexeddb/auto'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { createTestStorage } from '../../src/storage/testing'
import { channelsFor } from '../../src/sync/channels'
import { serverLogin } from '../../src/sync/server-session'
import { createSyncEngine, type SyncEngineDeps } from '../../src/sync/sync-engine'
import type { Session } from '../../src/identity/session'
import { replicatedRealms } from '../../src/core/access/realm-access'
import { readsAudit } from '../../src/core/access/roles'
import { nodePouch } from './node-pouch'

/** A simulated device: its own IndexedDB (fake), its own PouchDB namespace, its own server cookie. */
export function testDevice(base: string) {
  const t = createTestStorage()
  let cookie = ''
  const remoteFetch: typeof fetch = (url, init = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    return fetch(url, { ...init, headers })
  }
  const loginFetch: typeof fetch = async (url, init) => {
    const res = await fetch(url, init)
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    return res
  }
  const Pouch = nodePouch()
  let online = true
  const offlineAware: typeof fetch = (url, init) => (online ? remoteFetch(url, init) : Promise.reject(new TypeError('fetch failed: offline')))

  async function engineFor(session: Pick<Session, 'role' | 'keyring' | 'userId'> | undefined, realms?: string[], extra: Partial<SyncEngineDeps> = {}) {
    const role = session?.role ?? 'frontdesk'
    if (session) await t.storage.claimDevice(session.userId)
    return createSyncEngine({
      db: t.db,
      Pouch,
      remoteBase: base,
      remoteFetch: offlineAware,
      keys: () => (session ? keySourceFrom(session.keyring) : undefined),
      // As the app: the shared realms of the role and (issue 15) the technicians' databases whose keys are held now.
      channels: realms
        ? channelsFor(realms, readsAudit(role), undefined, session?.userId)
        : () => channelsFor(replicatedRealms({ role, userId: session?.userId ?? '' }, session ? keySourceFrom(session.keyring).realms!() : []), readsAudit(role), undefined, session?.userId),
      cursors: {
        get: async (db) => (await t.db.local.get(`cursor:${db}`))?.value as number | undefined,
        set: async (db, seq) => void (await t.db.local.put({ key: `cursor:${db}`, value: seq })),
      },
      quarantine: async (database, doc, reason) =>
        void (await t.db.quarantine.put({ key: `${database}|${doc._id}|${doc._rev}`, database, docId: doc._id, rev: String(doc._rev), reason, at: new Date().toISOString(), doc })),
      onMerged: async (docId) => void (await t.storage.audit.append({ action: 'conflict.merge', by: session ? keySourceFrom(session.keyring).userId : 'unknown', recordId: docId })),
      ...extra,
    })
  }

  return {
    ...t,
    login: (name: string, password: string) => serverLogin(base, name, password, loginFetch),
    /** A request to the server with this device's session cookie. */
    request: (path: string, init?: RequestInit) => remoteFetch(`${base}${path}`, init),
    /** fetch with this device's session cookie (for helpers that take a fetch function). */
    fetch: remoteFetch,
    /** Names of the databases this device opened through PouchDB (the server's, by URL; and any local one). */
    openedDatabases: () => [...Pouch.opened],
    Pouch,
    engineFor,
    setOnline: (value: boolean) => (online = value),
  }
}
