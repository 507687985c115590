/**
 * Creating Lobby's databases on a CouchDB-compatible server, idempotently:
 * each database is created if missing, its `_security` written only when it
 * differs, and its `_design/lobby` (validate_doc_update) only when changed.
 * Needs a server admin's client.
 */
import { CouchError, dbPath, docPath } from './http-client.js'
import { DEFAULT_PREFIX, databaseNameFor, personalRealm } from './names.js'
import { FIXED_REALMS, rulesFor } from './rules.js'
import { sameSecurity, securityFor } from './security.js'
import { configureUsersDatabase } from './users.js'
import { designDocFor } from './validate-source.js'

/** @typedef {import('./http-client.js').CouchClient} CouchClient */
/** @typedef {{ database: string, action: string }} Change */

/**
 * Creates the database unless it exists.
 * @param {CouchClient} client @param {string} db
 * @returns {Promise<boolean>} whether it was created
 */
export async function ensureDatabase(client, db) {
  const { status } = await client.request('GET', dbPath(db), { ok: [404] })
  if (status !== 404) return false
  // 412: someone else created it meanwhile.
  const created = await client.request('PUT', dbPath(db), { ok: [412] })
  return created.status !== 412
}

/**
 * @param {CouchClient} client @param {string} db
 * @param {import('./security.js').SecurityObject} security
 * @returns {Promise<boolean>} whether it was written
 */
export async function ensureSecurity(client, db, security) {
  const { body: current } = await client.request('GET', `${dbPath(db)}/_security`)
  if (sameSecurity(current, security)) return false
  await client.request('PUT', `${dbPath(db)}/_security`, { body: security })
  return true
}

/**
 * Writes the design document unless the stored one has the same content.
 * @param {CouchClient} client @param {string} db @param {{ _id: string } & Record<string, unknown>} ddoc
 * @returns {Promise<'created' | 'updated' | null>}
 */
export async function ensureDesignDoc(client, db, ddoc) {
  const { status, body: current } = await client.request('GET', docPath(db, ddoc._id), { ok: [404] })
  if (status !== 404 && sameContent(current, ddoc)) return null
  const body = status === 404 ? ddoc : { ...ddoc, _rev: current._rev }
  await client.request('PUT', docPath(db, ddoc._id), { body })
  return status === 404 ? 'created' : 'updated'
}

/** @param {Record<string, unknown>} stored @param {Record<string, unknown>} wanted */
function sameContent(stored, wanted) {
  const strip = (/** @type {Record<string, unknown>} */ doc) =>
    JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([key]) => key !== '_rev').sort(([a], [b]) => a.localeCompare(b))))
  return strip(stored) === strip(wanted)
}

/**
 * One realm's database, its `_security` and its `_design/lobby`.
 * @param {CouchClient} client @param {string} realm @param {string} [prefix]
 * @returns {Promise<Change[]>} what changed (nothing when it was already in place)
 */
export async function provisionRealm(client, realm, prefix = DEFAULT_PREFIX) {
  const database = databaseNameFor(realm, prefix)
  const rules = rulesFor(realm)
  /** @type {Change[]} */
  const changes = []
  try {
    if (await ensureDatabase(client, database)) changes.push({ database, action: 'created the database' })
    if (await ensureSecurity(client, database, securityFor(rules))) changes.push({ database, action: 'set _security' })
    const ddoc = await ensureDesignDoc(client, database, designDocFor(rules))
    if (ddoc) changes.push({ database, action: `${ddoc} _design/lobby (validate_doc_update)` })
  } catch (err) {
    if (err instanceof CouchError) err.message = `${database}: ${err.message}`
    throw err
  }
  return changes
}

/**
 * A personal realm (`member:<userId>` or `tech:<userId>`), on demand: when a
 * member or technician account is created. Readable by that user and the
 * staff roles that write it (server/provision/rules.js).
 * @param {CouchClient} client a server admin's client
 * @param {'member' | 'tech'} kind @param {string} userId the user's server name
 * @param {{ prefix?: string }} [options]
 * @returns {Promise<{ database: string, changes: Change[] }>}
 */
export async function provisionPersonalRealm(client, kind, userId, { prefix = DEFAULT_PREFIX } = {}) {
  const realm = personalRealm(kind, userId)
  return { database: databaseNameFor(realm, prefix), changes: await provisionRealm(client, realm, prefix) }
}

/**
 * Everything a Lobby server needs: `_users` (its `_security`), and the
 * databases of the fixed realms. Safe to run again at any time.
 * @param {CouchClient} client a server admin's client
 * @param {{ prefix?: string }} [options]
 * @returns {Promise<{ databases: string[], changes: Change[] }>}
 */
export async function provisionServer(client, { prefix = DEFAULT_PREFIX } = {}) {
  const realms = Object.keys(FIXED_REALMS)
  const databases = realms.map((realm) => databaseNameFor(realm, prefix))
  // Databases are independent: provisioned side by side (reported in order).
  const perRealm = await Promise.all(realms.map((realm) => provisionRealm(client, realm, prefix)))
  const changes = [...perRealm.flat(), ...await configureUsersDatabase(client)]
  return { databases, changes }
}
