import type { EpochClaim, EpochClaimant } from './epoch-claim'
import { databaseNameFor } from './remote-names'
import { disableServerAccount } from './server-account'

/**
 * The sync server's part of a departure, done with the acting admin's server
 * session (`browserDepartureServer` in `sync/browser-departure.ts`): disable the server account and withdraw
 * the public pre-login document. CouchDB lets only `_users` administrators
 * (role admin) change another user's account.
 */
export interface DepartureServer {
  disable(target: { userId: string; login: string }): Promise<void>
  /** Whether the pre-login document is already withdrawn (the server part is done). */
  withdrawn(login: string): Promise<boolean>
  /** Issue 9 §5: claims a key epoch for this user on this device before a rotation mints it (`sync/epoch-claim.ts`). */
  claimEpoch?(kid: string, claimant: EpochClaimant): Promise<EpochClaim>
}

/**
 * CONF-9 on the sync server. A departed user's server account is disabled
 * (`disableServerAccount`) and their public pre-login document withdrawn: a
 * new device can no longer even find them, and their old device, refused at
 * sign-in, can tell "deactivated" from "wrong password" by looking for it.
 */
const loginUrl = (base: string, login: string) => `${base}${databaseNameFor('public')}/${encodeURIComponent(`login:${login}`)}`

/**
 * Deletes the public pre-login document (admins only, by the server's rules),
 * every leaf of it: a user who republished theirs from another device may have
 * left a conflict, and deleting only the winner would bring the other back.
 * Already gone is fine.
 */
export async function withdrawLogin(base: string, login: string, fetchFn: typeof fetch = fetch): Promise<void> {
  const url = loginUrl(base, login)
  const current = await fetchFn(`${url}?open_revs=all`, { credentials: 'include', headers: { Accept: 'application/json' } })
  if (current.status === 404) return
  if (!current.ok) throw Object.assign(new Error(`pre-login document: ${current.status}`), { status: current.status })
  const leaves = ((await current.json()) as { ok?: { _rev: string; _deleted?: boolean } }[]).flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok._rev] : []))
  for (const rev of leaves) {
    const res = await fetchFn(`${url}?rev=${encodeURIComponent(rev)}`, { method: 'DELETE', credentials: 'include', headers: { Accept: 'application/json' } })
    if (!res.ok && res.status !== 409) {
      const body = (await res.json().catch(() => ({}))) as { reason?: string }
      throw Object.assign(new Error(body.reason ?? `pre-login document: ${res.status}`), { status: res.status })
    }
  }
}

/** The server part of a departure, with the signed-in admin's session. */
export async function disableDepartedAccount(base: string, target: { userId: string; login: string }, fetchFn: typeof fetch = fetch): Promise<void> {
  await disableServerAccount(base, target.userId, fetchFn)
  await withdrawLogin(base, target.login, fetchFn)
}

/**
 * Whether the account's pre-login document was deleted (not merely never
 * published): the account was deactivated. Every leaf of a deleted document is
 * a tombstone (CouchDB also says `deleted` on a plain read; PouchDB says `missing`).
 */
export async function loginWithdrawn(base: string, login: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await fetchFn(`${loginUrl(base, login)}?open_revs=all`, { credentials: 'omit', headers: { Accept: 'application/json' } })
    if (!res.ok) return false
    const leaves = (await res.json()) as { ok?: { _deleted?: boolean } }[]
    return Array.isArray(leaves) && leaves.length > 0 && leaves.every((l) => l.ok?._deleted === true)
  } catch {
    return false // offline: say nothing more than "refused"
  }
}

/**
 * Why the server refused this user's sign-in, in the sync status's `detail`:
 * `deactivated` when their account was withdrawn, `not-connected` when it was
 * never published there, else the server's reason.
 */
export async function refusalDetail(base: string, login: string | undefined, reason: string, fetchFn: typeof fetch = fetch): Promise<string> {
  if (!login) return reason
  if (await loginWithdrawn(base, login, fetchFn)) return 'deactivated'
  return (await loginNeverPublished(base, login, fetchFn)) ? 'not-connected' : reason
}

/** No pre-login document at all: this organisation (or this account) has not been connected to this server yet. */
async function loginNeverPublished(base: string, login: string, fetchFn: typeof fetch): Promise<boolean> {
  try {
    return (await fetchFn(loginUrl(base, login), { credentials: 'omit', headers: { Accept: 'application/json' } })).status === 404
  } catch {
    return false
  }
}
