/**
 * Issue 14 (BB-11, CONF-11): members' server accounts and personal databases, made on request, the way CouchDB's
 * `couch_peruser` makes a database per user — but only for requests staff wrote, and with Lobby's `_security` and
 * validation. A CouchDB user can create nothing but role-less accounts, and no user can create a database; the
 * staff at the desk can. So staff write `member-signin:<userId>` into `lobby_signin` (readable and writable only by
 * the roles that serve members), and this follower, holding a server admin's credentials, turns each into:
 *
 * - the member's server account (`_users`): name = the member's user id, role `member`, the password the one-time
 *   code derives, and the member's keyring locked under that code (`lobby_keyring`), which only the member and
 *   `_users`' admins read. The member replaces both with one PUT of their own user document at first sign-in;
 * - their database `lobby_member_<hex of id>` with `_security` naming them and the serving roles, and
 *   `_design/lobby` (provisionPersonalRealm);
 * - and then deletes the request. A request it cannot take is stripped of its secrets and marked `refused`.
 *
 * The embedded server runs it in-process (embedded.js); beside Apache CouchDB it is
 * `npm run provision -- --follow`. Codes nobody used in time are ended by `expireMemberCodes`.
 */
import { randomBytes } from 'node:crypto'
import { CouchError, dbPath, docPath } from './http-client.js'
import { provisionPersonalRealm } from './databases.js'
import { DEFAULT_PREFIX, databaseNameFor } from './names.js'
import { applyTechRealm } from './tech-realms.js'

/** @typedef {import('./http-client.js').CouchClient} CouchClient */

/**
 * BB-11: how long a one-time code works, counted by the server's clock from when the follower takes the request (a
 * desk tablet's clock may be wrong; the request's own `expiresAt` is what the desk tells the member).
 */
export const CODE_LIFETIME_MS = 7 * 24 * 3600_000

/** A member's user id, as the app derives it from the organisation and sign-in name (src/identity/member-ids.ts). */
export const MEMBER_USER_ID = /^m-[A-Za-z0-9_-]{22}$/
const USERS = '_users'
const userDocId = (/** @type {string} */ name) => `org.couchdb.user:${name}`

/** @param {unknown} roles */
const isMemberRoles = (roles) => Array.isArray(roles) && roles.length === 1 && roles[0] === 'member'

/**
 * Why a request cannot be taken, or null.
 * @param {any} doc @param {any} existing the user document it would change, if any @param {number} _now
 */
export function signinRefusal(doc, existing, _now) {
  if (typeof doc.userId !== 'string' || !MEMBER_USER_ID.test(doc.userId)) return 'not-a-member-id'
  if (doc._id !== `member-signin:${doc.userId}`) return 'wrong-id'
  if (typeof doc.password !== 'string' || doc.password.length < 16) return 'no-password'
  if (!doc.keyring || typeof doc.keyring !== 'object') return 'no-keyring'
  // Never a staff member's (or a disabled) account: only a new one, or one that is a member's.
  if (existing && !isMemberRoles(existing.roles)) return 'not-a-member-account'
  return null
}

/**
 * Applies one request; returns what happened.
 * @param {CouchClient} client a server admin's client
 * @param {any} doc the request as stored (with `_rev`)
 * @param {{ prefix?: string, now?: number }} [options]
 * @returns {Promise<{ outcome: 'applied', database: string } | { outcome: 'refused', reason: string }>}
 */
export async function applyMemberSignin(client, doc, { prefix = DEFAULT_PREFIX, now = Date.now() } = {}) {
  const signins = dbPath(databaseNameFor('signin', prefix))
  const userId = typeof doc.userId === 'string' ? doc.userId : ''
  const existing = MEMBER_USER_ID.test(userId)
    ? (await client.request('GET', docPath(USERS, userDocId(userId)), { ok: [404] })).body
    : null
  const found = existing && !existing.error ? existing : null
  const refusal = signinRefusal(doc, found, now)
  if (refusal) {
    // Kept (so the desk can tell why) without the secrets; the next request for this member replaces it.
    const { _id, _rev, type, by, at, expiresAt } = doc
    await client.request('PUT', `${signins}/${encodeURIComponent(_id)}`, { body: { _id, _rev, type, userId, by, at, expiresAt, refused: refusal }, ok: [409] })
    return { outcome: 'refused', reason: refusal }
  }
  await client.request('PUT', docPath(USERS, userDocId(userId)), {
    body: {
      ...(found ?? { _id: userDocId(userId), name: userId, type: 'user' }),
      roles: ['member'],
      password: doc.password,
      lobby_keyring: doc.keyring,
      lobby_code_expires: now + CODE_LIFETIME_MS,
    },
  })
  const { database } = await provisionPersonalRealm(client, 'member', userId, { prefix })
  // 409: staff asked again meanwhile (a new code): that change comes next and wins.
  await client.request('DELETE', `${signins}/${encodeURIComponent(doc._id)}?rev=${encodeURIComponent(doc._rev)}`, { ok: [404, 409] })
  return { outcome: 'applied', database }
}

/**
 * A one-time code nobody used before it expired stops working: the account gets a random password and loses the
 * keyring locked under the code. A member who set their own password removed `lobby_code_expires` then.
 * @param {CouchClient} client @param {number} [now]
 * @returns {Promise<string[]>} the user ids whose codes ended
 */
export async function expireMemberCodes(client, now = Date.now()) {
  const query = new URLSearchParams({ include_docs: 'true', startkey: JSON.stringify('org.couchdb.user:m-'), endkey: JSON.stringify('org.couchdb.user:m-\ufff0') })
  const { body } = await client.request('GET', `${dbPath(USERS)}/_all_docs?${query}`)
  const ended = []
  for (const row of body.rows) {
    const doc = row.doc
    if (!doc || !isMemberRoles(doc.roles) || !Number.isSafeInteger(doc.lobby_code_expires) || doc.lobby_code_expires > now) continue
    const { lobby_keyring: _keyring, lobby_code_expires: _expires, ...rest } = doc
    const res = await client.request('PUT', docPath(USERS, doc._id), { body: { ...rest, password: randomBytes(32).toString('base64url') }, ok: [409] })
    if (res.status !== 409) ended.push(doc.name)
  }
  return ended
}

/**
 * Follows `lobby_signin` and applies each request as it comes, until `signal` aborts: members' sign-ins, and
 * (issue 15) technicians' own databases (tech-realms.js). Errors (the server restarting, a refused write) are
 * reported and the feed is read again after a pause.
 * @param {CouchClient} client a server admin's client
 * @param {{ prefix?: string, signal: AbortSignal, onEvent?: (event: { kind: 'applied' | 'refused' | 'error', detail: string }) => void, expireEveryMs?: number }} options
 */
export async function followMemberSignins(client, { prefix = DEFAULT_PREFIX, signal, onEvent = () => {}, expireEveryMs = 10 * 60_000 }) {
  const signins = dbPath(databaseNameFor('signin', prefix))
  let since = '0'
  let nextExpiry = 0
  while (!signal.aborted) {
    try {
      if (Date.now() >= nextExpiry) {
        nextExpiry = Date.now() + expireEveryMs
        for (const userId of await expireMemberCodes(client)) onEvent({ kind: 'applied', detail: `code expired: ${userId}` })
      }
      const query = new URLSearchParams({ feed: 'longpoll', since, include_docs: 'true', timeout: '20000' })
      const { body } = await client.request('GET', `${signins}/_changes?${query}`)
      if (signal.aborted) break
      for (const change of body.results ?? []) {
        const doc = change.doc
        if (!doc || doc._deleted || doc.refused) continue
        const apply = doc.type === 'member-signin' ? applyMemberSignin : doc.type === 'tech-realm' ? applyTechRealm : undefined
        if (!apply) continue
        const result = await apply(client, doc, { prefix })
        onEvent(result.outcome === 'applied' ? { kind: 'applied', detail: result.database } : { kind: 'refused', detail: `${doc._id}: ${result.reason}` })
      }
      since = String(body.last_seq ?? since)
    } catch (err) {
      if (signal.aborted) break
      // A quiet feed: the embedded server does not end a long poll at `timeout`, so the client's own timeout does.
      if (/** @type {any} */ (err)?.cause?.name === 'TimeoutError') continue
      onEvent({ kind: 'error', detail: err instanceof CouchError ? err.message : String(err) })
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
}
