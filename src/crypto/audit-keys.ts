import { CryptoError } from './errors'

/**
 * CONF-9: the audit key pair has epochs too. `audit:<epoch>` names one pair;
 * documents written before epochs existed (an organisation without `auditKid`,
 * an entry without `akid`, a keyring with a bare `auditPrivateJwk`) mean epoch 1.
 */
export const firstAuditKid = 'audit:1'

const auditKidPattern = /^audit:([1-9]\d*)$/

/** The id of the audit key pair at `epoch` (an integer of at least 1). */
export function auditKeyId(epoch: number): string {
  if (!Number.isSafeInteger(epoch) || epoch < 1) throw new CryptoError('malformed', `audit epoch must be an integer of at least 1, got ${epoch}`)
  return `audit:${epoch}`
}

/** The epoch of an audit key id, or undefined when `kid` is not one (`audit:0`, `desk:2`, `audit:x`). */
export function auditKeyEpoch(kid: unknown): number | undefined {
  if (typeof kid !== 'string') return undefined
  const match = auditKidPattern.exec(kid)
  const epoch = match ? Number(match[1]) : NaN
  return Number.isSafeInteger(epoch) ? epoch : undefined
}
