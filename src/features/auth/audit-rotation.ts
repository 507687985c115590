import { readsAudit, type Role } from '@/core/access/roles'
import { auditKeyEpoch, auditKeyId, firstAuditKid } from '@/crypto/audit-keys'
import { importEcdhPublicKey } from '@/crypto/user-keys'
import type { AuditKeyDoc, KeyringDoc } from '@/storage/documents'
import { auditKeyDocId } from '@/storage/grants.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { sealGrant } from './key-grants'
import type { Session } from './session'

export interface AuditRotation {
  /** the audit key new entries were sealed to before */
  fromKid: string
  /** the new audit key id, `audit:<epoch>` */
  kid: string
  /** users the new private key was wrapped to */
  holders: string[]
  /** whether the organisation document already names it (an admin rotated); else an admin's device publishes it */
  published: boolean
}

/** Whether an account of `role` holds the audit private key: managers, and the founding admin as custodian. */
export const mayHoldAuditKey = (role: Role) => readsAudit(role) || role === 'admin'

/** One past the highest audit epoch this device has seen: the organisation's, minted public keys, grants, the keyring. */
async function nextAuditEpoch(storage: LobbyStorage, session: Session): Promise<number> {
  const org = await storage.accounts.getOrg()
  const kids = [
    org?.auditKid ?? firstAuditKid,
    ...(await storage.grants.auditKeys()).map((d) => d.kid),
    ...(await storage.grants.all()).map((g) => g.kid),
    ...(session.keyring.auditPrivate?.keys() ?? []),
  ]
  return Math.max(...kids.map((kid) => auditKeyEpoch(kid) ?? 0)) + 1
}

/**
 * Active holders of the audit private key other than `leaving`: managers, the
 * founding admin (its custodian, who hands it to new managers: the one account
 * that created itself) and the acting user if they hold an audit key.
 */
async function auditReaders(storage: LobbyStorage, session: Session, leaving: string): Promise<KeyringDoc[]> {
  const out: KeyringDoc[] = []
  for (const account of await storage.accounts.listAccounts()) {
    if (account.userId === leaving || account.status !== 'active') continue
    const self = account.userId === session.userId && session.keyring.auditPrivate !== undefined
    const custodian = account.role === 'admin' && account.createdBy === account.userId
    if (!readsAudit(account.role) && !custodian && !self) continue
    const keyring = await storage.accounts.getKeyring(account.userId)
    if (keyring?.publicKeys?.ecdh) out.push(keyring)
  }
  return out
}

/**
 * CONF-9: a new audit key pair when someone who could read the audit log
 * leaves. The private key goes only into grants to the remaining readers; the
 * public key is recorded (`audit-key:<kid>`, lobby_org) and, when the acting
 * user is an admin, published in the organisation document at once, so every
 * device that syncs it seals new entries to the new key. Otherwise an admin's
 * device publishes it (`publishAuditKey`), as it finishes the server part.
 */
export async function rotateAudit(storage: LobbyStorage, session: Session, leaving: string): Promise<AuditRotation | undefined> {
  const org = await storage.accounts.getOrg()
  if (!org) return undefined
  const kid = auditKeyId(await nextAuditEpoch(storage, session))
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  const [publicJwk, privateJwk] = await Promise.all([crypto.subtle.exportKey('jwk', pair.publicKey), crypto.subtle.exportKey('jwk', pair.privateKey)])
  const holders = await auditReaders(storage, session, leaving)
  for (const holder of holders) await storage.grants.put(await sealGrant(holder, { kid, auditPrivateJwk: privateJwk }, session.userId))
  const doc: AuditKeyDoc = { _id: auditKeyDocId(kid), type: 'audit-key', kid, publicJwk, by: session.userId, createdAt: new Date().toISOString() }
  await storage.grants.putAuditKey(doc)
  const published = (await publishAuditKey(storage, session)) === kid
  const detail = `${holders.length} holder(s)${published ? '' : ', waiting for an admin to publish'}`
  await storage.audit.append({ action: 'key.rotate', by: session.userId, recordId: kid, detail })
  return { fromKid: org.auditKid ?? firstAuditKid, kid, holders: holders.map((h) => h.userId), published }
}

/**
 * CONF-9, admins only (the server lets only them write the organisation
 * document): puts the newest audit public key minted by an active manager or
 * admin, newer than the organisation's, into the organisation document.
 * Returns the key id published, or undefined when there was nothing to do.
 */
export async function publishAuditKey(storage: LobbyStorage, session: Session): Promise<string | undefined> {
  if (session.role !== 'admin') return undefined
  const org = await storage.accounts.getOrg()
  if (!org) return undefined
  let best: AuditKeyDoc | undefined
  let bestEpoch = auditKeyEpoch(org.auditKid ?? firstAuditKid) ?? 1
  for (const doc of await storage.grants.auditKeys()) {
    const epoch = auditKeyEpoch(doc.kid)
    if (epoch === undefined || epoch <= bestEpoch) continue
    // A key minted by someone who has since left (or never could) is not published.
    const author = await storage.accounts.getAccount(doc.by)
    if (author?.status !== 'active' || !mayHoldAuditKey(author.role)) continue
    if (!(await importEcdhPublicKey(doc.publicJwk).then(() => true, () => false))) continue
    best = doc
    bestEpoch = epoch
  }
  if (!best) return undefined
  await storage.accounts.putOrg({ ...org, auditPublicJwk: best.publicJwk, auditKid: best.kid })
  await storage.audit.append({ action: 'key.change', by: session.userId, recordId: 'org', recordType: 'org', detail: `audit key ${best.kid} published` })
  return best.kid
}
