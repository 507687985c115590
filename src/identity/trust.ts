import { isStaffRole, type StaffRole } from '@/core/access/roles'
import { keyFingerprint, publicJwk, sameKey, signCertificate } from '@/crypto/certificates'
import { createChainVerifier, type TrustRoot } from '@/crypto/trust-chain'
import type { AccountDoc, CertDoc, KeyringDoc } from '@/storage/documents'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { Session } from './session'

/**
 * CONF-9 root of trust on this device. The founding admin's ECDSA key is the
 * root: pinned in device-local state when the organisation is founded here or
 * first seen (a join, or the first sign-in after this change), never replaced
 * by what the server sends later. Every account's public keys count only
 * through a certificate chain back to it (`crypto/trust-chain.ts`).
 */

/** The account's keys as certified: what grants are sealed to and verified against. */
export interface CertifiedAccount {
  userId: string
  role: StaffRole
  ecdh: JsonWebKey
  ecdsa: JsonWebKey
}

export { checkRoot, type RootCheck } from '@/storage/trust-root'

/** The pinned root's fingerprint, for people to compare (`AB12 CD34 …`); undefined before a root is pinned. */
export async function rootFingerprint(storage: LobbyStorage): Promise<string | undefined> {
  const pinned = await storage.signIns.getPinnedRoot()
  return pinned ? keyFingerprint(pinned.publicJwk) : undefined
}

/**
 * The users this device has ever seen deactivated, the ones it sees now
 * added. A deactivation cannot be undone by a later account document (an
 * old one replayed, or one written by whoever controls the server): the
 * person gets a new account instead.
 */
export async function departedHere(storage: LobbyStorage, accounts?: AccountDoc[]): Promise<Set<string>> {
  const known = await storage.signIns.getDeparted()
  const departed = new Set(known)
  for (const a of accounts ?? (await storage.signIns.listAccounts())) if (a.status === 'deactivated') departed.add(a.userId)
  if (departed.size !== known.length) await storage.signIns.putDeparted([...departed])
  return departed
}

/**
 * Who this device trusts, read once from its store: certificates verified back
 * to the pinned root, their certifiers active. Nothing is certified on a
 * device with no pinned root.
 */
export async function loadTrust(storage: LobbyStorage) {
  const [pinned, certs, accounts] = await Promise.all([storage.signIns.getPinnedRoot(), storage.signIns.listCerts(), storage.signIns.listAccounts()])
  const byUser = new Map(certs.map((c) => [c.userId, c]))
  const status = new Map(accounts.map((a) => [a.userId, a]))
  const departed = await departedHere(storage, accounts)
  const isActive = (id: string) => status.get(id)?.status === 'active' && !departed.has(id)
  const chain = pinned && createChainVerifier(pinned as TrustRoot, (id) => byUser.get(id), isActive)

  /** The account's certified keys, or why not. An account whose document names another role than its certificate is not trusted until re-certified. */
  async function certified(userId: string): Promise<{ ok: true; account: CertifiedAccount } | { ok: false; reason: string }> {
    if (!chain) return { ok: false, reason: 'no root pinned on this device' }
    if (departed.has(userId)) return { ok: false, reason: `${userId} was deactivated` }
    const result = await chain.verify(userId)
    if (!result.ok) return result
    const account = status.get(userId)
    if (account && account.role !== result.cert.role) return { ok: false, reason: `${userId} is certified as ${result.cert.role}, not ${account.role}` }
    return { ok: true, account: { userId, role: result.cert.role, ecdh: result.cert.ecdh, ecdsa: result.cert.ecdsa } }
  }
  return { certified, pinned }
}

export type Trust = Awaited<ReturnType<typeof loadTrust>>

/** Signs and stores a certificate of `account`'s keys (from their keyring document) by the session's user. */
export async function certifyAccount(storage: LobbyStorage, session: Pick<Session, 'userId' | 'keyring'>, account: Pick<AccountDoc, 'userId' | 'role'>, keyring: Pick<KeyringDoc, 'publicKeys'>): Promise<CertDoc> {
  const org = await storage.signIns.getOrg()
  if (!org) throw new Error('No organisation on this device')
  const cert = await signCertificate(
    { orgId: org.orgId, userId: account.userId, role: account.role, ecdh: keyring.publicKeys.ecdh, ecdsa: keyring.publicKeys.ecdsa, by: session.userId, at: new Date().toISOString() },
    session.keyring.userKeys.ecdsa.privateKey,
  )
  const doc: CertDoc = { _id: `cert:${account.userId}`, type: 'cert', ...cert }
  await storage.signIns.putCert(doc)
  return doc
}

/**
 * An organisation founded before certificates: at the founding admin's first
 * passphrase sign-in after the change, their key becomes the root (published
 * in the organisation document, pinned here) and they certify every active
 * account as its keyring document stands on their device now. From then on an
 * account without a valid certificate gets no key. Returns how many accounts
 * were certified; 0 when the organisation already has a root or the user is
 * not its founder.
 */
export async function establishRoot(storage: LobbyStorage, session: Session): Promise<number> {
  const org = await storage.signIns.getOrg()
  const me = await storage.signIns.getAccount(session.userId)
  if (!org || org.root || !me || me.role !== 'admin' || me.createdBy !== me.userId || !session.kek) return 0
  const ownKeyring = await storage.signIns.getKeyring(session.userId)
  if (!ownKeyring || !sameKey(ownKeyring.publicKeys.ecdsa, await crypto.subtle.exportKey('jwk', session.keyring.userKeys.ecdsa.publicKey))) return 0
  const root = { userId: session.userId, publicJwk: publicJwk(ownKeyring.publicKeys.ecdsa) }
  await storage.signIns.putOrg({ ...org, root })
  await storage.signIns.pinRoot({ orgId: org.orgId, ...root })
  let n = 0
  for (const account of await storage.signIns.listAccounts()) {
    if (account.status !== 'active' || !isStaffRole(account.role)) continue
    const keyring = await storage.signIns.getKeyring(account.userId)
    if (!keyring?.publicKeys?.ecdh || !keyring.publicKeys.ecdsa) continue
    await certifyAccount(storage, session, account, keyring)
    n++
  }
  await storage.audit.append({ action: 'key.change', by: session.userId, recordId: 'org', recordType: 'org', detail: `root of trust set, ${n} account(s) certified` })
  return n
}

/**
 * CONF-9: a document that failed verification (a grant, a certificate, an audit
 * key) is set aside in the quarantine and audited, once per revision; it is
 * never applied.
 */
export async function refuseDocument(storage: LobbyStorage, doc: { _id: string; _rev?: string }, reason: string): Promise<void> {
  const seen = (await storage.quarantined()).some((q) => q.docId === doc._id && q.rev === String(doc._rev))
  if (!seen) await storage.syncPort.quarantine('lobby_org', doc, reason)
}
