import { concatBytes, fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes'
import type { KeyLookup } from './envelope'
import { CryptoError } from './errors'
import { checkKdfParams, type KdfParams } from './kdf-params'
import { auditJwksOf, checkKeyringSecrets, type KeyringSecrets } from './keyring-secrets'
import { importIndexKey, importRealmKey, parseRealmKeyId } from './realm-keys'
import { importEcdhPrivateKey, importUserKeyPairs, type UserKeyPairs } from './user-keys'

export { auditJwksOf, type KeyringSecrets } from './keyring-secrets'

/** The keyring at rest (on the device and on the server): KDF parameters in clear, secrets encrypted under the KEK. */
export interface LockedKeyring {
  userId: string
  kdf: KdfParams
  /** base64url of iv(12) || AES-GCM(JSON secrets), additional data `keyring|${userId}` */
  ct: string
}

/** An unlocked keyring: the secrets as usable CryptoKeys, held in memory only. */
export interface Keyring {
  userId: string
  userKeys: UserKeyPairs
  /** realm key id → AES-GCM key */
  realmKeys: Map<string, CryptoKey>
  /** realm → HMAC key */
  indexKeys: Map<string, CryptoKey>
  /**
   * CONF-9: audit private keys by id (`audit:<epoch>`), managers only; undefined when none is held.
   * Each entry names the key it was sealed to (`akid`), so older keys keep older entries readable.
   */
  auditPrivate?: Map<string, CryptoKey>
  /** the stored form, kept so the keyring can be re-locked (new passphrase, new realm key) */
  secrets: KeyringSecrets
}

const ivLength = 12
const tagLength = 16

// Binds the ciphertext to its user: one user's locked keyring cannot be swapped in for another's.
function keyringAad(userId: string): Uint8Array<ArrayBuffer> {
  return utf8(`keyring|${userId}`)
}

/** Encrypts `secrets` under `kek` (derived from the passphrase with `kdf`) with a fresh IV. */
export async function lockKeyring(secrets: KeyringSecrets, kek: CryptoKey, kdf: KdfParams): Promise<LockedKeyring> {
  const s = checkKeyringSecrets(secrets)
  const params = checkKdfParams(kdf)
  const iv = randomBytes(ivLength)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: keyringAad(s.userId) }, kek, utf8(JSON.stringify(s)))
  return { userId: s.userId, kdf: params, ct: toBase64Url(concatBytes(iv, new Uint8Array(ct))) }
}

async function decryptSecrets(locked: LockedKeyring, kek: CryptoKey): Promise<unknown> {
  let sealed: Uint8Array<ArrayBuffer>
  try {
    sealed = fromBase64Url(locked.ct)
  } catch {
    throw new CryptoError('malformed', 'keyring ct is not base64url')
  }
  if (sealed.length < ivLength + tagLength) throw new CryptoError('malformed', 'keyring ct is too short')
  let plain: ArrayBuffer
  try {
    const params = { name: 'AES-GCM', iv: sealed.subarray(0, ivLength), additionalData: keyringAad(locked.userId) }
    plain = await crypto.subtle.decrypt(params, kek, sealed.subarray(ivLength))
  } catch {
    // AES-GCM cannot tell a wrong passphrase from an altered keyring; the user's next step is the same.
    throw new CryptoError('wrong-secret', 'the keyring did not open: wrong passphrase or altered keyring')
  }
  try {
    return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown
  } catch {
    throw new CryptoError('malformed', 'keyring plaintext is not JSON')
  }
}

/** Imports the audit private keys of `secrets` by id; undefined when there are none. */
export async function importAuditKeys(secrets: KeyringSecrets): Promise<Map<string, CryptoKey> | undefined> {
  const entries = Object.entries(auditJwksOf(secrets))
  if (entries.length === 0) return undefined
  const imported = await Promise.all(
    entries.map(async ([kid, jwk]): Promise<[string, CryptoKey]> => {
      try {
        return [kid, await importEcdhPrivateKey(jwk)]
      } catch {
        throw new CryptoError('malformed', `keyring audit key ${kid} is not a valid ECDH private key`)
      }
    }),
  )
  return new Map(imported)
}

async function importMap(entries: Record<string, string>, importKey: (raw: Uint8Array) => Promise<CryptoKey>): Promise<Map<string, CryptoKey>> {
  const imported = await Promise.all(
    Object.entries(entries).map(async ([id, raw]): Promise<[string, CryptoKey]> => {
      try {
        return [id, await importKey(fromBase64Url(raw))]
      } catch {
        throw new CryptoError('malformed', `keyring key ${id} is not a valid raw key`)
      }
    }),
  )
  return new Map(imported)
}

/**
 * Opens a locked keyring with the KEK. Throws 'wrong-secret' when it does not
 * decrypt (wrong passphrase or tampered), 'malformed' for a bad shape,
 * 'bad-kdf-params' for out-of-bounds KDF parameters.
 */
export async function unlockKeyring(locked: LockedKeyring, kek: CryptoKey): Promise<Keyring> {
  if (typeof locked !== 'object' || locked === null || typeof locked.userId !== 'string' || typeof locked.ct !== 'string') {
    throw new CryptoError('malformed', 'locked keyring needs userId and ct strings')
  }
  checkKdfParams(locked.kdf)
  const secrets = checkKeyringSecrets(await decryptSecrets(locked, kek))
  if (secrets.userId !== locked.userId) throw new CryptoError('malformed', 'keyring belongs to another user')
  for (const kid of Object.keys(secrets.realmKeys)) parseRealmKeyId(kid)
  const [userKeys, realmKeys, indexKeys, auditPrivate] = await Promise.all([
    importUserKeyPairs(secrets.userKeys),
    importMap(secrets.realmKeys, (raw) => importRealmKey(raw)),
    importMap(secrets.indexKeys, (raw) => importIndexKey(raw)),
    importAuditKeys(secrets),
  ])
  const keyring: Keyring = { userId: secrets.userId, userKeys, realmKeys, indexKeys, secrets }
  if (auditPrivate) keyring.auditPrivate = auditPrivate
  return keyring
}

/** The id of the newest (highest-epoch) key held for `realm`, to seal new records with; undefined if none. */
export function currentKid(keyring: Keyring, realm: string): string | undefined {
  let best: { kid: string; epoch: number } | undefined
  for (const kid of keyring.realmKeys.keys()) {
    const parsed = parseRealmKeyId(kid)
    if (parsed.realm === realm && (!best || parsed.epoch > best.epoch)) best = { kid, epoch: parsed.epoch }
  }
  return best?.kid
}

/** A KeyLookup over the keyring's realm keys, for `open`. */
export function keyLookup(keyring: Keyring): KeyLookup {
  return (kid) => keyring.realmKeys.get(kid)
}
