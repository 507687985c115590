import { auditKeyEpoch, firstAuditKid } from './audit-keys'
import { CryptoError } from './errors'
import type { ExportedUserKeys } from './user-keys'

/** Everything a user's passphrase protects, as stored (inside the locked keyring's ciphertext). */
export interface KeyringSecrets {
  userId: string
  userKeys: ExportedUserKeys
  /** realm key id (`realm:epoch`) → base64url raw AES key */
  realmKeys: Record<string, string>
  /** realm → base64url raw HMAC key */
  indexKeys: Record<string, string>
  /** the audit realm's ECDH private key before audit keys had epochs: audit key `audit:1` (read, never written) */
  auditPrivateJwk?: JsonWebKey
  /** CONF-9: audit ECDH private keys by id (`audit:<epoch>`), held by managers only; older ones read older entries */
  auditPrivateJwks?: Record<string, JsonWebKey>
}

/** Every audit private key the secrets hold, by id; the bare `auditPrivateJwk` of older keyrings is `audit:1`. */
export function auditJwksOf(secrets: KeyringSecrets): Record<string, JsonWebKey> {
  const out: Record<string, JsonWebKey> = { ...secrets.auditPrivateJwks }
  if (secrets.auditPrivateJwk && !out[firstAuditKid]) out[firstAuditKid] = secrets.auditPrivateJwk
  return out
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.values(v).every((s) => typeof s === 'string')
}

function isAuditJwks(v: unknown): boolean {
  return isRecord(v) && Object.entries(v).every(([kid, jwk]) => auditKeyEpoch(kid) !== undefined && isRecord(jwk))
}

function isKeyPair(v: unknown): boolean {
  return isRecord(v) && isRecord(v.publicJwk) && isRecord(v.privateJwk)
}

/**
 * `v` as KeyringSecrets when it has the right shape; throws 'malformed' otherwise.
 * Even an authenticated keyring is checked: it may have been written by an older or buggy client.
 */
export function checkKeyringSecrets(v: unknown): KeyringSecrets {
  const ok =
    isRecord(v) &&
    typeof v.userId === 'string' &&
    v.userId !== '' &&
    isRecord(v.userKeys) &&
    isKeyPair(v.userKeys.ecdh) &&
    isKeyPair(v.userKeys.ecdsa) &&
    isStringRecord(v.realmKeys) &&
    isStringRecord(v.indexKeys) &&
    (v.auditPrivateJwk === undefined || isRecord(v.auditPrivateJwk)) &&
    (v.auditPrivateJwks === undefined || isAuditJwks(v.auditPrivateJwks))
  if (!ok) throw new CryptoError('malformed', 'keyring secrets have the wrong shape')
  return v as unknown as KeyringSecrets
}
