/**
 * Issue 15 §3: a technician's own database (`lobby_tech_<hex of id>`), made on request like a member's
 * (member-signins.js). No CouchDB user can create a database, so the admin or manager who creates a technician
 * writes `tech-realm:<userId>` into `lobby_signin`, and the follower, with a server admin's credentials:
 *
 * - checks that `_users` holds that account and that its roles are exactly `technician` (a request can never give a
 *   lead, a member or an unknown name a database of its own);
 * - provisions the database (provisionPersonalRealm): `_security` members name that user and the roles lead and
 *   manager, no database admins, and `_design/lobby`;
 * - deletes the request. A request it cannot take is marked `refused` with the reason (nothing in it is secret);
 *   asking again over it (the account made since) is taken like a new one.
 */
import { dbPath, docPath } from './http-client.js'
import { provisionPersonalRealm } from './databases.js'
import { DEFAULT_PREFIX, databaseNameFor } from './names.js'

/** @typedef {import('./http-client.js').CouchClient} CouchClient */

/** A staff user id, as the app makes it (src/identity/user-id.ts: `u` and 16 random bytes in base64url). */
export const STAFF_USER_ID = /^u[A-Za-z0-9_-]{22}$/

/** @param {unknown} roles */
const isTechnicianRoles = (roles) => Array.isArray(roles) && roles.length === 1 && roles[0] === 'technician'

/**
 * Why a request cannot be taken, or null.
 * @param {any} doc the request @param {any} user the `_users` document it names, or null when there is none
 */
export function techRealmRefusal(doc, user) {
  if (typeof doc.userId !== 'string' || !STAFF_USER_ID.test(doc.userId)) return 'not-a-staff-id'
  if (doc._id !== `tech-realm:${doc.userId}`) return 'wrong-id'
  if (!user) return 'no-account'
  if (!isTechnicianRoles(user.roles)) return 'not-a-technician'
  return null
}

/**
 * Applies one request; returns what happened.
 * @param {CouchClient} client a server admin's client
 * @param {any} doc the request as stored (with `_rev`)
 * @param {{ prefix?: string }} [options]
 * @returns {Promise<{ outcome: 'applied', database: string } | { outcome: 'refused', reason: string }>}
 */
export async function applyTechRealm(client, doc, { prefix = DEFAULT_PREFIX } = {}) {
  const signins = dbPath(databaseNameFor('signin', prefix))
  const userId = typeof doc.userId === 'string' ? doc.userId : ''
  const got = STAFF_USER_ID.test(userId) ? (await client.request('GET', docPath('_users', `org.couchdb.user:${userId}`), { ok: [404] })).body : null
  const user = got && !got.error ? got : null
  const refusal = techRealmRefusal(doc, user)
  const at = `${signins}/${encodeURIComponent(doc._id)}`
  if (refusal) {
    // 409: asked again meanwhile; that change comes next.
    await client.request('PUT', at, { body: { ...doc, refused: refusal }, ok: [409] })
    return { outcome: 'refused', reason: refusal }
  }
  const { database } = await provisionPersonalRealm(client, 'tech', userId, { prefix })
  await client.request('DELETE', `${at}?rev=${encodeURIComponent(doc._rev)}`, { ok: [404, 409] })
  return { outcome: 'applied', database }
}
