/**
 * `_security` objects. Members read (and may write what validate_doc_update
 * allows); nobody is a database admin, so design documents and `_security`
 * stay with the server admins — except `_users`, whose admins (role `admin`)
 * create and change accounts.
 */
import { MEMBER_ROLE, STAFF_ROLES } from './rules.js'

/**
 * @typedef {{ names: string[], roles: string[] }} Section
 * @typedef {{ admins: Section, members: Section }} SecurityObject
 */

const none = () => ({ names: [], roles: [] })

/**
 * @param {import('./rules.js').DatabaseRules} rules
 * @returns {SecurityObject} empty members for a public database: anyone reads it
 */
export function securityFor(rules) {
  const readers = rules.readers
  return {
    admins: none(),
    members: readers ? { names: [...(readers.names ?? [])], roles: [...(readers.roles ?? [])] } : none(),
  }
}

/**
 * `_users`: role `admin` administers it (CouchDB's `_users` rules then let it
 * set roles and passwords on any account). Members are every Lobby role, so
 * signed-in users can read their own user document and change their password,
 * while anonymous clients cannot create accounts (CouchDB 3's default,
 * members `_admin` only, would stop users changing their own password).
 * A disabled account (no roles) is no member either.
 * @returns {SecurityObject}
 */
export function usersSecurity() {
  return {
    admins: { names: [], roles: ['admin'] },
    members: { names: [], roles: [...STAFF_ROLES, MEMBER_ROLE] },
  }
}

/** @param {any} section @returns {Section} */
function normalSection(section) {
  const list = (/** @type {unknown} */ value) => (Array.isArray(value) ? [...value].map(String).sort() : [])
  return { names: list(section?.names), roles: list(section?.roles) }
}

/**
 * Whether two security objects grant the same (CouchDB answers `{}` for an
 * empty one, and may order lists differently).
 * @param {any} a @param {any} b
 */
export function sameSecurity(a, b) {
  const norm = (/** @type {any} */ s) => JSON.stringify({ admins: normalSection(s?.admins), members: normalSection(s?.members) })
  return norm(a) === norm(b)
}
