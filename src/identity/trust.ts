import { isStaffRole } from '@/core/access/roles'
import { keyFingerprint, publicJwk, sameKey, signCertificate } from '@/crypto/certificates'
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

export { departedHere, loadTrust, type CertifiedAccount, type Trust } from '@/storage/certified-accounts'
export { checkRoot, type RootCheck } from '@/storage/trust-root'

/** The pinned root's fingerprint, for people to compare (`AB12 CD34 …`); undefined before a root is pinned. */
export async function rootFingerprint(storage: LobbyStorage): Promise<string | undefined> {
  const pinned = await storage.signIns.getPinnedRoot()
  return pinned ? keyFingerprint(pinned.publicJwk) : undefined
}

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
