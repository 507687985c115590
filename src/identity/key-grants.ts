import { auditKeyEpoch } from '@/crypto/audit-keys'
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '@/crypto/bytes'
import { CryptoError, isCryptoError } from '@/crypto/errors'
import { parseIndexKeyId } from '@/crypto/index-keys'
import { auditJwksOf, lockKeyring, unlockKeyring, type Keyring } from '@/crypto/keyring'
import { importIndexKey, importRealmKey, parseRealmKeyId } from '@/crypto/realm-keys'
import { openSealed, sealTo } from '@/crypto/sealed-box'
import { canonicalJson, sign, verify } from '@/crypto/signature'
import { importEcdhPrivateKey, importEcdhPublicKey, importEcdsaPublicKey } from '@/crypto/user-keys'
import { acceptableEpoch, mayGrant, opensByGrant, type GrantedKid } from '@/core/access/trust-rules'
import { grantId, type GrantDoc } from '@/storage/grants.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { Session } from './session'
import { loadTrust, refuseDocument, type CertifiedAccount, type Trust } from './trust'

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

/** The exact bytes a grant's signature covers: which key, to whom, from whom, in which box. */
export const grantStatement = (g: Pick<GrantDoc, '_id' | 'userId' | 'kid' | 'by' | 'box'>) =>
  utf8(canonicalJson({ purpose: 'lobby-grant', id: g._id, userId: g.userId, kid: g.kid, by: g.by, box: g.box }))

/**
 * Wraps `keys` to `to` (their certified ECDH public key, `trust.ts`: never an
 * unauthenticated keyring document) and signs the grant with the grantor's
 * ECDSA key, so the recipient can tell who handed them the key.
 */
export async function sealGrant(to: Pick<CertifiedAccount, 'userId' | 'ecdh'>, keys: GrantedKeys, grantor: Pick<Session, 'userId' | 'keyring'>): Promise<GrantDoc> {
  const box = await sealTo(await importEcdhPublicKey(to.ecdh), utf8(JSON.stringify(keys)), grantContext(to.userId, keys.kid))
  const unsigned = { _id: grantId(to.userId, keys.kid), type: 'grant' as const, userId: to.userId, kid: keys.kid, by: grantor.userId, box, createdAt: new Date().toISOString() }
  return { ...unsigned, sig: await sign(grantor.keyring.userKeys.ecdsa.privateKey, grantStatement(unsigned)) }
}

/** What a grant's kid names, for the role rules; undefined for anything else. */
function grantedKid(kid: string): GrantedKid | undefined {
  const audit = auditKeyEpoch(kid)
  if (audit !== undefined) return { kind: 'audit', epoch: audit }
  try {
    const { realm, epoch } = parseRealmKeyId(kid)
    return { kind: 'realm', realm, epoch }
  } catch {
    return undefined
  }
}

/**
 * CONF-9: why a grant addressed to `recipient` must be refused, or undefined
 * when it is good: signed by its grantor's certified key, the grantor allowed
 * to hand this key to the recipient's certified role.
 */
export async function grantProblem(trust: Trust, grant: GrantDoc, recipient: string): Promise<string | undefined> {
  if (grant.userId !== recipient) return 'addressed to another user'
  const kid = grantedKid(grant.kid)
  if (!kid) return `not a key id: ${String(grant.kid).slice(0, 40)}`
  if (typeof grant.sig !== 'string') return 'unsigned grant'
  const grantor = await trust.certified(grant.by)
  if (!grantor.ok) return `grantor not trusted: ${grant.by}`
  const to = await trust.certified(recipient)
  if (!to.ok) return 'recipient not certified'
  if (!mayGrant(grantor.account.role, to.account.role, kid, recipient)) return `a ${grantor.account.role} may not grant ${grant.kid} to a ${to.account.role}`
  if (!(await verify(await importEcdsaPublicKey(grantor.account.ecdsa), grantStatement(grant), grant.sig))) return 'bad grant signature'
  return undefined
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
  const doc = await storage.signIns.getKeyring(keyring.userId)
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
  await storage.signIns.putKeyring({ ...doc, locked: await lockKeyring(secrets, kek, doc.locked.kdf) })
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

/** The epochs of `kid`'s realm (or of the audit keys) the keyring holds. */
function heldEpochs(keyring: Keyring, kid: GrantedKid): number[] {
  if (kid.kind === 'audit') return [...(keyring.auditPrivate?.keys() ?? [])].map((k) => auditKeyEpoch(k) ?? -1)
  return [...keyring.realmKeys.keys()].map((k) => parseRealmKeyId(k)).filter((p) => p.realm === kid.realm).map((p) => p.epoch)
}

async function acceptNow(storage: LobbyStorage, session: Pick<Session, 'userId' | 'keyring' | 'kek'>): Promise<{ accepted: string[]; relocked: boolean }> {
  const trust = await loadTrust(storage)
  const synced = await storage.grants.addressedTo(session.userId)
  // Accepted on this device before (verified then, kept for the PIN box) or verified now; refused ones are set aside.
  const candidates = [...(await storage.grants.supplement(session.userId))]
  for (const grant of synced) {
    const problem = await grantProblem(trust, grant, session.userId)
    if (problem) await refuseDocument(storage, grant, `grant: ${problem}`)
    else candidates.push(grant)
  }
  // Oldest epoch first: each must follow one already held (an epoch moves one step at a time).
  const epochOf = (g: GrantDoc) => grantedKid(g.kid)?.epoch ?? Number.MAX_SAFE_INTEGER
  candidates.sort((x, y) => epochOf(x) - epochOf(y))
  const opened: GrantedKeys[] = []
  const valid: GrantDoc[] = []
  const pending: Keyring = { ...session.keyring, realmKeys: new Map(session.keyring.realmKeys), auditPrivate: new Map(session.keyring.auditPrivate ?? []) }
  for (const grant of candidates) {
    const kid = grantedKid(grant.kid)
    if (!kid) continue
    const held = heldEpochs(pending, kid)
    if (held.includes(kid.epoch)) {
      if (synced.includes(grant)) valid.push(grant) // already in the keyring: only the grant is left to delete
      continue
    }
    if (!acceptableEpoch(held, kid.epoch, { opens: opensByGrant(kid) })) {
      if (synced.includes(grant)) await refuseDocument(storage, grant, `grant: epoch ${kid.epoch} does not follow one held`)
      continue
    }
    try {
      opened.push(await openGrant(grant, session.keyring))
      if (kid.kind === 'audit') pending.auditPrivate!.set(grant.kid, {} as CryptoKey)
      else pending.realmKeys.set(grant.kid, {} as CryptoKey)
      if (synced.includes(grant)) valid.push(grant)
    } catch (e) {
      if (!isCryptoError(e)) throw e
      if (synced.includes(grant)) await refuseDocument(storage, grant, `grant: ${e.message}`)
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
