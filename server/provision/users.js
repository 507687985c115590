/**
 * Server accounts (`_users`) through the CouchDB API. The client may be a
 * server admin's or that of a user with role `admin` (a `_users` admin once
 * provisioned, see `usersSecurity`). A Lobby user's server name is their
 * random user id; the password is derived from their passphrase on the
 * device (docs/security.md), so the server never sees the passphrase.
 */
import { randomBytes } from 'node:crypto'
import { CouchError, dbPath, docPath } from './http-client.js'
import { sameSecurity, usersSecurity } from './security.js'

/** @typedef {import('./http-client.js').CouchClient} CouchClient */

const USERS_DB = '_users'
const PREFIX = 'org.couchdb.user:'

/** @param {string} name */
function checkName(name) {
  // CouchDB's own `_users` rules; said here before the server says it less clearly.
  if (typeof name !== 'string' || name === '') throw new Error('A server user needs a name')
  if (name.startsWith('_')) throw new Error(`Server user names cannot start with "_": ${name}`)
  if (name.includes(':')) throw new Error(`Server user names cannot contain ":": ${name}`)
  return name
}

/** @param {unknown} roles @returns {string[]} */
function checkRoles(roles) {
  if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string' || role === '' || role.startsWith('_'))) {
    throw new Error('Roles are a list of names that do not start with "_"')
  }
  return [...roles]
}

/** @param {string} name */
const userDocPath = (name) => docPath(USERS_DB, PREFIX + name)

/**
 * @param {CouchClient} client
 * @param {{ name: string, password: string, roles?: string[] }} user
 * @returns {Promise<void>} throws a CouchError `conflict` (409) if the name is taken
 */
export async function createServerUser(client, { name, password, roles = [] }) {
  checkName(name)
  if (typeof password !== 'string' || password === '') throw new Error('A server user needs a password')
  await client.request('PUT', userDocPath(name), {
    body: { _id: PREFIX + name, name, type: 'user', roles: checkRoles(roles), password },
  })
}

/** @param {CouchClient} client @param {string} name */
async function userDoc(client, name) {
  const { body } = await client.request('GET', userDocPath(checkName(name)))
  return body
}

/**
 * Sets a new password (the server hashes it); roles stay as they are.
 * Sessions signed in with the old password stop working.
 * @param {CouchClient} client @param {string} name @param {string} password
 */
export async function setServerUserPassword(client, name, password) {
  if (typeof password !== 'string' || password === '') throw new Error('A server user needs a password')
  const doc = await userDoc(client, name)
  await client.request('PUT', userDocPath(name), { body: { ...doc, password } })
}

/**
 * Replaces a user's roles (an admin's job: CouchDB lets nobody else).
 * @param {CouchClient} client @param {string} name @param {string[]} roles
 */
export async function setServerUserRoles(client, name, roles) {
  const doc = await userDoc(client, name)
  await client.request('PUT', userDocPath(name), { body: { ...doc, roles: checkRoles(roles) } })
}

/**
 * Stops an account from signing in or syncing (CONF-9). CouchDB has no
 * "disabled" flag, so this removes every role (the account is then a member
 * of no Lobby database, `_users` included) and sets a random password nobody
 * knows. A new password changes the salt that CouchDB session cookies are
 * signed with, so open sessions end too. The document stays, so the name
 * cannot be taken by someone else, and `createServerUser` refuses it.
 * @param {CouchClient} client @param {string} name
 */
export async function disableServerUser(client, name) {
  const doc = await userDoc(client, name)
  await client.request('PUT', userDocPath(name), {
    body: { ...doc, roles: [], password: randomBytes(32).toString('base64url') },
  })
}

/**
 * @param {CouchClient} client
 * @returns {Promise<{ name: string, roles: string[] }[]>} every account, without password hashes
 */
export async function listServerUsers(client) {
  const query = new URLSearchParams({
    include_docs: 'true',
    startkey: JSON.stringify(PREFIX),
    endkey: JSON.stringify(`${PREFIX}\ufff0`),
  })
  const { body } = await client.request('GET', `${dbPath(USERS_DB)}/_all_docs?${query}`)
  return body.rows
    .filter((/** @type {any} */ row) => row.doc && row.doc.type === 'user')
    .map((/** @type {any} */ row) => ({ name: row.doc.name, roles: [...(row.doc.roles ?? [])] }))
}

/**
 * `_users` exists and has Lobby's `_security` (see `usersSecurity`).
 * CouchDB 3 refuses changes to `_users/_security` unless
 * `[couchdb] users_db_security_editable = true`; the error says so.
 * @param {CouchClient} client a server admin's client
 * @returns {Promise<{ database: string, action: string }[]>}
 */
export async function configureUsersDatabase(client) {
  const changes = []
  const { status } = await client.request('GET', dbPath(USERS_DB), { ok: [404] })
  if (status === 404) {
    await client.request('PUT', dbPath(USERS_DB), { ok: [412] })
    changes.push({ database: USERS_DB, action: 'created the database' })
  }
  const security = usersSecurity()
  const { body: current } = await client.request('GET', `${dbPath(USERS_DB)}/_security`)
  if (!sameSecurity(current, security)) {
    try {
      await client.request('PUT', `${dbPath(USERS_DB)}/_security`, { body: security })
    } catch (err) {
      if (err instanceof CouchError && err.status === 403) {
        err.message = `${err.message}\nCouchDB refuses to change _users/_security while [couchdb] users_db_security_editable is false. ` +
          'Set it to true, provision again, then set it back to false (docs/operations.md, "Provisioning").'
      }
      throw err
    }
    changes.push({ database: USERS_DB, action: 'set _security (role admin manages accounts)' })
  }
  return changes
}
