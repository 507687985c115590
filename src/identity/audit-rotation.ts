import { readsAudit, type Role } from '@/core/access/roles'
import { auditKeyEpoch, auditKeyId, firstAuditKid } from '@/crypto/audit-keys'
import { utf8 } from '@/crypto/bytes'
import { publicJwk } from '@/crypto/certificates'
import { canonicalJson, sign, verify } from '@/crypto/signature'
import { importEcdhPublicKey, importEcdsaPublicKey } from '@/crypto/user-keys'
import { mayHoldAuditKeyRole, nextEpochAfter } from '@/core/access/trust-rules'
import type { AuditKeyDoc } from '@/storage/documents'
import { auditKeyDocId } from '@/storage/grants.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { ClaimEpoch } from '@/sync/epoch-claim'
import { sealGrant } from './key-grants'
import type { Session } from './session'
import { loadTrust, refuseDocument, type CertifiedAccount } from './trust'

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

/**
 * One past the highest audit epoch this device trusts: the organisation's and
 * the audit keys the acting user holds (epochs seen only in grants or in
 * unpublished public keys do not count); undefined when that is not a safe integer.
 */
async function nextAuditEpoch(storage: LobbyStorage, session: Session): Promise<number | undefined> {
  const org = await storage.signIns.getOrg()
  const kids = [org?.auditKid ?? firstAuditKid, ...(session.keyring.auditPrivate?.keys() ?? [])]
  return nextEpochAfter(kids.map((kid) => auditKeyEpoch(kid) ?? 0))
}

/**
 * Active holders of the audit private key other than `leaving`, by their
 * certified keys: managers, the founding admin (its custodian, who hands it to
 * new managers: the one account that created itself) and the acting user if
 * they hold an audit key.
 */
async function auditReaders(storage: LobbyStorage, session: Session, leaving: string): Promise<CertifiedAccount[]> {
  const trust = await loadTrust(storage)
  const out: CertifiedAccount[] = []
  for (const account of await storage.signIns.listAccounts()) {
    if (account.userId === leaving || account.status !== 'active') continue
    const self = account.userId === session.userId && session.keyring.auditPrivate !== undefined
    const custodian = account.role === 'admin' && account.createdBy === account.userId
    if (!readsAudit(account.role) && !custodian && !self) continue
    const certified = await trust.certified(account.userId)
    if (certified.ok && mayHoldAuditKeyRole(certified.account.role)) out.push(certified.account)
  }
  return out
}

/** The exact bytes an audit-key document's signature covers. */
const auditKeyStatement = (d: Pick<AuditKeyDoc, 'kid' | 'publicJwk' | 'by'>) => utf8(canonicalJson({ purpose: 'lobby-audit-key', kid: d.kid, publicJwk: publicJwk(d.publicJwk), by: d.by }))

/**
 * CONF-9: a new audit key pair when someone who could read the audit log
 * leaves. The private key goes only into grants to the remaining readers; the
 * public key is recorded (`audit-key:<kid>`, lobby_org) and, when the acting
 * user is an admin, published in the organisation document at once, so every
 * device that syncs it seals new entries to the new key. Otherwise an admin's
 * device publishes it (`publishAuditKey`), as it finishes the server part.
 * Given `claim`, the epoch is claimed on the sync server first; taken or
 * unreachable, nothing is minted (undefined) and the departure step waits.
 */
export async function rotateAudit(storage: LobbyStorage, session: Session, leaving: string, claim?: ClaimEpoch): Promise<AuditRotation | undefined> {
  const org = await storage.signIns.getOrg()
  if (!org) return undefined
  const epoch = await nextAuditEpoch(storage, session)
  if (epoch === undefined) throw new Error('audit: no epoch after the current one')
  const kid = auditKeyId(epoch)
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  const [publicJwk, privateJwk] = await Promise.all([crypto.subtle.exportKey('jwk', pair.publicKey), crypto.subtle.exportKey('jwk', pair.privateKey)])
  const holders = await auditReaders(storage, session, leaving)
  if (holders.length === 0) return undefined // nobody certified to receive it yet: the step waits
  // Issue 9 §5: as for a realm key (key-rotation.ts), only the first claim on this epoch mints it; the others wait.
  if (claim && (await claim(kid)) !== 'claimed') return undefined
  const grants = []
  for (const holder of holders) grants.push(await sealGrant(holder, { kid, auditPrivateJwk: privateJwk }, session))
  await storage.grants.putAll(grants)
  const unsigned = { kid, publicJwk, by: session.userId }
  const sig = await sign(session.keyring.userKeys.ecdsa.privateKey, auditKeyStatement(unsigned))
  const doc: AuditKeyDoc = { _id: auditKeyDocId(kid), type: 'audit-key', ...unsigned, sig, createdAt: new Date().toISOString() }
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
  const org = await storage.signIns.getOrg()
  if (!org) return undefined
  let best: AuditKeyDoc | undefined
  let bestEpoch = auditKeyEpoch(org.auditKid ?? firstAuditKid) ?? 1
  const trust = await loadTrust(storage)
  for (const doc of await storage.grants.auditKeys()) {
    const epoch = auditKeyEpoch(doc.kid)
    // Epochs move one step at a time.
    if (epoch === undefined || epoch !== bestEpoch + 1) continue
    // A key minted by someone who has since left (or never could), or not signed by them, is not published.
    const author = await trust.certified(doc.by)
    if (!author.ok || !mayHoldAuditKeyRole(author.account.role)) continue
    if (!(await importEcdhPublicKey(doc.publicJwk).then(() => true, () => false))) continue
    const signed = typeof doc.sig === 'string' && (await verify(await importEcdsaPublicKey(author.account.ecdsa), auditKeyStatement(doc), doc.sig).catch(() => false))
    if (!signed) {
      await refuseDocument(storage, doc, 'audit key: not signed by its certified minter')
      continue
    }
    best = doc
    bestEpoch = epoch
  }
  if (!best) return undefined
  await storage.signIns.putOrg({ ...org, auditPublicJwk: best.publicJwk, auditKid: best.kid })
  await storage.audit.append({ action: 'key.change', by: session.userId, recordId: 'org', recordType: 'org', detail: `audit key ${best.kid} published` })
  return best.kid
}
