import { auditKeyEpoch } from '@/crypto/audit-keys'
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '@/crypto/bytes'
import { CryptoError, isCryptoError } from '@/crypto/errors'
import { parseIndexKeyId } from '@/crypto/index-keys'
import { auditJwksOf, lockKeyring, unlockKeyring, type Keyring } from '@/crypto/keyring'
import { importIndexKey, importRealmKey, parseRealmKeyId } from '@/crypto/realm-keys'
import { openSealed, sealTo } from '@/crypto/sealed-box'
import { importEcdhPrivateKey, importEcdhPublicKey } from '@/crypto/user-keys'
import type { KeyringDoc } from '@/storage/documents'
import { grantId, type GrantDoc } from '@/storage/grants.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { Session } from './session'

/** What a realm grant carries: one epoch of a realm key and of its index key, as raw bytes (base64url). */
export interface GrantedRealmKeys {
  kid: string
  realmKey: string
  indexKeyId: string
  indexKey: string
}

/** What an audit grant carries (kid `audit:<epoch>`): one audit ECDH private key, to read entries sealed to it. */
export interface GrantedAuditKey {
  kid: string
  auditPrivateJwk: JsonWebKey
}

export type GrantedKeys = GrantedRealmKeys | GrantedAuditKey

export const isAuditGrant = (keys: GrantedKeys): keys is GrantedAuditKey => 'auditPrivateJwk' in keys

/** The sealed box's context (HKDF info and AES-GCM additional data): a box opens only as this user's grant of this key. */
export const grantContext = (userId: string, kid: string) => `grant|${userId}|${kid}`

/** Wraps `keys` to the holder of `to` (their ECDH public key, from their KeyringDoc). */
export async function sealGrant(to: Pick<KeyringDoc, 'userId' | 'publicKeys'>, keys: GrantedKeys, by: string): Promise<GrantDoc> {
  const box = await sealTo(await importEcdhPublicKey(to.publicKeys.ecdh), utf8(JSON.stringify(keys)), grantContext(to.userId, keys.kid))
  return { _id: grantId(to.userId, keys.kid), type: 'grant', userId: to.userId, kid: keys.kid, by, box, createdAt: new Date().toISOString() }
}

/** Opens a grant addressed to the keyring's user; throws a CryptoError when it is not theirs, altered or malformed. */
export async function openGrant(grant: GrantDoc, keyring: Keyring): Promise<GrantedKeys> {
  if (grant.userId !== keyring.userId) throw new CryptoError('unknown-key', `grant ${grant._id} is for another user`)
  const plain = await openSealed(keyring.userKeys.ecdh.privateKey, grant.box, grantContext(grant.userId, grant.kid))
  let keys: GrantedRealmKeys
  try {
    keys = JSON.parse(fromUtf8(plain)) as GrantedRealmKeys
  } catch {
    throw new CryptoError('malformed', `grant ${grant._id} is not JSON`)
  }
  if (typeof keys !== 'object' || keys === null) throw new CryptoError('malformed', `grant ${grant._id} is not an object`)
  if (auditKeyEpoch(grant.kid) !== undefined) {
    const audit = keys as unknown as Partial<GrantedAuditKey>
    if (audit.kid !== grant.kid || typeof audit.auditPrivateJwk !== 'object' || audit.auditPrivateJwk === null || 'realmKey' in keys) {
      throw new CryptoError('malformed', `grant ${grant._id} does not hold the audit key it names`)
    }
    await importEcdhPrivateKey(audit.auditPrivateJwk).catch(() => {
      throw new CryptoError('malformed', `grant ${grant._id} holds no valid audit private key`)
    })
    return { kid: grant.kid, auditPrivateJwk: audit.auditPrivateJwk }
  }
  const realm = parseRealmKeyId(grant.kid).realm
  if (keys.kid !== grant.kid || typeof keys.realmKey !== 'string' || typeof keys.indexKey !== 'string' || typeof keys.indexKeyId !== 'string' || parseIndexKeyId(keys.indexKeyId).realm !== realm) {
    throw new CryptoError('malformed', `grant ${grant._id} does not hold the keys it names`)
  }
  return keys
}

/** Adds the keys the keyring lacks, in memory (the CryptoKeys and the stored form); returns the realm and audit key ids added. */
async function mergeKeys(keyring: Keyring, realmKeys: Record<string, string>, indexKeys: Record<string, string>, auditJwks: Record<string, JsonWebKey>): Promise<string[]> {
  const added: string[] = []
  const secrets = { ...keyring.secrets, realmKeys: { ...keyring.secrets.realmKeys }, indexKeys: { ...keyring.secrets.indexKeys } }
  const heldAudit = auditJwksOf(keyring.secrets)
  for (const [kid, jwk] of Object.entries(auditJwks)) {
    if (heldAudit[kid]) continue
    const key = await importEcdhPrivateKey(jwk)
    keyring.auditPrivate = new Map(keyring.auditPrivate).set(kid, key)
    heldAudit[kid] = jwk
    secrets.auditPrivateJwks = { ...heldAudit }
    added.push(kid)
  }
  for (const [kid, raw] of Object.entries(realmKeys)) {
    if (keyring.realmKeys.has(kid)) continue
    keyring.realmKeys.set(kid, await importRealmKey(fromBase64Url(raw)))
    secrets.realmKeys[kid] = raw
    added.push(kid)
  }
  for (const [id, raw] of Object.entries(indexKeys)) {
    if (keyring.indexKeys.has(id)) continue
    keyring.indexKeys.set(id, await importIndexKey(fromBase64Url(raw)))
    secrets.indexKeys[id] = raw
  }
  keyring.secrets = secrets
  return added
}

/**
 * Locks the session's keyring into the stored one under the passphrase KEK.
 * The stored keyring is opened first: if it no longer opens with this KEK
 * (the passphrase changed on another device) nothing is written and the grants
 * wait for the next sign-in; keys it holds that the session lacks (accepted on
 * another device) join the session.
 */
async function relock(storage: LobbyStorage, keyring: Keyring, kek: CryptoKey): Promise<boolean> {
  const doc = await storage.accounts.getKeyring(keyring.userId)
  if (!doc) return false
  let stored: Keyring
  try {
    stored = await unlockKeyring(doc.locked, kek)
  } catch (e) {
    if (isCryptoError(e)) return false
    throw e
  }
  await mergeKeys(keyring, stored.secrets.realmKeys, stored.secrets.indexKeys, auditJwksOf(stored.secrets))
  const secrets = { ...stored.secrets, realmKeys: { ...keyring.secrets.realmKeys }, indexKeys: { ...keyring.secrets.indexKeys } }
  const audit = auditJwksOf(keyring.secrets)
  if (Object.keys(audit).length > 0) secrets.auditPrivateJwks = audit
  await storage.accounts.putKeyring({ ...doc, locked: await lockKeyring(secrets, kek, doc.locked.kdf) })
  return true
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * CONF-9: takes in the grants addressed to the session's user. Their keys join
 * the keyring in memory at once (new records then open, and the user writes
 * with the newest epoch); with the passphrase KEK at hand (a passphrase sign-in)
 * they are also locked into the stored keyring and the grants are deleted
 * (tombstones naming the user, as the server requires). After a PIN unlock the
 * grants stay until the next passphrase sign-in. Accepted grants are also kept
 * on this device for its PIN box, which holds the keyring as it was when the
 * PIN was set. Calls are serialised (sign-in and a sync round may overlap).
 */
export function acceptGrants(storage: LobbyStorage, session: Pick<Session, 'userId' | 'keyring' | 'kek'>): Promise<{ accepted: string[]; relocked: boolean }> {
  const next = queue.then(() => acceptNow(storage, session))
  queue = next.catch(() => undefined)
  return next
}

async function acceptNow(storage: LobbyStorage, session: Pick<Session, 'userId' | 'keyring' | 'kek'>): Promise<{ accepted: string[]; relocked: boolean }> {
  const synced = await storage.grants.addressedTo(session.userId)
  const kept = await storage.grants.supplement(session.userId)
  const opened: GrantedKeys[] = []
  const valid: GrantDoc[] = []
  for (const grant of [...synced, ...kept]) {
    try {
      opened.push(await openGrant(grant, session.keyring))
      if (synced.includes(grant)) valid.push(grant)
    } catch (e) {
      if (!isCryptoError(e)) throw e // a grant that does not open for this user stays for an admin to look at
    }
  }
  const realm = opened.filter((k): k is GrantedRealmKeys => !isAuditGrant(k))
  const accepted = await mergeKeys(
    session.keyring,
    Object.fromEntries(realm.map((k) => [k.kid, k.realmKey])),
    Object.fromEntries(realm.map((k) => [k.indexKeyId, k.indexKey])),
    Object.fromEntries(opened.filter(isAuditGrant).map((k) => [k.kid, k.auditPrivateJwk])),
  )
  let relocked = false
  if (session.kek && valid.length > 0 && (relocked = await relock(storage, session.keyring, session.kek))) {
    if (await storage.unlockState.getPinBox(session.userId)) await storage.grants.keepForPin(session.userId, valid)
    for (const grant of valid) await storage.grants.remove(grant, session.userId)
  }
  // Audited once per grant taken in (not for the device-local copies a PIN unlock re-reads each time).
  if (valid.length > 0 && (accepted.length > 0 || relocked)) {
    const detail = `accepted ${valid.map((g) => g.kid).join(',')}${relocked ? ', keyring re-locked' : ', in memory until the next passphrase sign-in'}`
    await storage.audit.append({ action: 'key.change', by: session.userId, recordId: `keyring:${session.userId}`, recordType: 'keyring', detail })
  }
  return { accepted, relocked }
}

/** Raw bytes of a key as a grant carries them. */
export async function rawKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)))
}
