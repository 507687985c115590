import type { StaffRole } from '@/core/access/roles'
import { createChainVerifier, type TrustRoot } from '@/crypto/trust-chain'
import type { AccountDoc } from './documents'
import type { SignInsRepo } from './sign-ins.repo'

/**
 * CONF-9: which accounts' public keys this device trusts, through certificate chains to its pinned
 * root. It sits in storage (identity/trust.ts re-exports it) because a repository that seals to a
 * colleague or checks their signature (REC-3 notices) needs it as much as sign-in and grants do.
 */

type WithSignIns = { signIns: SignInsRepo }

/** The account's keys as certified: what grants are sealed to and verified against. */
export interface CertifiedAccount {
  userId: string
  role: StaffRole
  ecdh: JsonWebKey
  ecdsa: JsonWebKey
}

/**
 * The users this device has ever seen deactivated, the ones it sees now
 * added. A deactivation cannot be undone by a later account document (an
 * old one replayed, or one written by whoever controls the server): the
 * person gets a new account instead.
 */
export async function departedHere(storage: WithSignIns, accounts?: AccountDoc[]): Promise<Set<string>> {
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
export async function loadTrust(storage: WithSignIns) {
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

