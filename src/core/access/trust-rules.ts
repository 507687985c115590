import { readsAudit, type Role } from './roles'
import { holdsRealmKey, technicianOf } from './tech-realms'

/**
 * CONF-9 root of trust: who may vouch for whose keys, and who may hand which
 * key to whom. Pure rules; the signatures themselves are checked in
 * `src/crypto/trust-chain.ts` and `src/identity/trust.ts`.
 */

/** Roles whose certificates count: the roles that create staff accounts. */
const certifiers: readonly Role[] = ['admin', 'manager']

/** Whether an account of `certifier` role may certify the keys of an account of `subject` role: an admin vouches for anyone, a manager for anyone but an admin. */
export function mayCertify(certifier: Role, subject: Role): boolean {
  if (!certifiers.includes(certifier)) return false
  return subject !== 'admin' || certifier === 'admin'
}

/** Whether an account of `role` may hold audit private keys: managers read the log, admins keep the key as its custodian. */
export const mayHoldAuditKeyRole = (role: Role): boolean => readsAudit(role) || role === 'admin'

/** A key a grant can carry: a realm key `realm:<epoch>` or an audit key `audit:<epoch>`. */
export type GrantedKid = { kind: 'realm'; realm: string; epoch: number } | { kind: 'audit'; epoch: number }

/**
 * Whether `grantor` may hand `kid` to `recipient` (roles as certified; `recipientId`
 * the recipient's user id): only those who create staff grant keys; a realm key
 * only of a realm both hold (the front desk never receives `accounts`; a
 * technician's realm `tech:<id>` goes to that technician, leads, managers and
 * admins, tech-realms.ts); an audit key only to someone who may hold it.
 */
export function mayGrant(grantor: Role, recipient: Role, kid: GrantedKid, recipientId = ''): boolean {
  if (!certifiers.includes(grantor)) return false
  if (kid.kind === 'audit') return mayHoldAuditKeyRole(recipient)
  return holdsRealmKey(grantor, '', kid.realm) && holdsRealmKey(recipient, recipientId, kid.realm)
}

/**
 * Epochs move one step at a time: a key of epoch `epoch` is taken in only when
 * the epoch before it is held and it is not held yet, and only for a safe
 * integer (no arithmetic on it can overflow). Issue 15: a technician's realm
 * (`opens`) reaches its leads and managers by grant in the first place, so when
 * no epoch of it is held any epoch opens it (a lead created after a rotation
 * whose creator lacked the key gets the newest one); then one step at a time.
 */
export function acceptableEpoch(held: readonly number[], epoch: number, { opens = false } = {}): boolean {
  if (!Number.isSafeInteger(epoch)) return false
  if (opens && held.length === 0) return epoch >= 1
  return epoch >= 2 && held.includes(epoch - 1) && !held.includes(epoch)
}

/** Whether grants of `kid` may open a realm not held yet (a technician's, issue 15). */
export const opensByGrant = (kid: GrantedKid): boolean => kid.kind === 'realm' && technicianOf(kid.realm) !== undefined

/** The epoch a rotation mints: one past the highest held, or undefined when that would not be a safe integer. */
export function nextEpochAfter(held: readonly number[]): number | undefined {
  const safe = held.filter((e) => Number.isSafeInteger(e) && e >= 0)
  const next = Math.max(0, ...safe) + 1
  return Number.isSafeInteger(next) ? next : undefined
}
