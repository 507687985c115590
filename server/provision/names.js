/**
 * Database names. CouchDB accepts `^[a-z][a-z0-9_$()+/-]*$` (at most 238
 * characters), so a realm name cannot always be used as it is: user ids are
 * base64url, with capitals. A personal realm's database is named after the
 * hexadecimal UTF-8 of the user id — collision-free, and the same scheme
 * CouchDB's own per-user databases use (`userdb-<hex>`):
 *
 *   desk           → lobby_desk
 *   member:Ab-3_x  → lobby_member_41622d335f78
 *   tech:Ab-3_x    → lobby_tech_41622d335f78
 */
import { personalRealms } from '../../src/core/access/access-policy.js'
import { FIXED_REALMS, parsePersonalRealm } from './rules.js'

export const DEFAULT_PREFIX = 'lobby_'
const COUCH_NAME = /^[a-z][a-z0-9_$()+/-]*$/
const MAX_NAME_LENGTH = 238

/** @param {string} prefix @returns {string} the prefix, checked */
export function checkPrefix(prefix) {
  if (prefix !== '' && !/^[a-z][a-z0-9_$()+-]*$/.test(prefix)) {
    throw new Error(`Not a database name prefix (lowercase letter first, then a-z 0-9 _ $ ( ) + -): ${prefix}`)
  }
  return prefix
}

/**
 * @param {string} realm `public`, `org`, `directory`, `desk`, `accounts`, `field`, `audit`, `member:<userId>` or `tech:<userId>`
 * @param {string} [prefix]
 * @returns {string}
 */
export function databaseNameFor(realm, prefix = DEFAULT_PREFIX) {
  checkPrefix(prefix)
  const personal = parsePersonalRealm(realm)
  let name
  if (personal) {
    name = `${prefix}${personal.kind}_${Buffer.from(personal.userId, 'utf8').toString('hex')}`
  } else if (Object.hasOwn(FIXED_REALMS, realm)) {
    name = `${prefix}${realm}`
  } else {
    throw new Error(`Unknown realm: ${realm}`)
  }
  if (!COUCH_NAME.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new Error(`Realm ${realm} gives no valid database name (${name.length} characters)`)
  }
  return name
}

/**
 * @param {'member' | 'tech'} kind
 * @param {string} userId the user's server name
 * @returns {string} the realm, e.g. `member:<userId>`
 */
export function personalRealm(kind, userId) {
  if (!Object.hasOwn(personalRealms, kind)) throw new Error(`Not a personal realm kind: ${kind}`)
  if (typeof userId !== 'string' || userId === '') throw new Error('A personal realm needs a user id')
  return `${kind}:${userId}`
}
