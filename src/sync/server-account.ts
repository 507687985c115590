import { randomBytes, toBase64Url } from '@/crypto/bytes'

/**
 * The signed-in user's own account on the sync server, and (for admins, whom
 * provisioning makes admins of `_users`) the accounts of the staff they create.
 * Only the CouchDB HTTP API: works with the embedded server and Apache CouchDB.
 */
const userDoc = (base: string, name: string) => `${base}_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`

async function failure(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { reason?: string; error?: string }
  return Object.assign(new Error(body.reason ?? body.error ?? res.statusText), { status: res.status })
}

/** Creates a server user (name = the Lobby user id, password = the derived server password). */
export async function createServerAccount(
  base: string,
  account: { name: string; password: string; roles: string[] },
  auth?: { name: string; password: string },
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
  if (auth) headers.Authorization = `Basic ${btoa(`${auth.name}:${auth.password}`)}`
  const res = await fetchFn(userDoc(base, account.name), {
    method: 'PUT',
    headers,
    credentials: auth ? 'omit' : 'include',
    body: JSON.stringify({ _id: `org.couchdb.user:${account.name}`, name: account.name, type: 'user', roles: account.roles, password: account.password }),
  })
  if (!res.ok) throw await failure(res)
}

/** Moves the signed-in user's server account to a new password (after they replace a setup code or change passphrase). */
export async function changeOwnServerPassword(base: string, name: string, password: string, fetchFn: typeof fetch = fetch): Promise<void> {
  const url = userDoc(base, name)
  const current = await fetchFn(url, { credentials: 'include', headers: { Accept: 'application/json' } })
  if (!current.ok) throw await failure(current)
  const doc = (await current.json()) as Record<string, unknown>
  const res = await fetchFn(url, {
    method: 'PUT',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...doc, password }),
  })
  if (!res.ok) throw await failure(res)
}

/**
 * CONF-9: stops a departed user's server account, as server/provision/users.js
 * `disableServerUser` does, with the signed-in admin's session (role admin
 * administers `_users`): no roles (a member of no Lobby database) and a random
 * password nobody knows, which also ends their open sessions. The document
 * stays, so the name cannot be taken again.
 */
export async function disableServerAccount(base: string, name: string, fetchFn: typeof fetch = fetch): Promise<void> {
  const url = userDoc(base, name)
  const current = await fetchFn(url, { credentials: 'include', headers: { Accept: 'application/json' } })
  if (!current.ok) throw await failure(current)
  const doc = (await current.json()) as Record<string, unknown>
  const password = toBase64Url(randomBytes(32))
  const res = await fetchFn(url, {
    method: 'PUT',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...doc, roles: [], password }),
  })
  if (!res.ok) throw await failure(res)
}
