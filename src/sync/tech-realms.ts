import { failure, signinRequestOutcome, signinRequestUrl, type SigninOutcome } from './member-signins'

/**
 * Issue 15 §3: what the device of the admin or manager who created a technician says to the sync server, in the
 * CouchDB HTTP API only: `tech-realm:<userId>` in `lobby_signin` asks the server's follower
 * (server/provision/tech-realms.js) for the technician's own database, which it makes once the technician's server
 * account exists. Nothing secret in it: the realm key never leaves the devices (identity/tech-realms.ts).
 */

type Fetch = typeof fetch

const json = { Accept: 'application/json', 'Content-Type': 'application/json' }
const requestId = (userId: string) => `tech-realm:${userId}`

/** Writes the request for `userId`'s database (over a refused one: the account was made since). */
export async function askForTechRealm(base: string, request: { userId: string; by: string; at: number }, fetchFn: Fetch = fetch): Promise<void> {
  const url = signinRequestUrl(base, requestId(request.userId))
  const current = await fetchFn(url, { credentials: 'include', headers: json })
  if (!current.ok && current.status !== 404) throw await failure(current)
  const rev = current.ok ? ((await current.json()) as { _rev?: string })._rev : undefined
  const res = await fetchFn(url, {
    method: 'PUT',
    credentials: 'include',
    headers: json,
    body: JSON.stringify({ _id: requestId(request.userId), type: 'tech-realm', ...request, ...(rev ? { _rev: rev } : {}) }),
  })
  if (!res.ok) throw await failure(res)
}

/** Whether the follower made the database yet (it deletes the request) or refused it; waits up to `timeoutMs`. */
export function techRealmOutcome(base: string, userId: string, options: { timeoutMs?: number; fetchFn?: Fetch; pauseMs?: number } = {}): Promise<SigninOutcome> {
  return signinRequestOutcome(base, requestId(userId), options)
}
