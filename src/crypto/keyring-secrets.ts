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
  /** the audit realm's ECDH private key, held by managers only */
  auditPrivateJwk?: JsonWebKey
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.values(v).every((s) => typeof s === 'string')
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
    (v.auditPrivateJwk === undefined || isRecord(v.auditPrivateJwk))
  if (!ok) throw new CryptoError('malformed', 'keyring secrets have the wrong shape')
  return v as unknown as KeyringSecrets
}
