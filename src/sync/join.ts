import { normaliseSetupCode } from '@/core/access/setup-code'
import { deriveFromSecret } from '@/crypto/kdf'
import { checkKdfParams } from '@/crypto/kdf-params'
import { loginHash } from '@/storage/sign-ins.repo'
import { checkRoot } from '@/storage/trust-root'
import { storage } from '@/storage/session-keys'
import type { LoginDoc, OrgDoc } from '@/storage/documents'
import { serverBase } from './browser-sync'
import { channelsFor } from './channels'
import { loadBrowserPouch } from './pouch-port'
import { databaseNameFor } from './remote-names'
import { serverLogin } from './server-session'
import { createSyncEngine } from './sync-engine'

export type JoinResult = { ok: true } | { ok: false; reason: 'no-server' | 'wrong-credentials' | 'network' | 'untrusted-root' }

async function getJson<T>(path: string): Promise<{ status: number; body?: T }> {
  const res = await fetch(`${serverBase}${path}`, { credentials: 'include', headers: { Accept: 'application/json' } })
  return { status: res.status, body: res.ok ? ((await res.json()) as T) : undefined }
}

/**
 * A new device joins the organisation on this server: it reads the public
 * organisation and pre-login documents, derives the server password from what
 * the user typed (passphrase or setup code), signs in to the server and fetches
 * the accounts and keyrings. Signing in to the app then works as on any device.
 */
export async function joinFromServer(username: string, secret: string): Promise<JoinResult> {
  try {
    const org = await getJson<OrgDoc>(`${databaseNameFor('public')}/org`)
    if (!org.body) return { ok: false, reason: org.status === 404 ? 'no-server' : 'network' }
    const login = await getJson<LoginDoc>(`${databaseNameFor('public')}/${encodeURIComponent(`login:${await loginHash(org.body.orgId, username)}`)}`)
    if (!login.body) return { ok: false, reason: 'wrong-credentials' }
    const kdf = checkKdfParams(login.body.kdf)
    let signedIn = false
    for (const candidate of [secret, normaliseSetupCode(secret)]) {
      const { serverPassword } = await deriveFromSecret(candidate, kdf)
      if ((await serverLogin(serverBase, login.body.userId, serverPassword)).ok) {
        signedIn = true
        break
      }
    }
    if (!signedIn) return { ok: false, reason: 'wrong-credentials' }
    // The revision travels with the document: this device's own update (first sign-in) is based on it.
    await storage.signIns.keepLogin(login.body)
    const port = storage.syncPort
    const engine = createSyncEngine({
      db: port.db,
      Pouch: await loadBrowserPouch(),
      remoteBase: serverBase,
      remoteFetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
      keys: () => undefined,
      channels: channelsFor([], false),
      cursors: port.cursors,
      quarantine: port.quarantine,
    })
    const status = await engine.runOnce()
    await engine.close()
    if (status.state !== 'idle') return { ok: false, reason: 'network' }
    // CONF-9: the root of trust is pinned now (first join: trust on first use, to compare by fingerprint);
    // a device that pinned another one before refuses this server's organisation.
    return (await checkRoot(storage)).status === 'mismatch' ? { ok: false, reason: 'untrusted-root' } : { ok: true }
  } catch {
    return { ok: false, reason: 'network' }
  }
}
