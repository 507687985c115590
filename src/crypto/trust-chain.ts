import { mayCertify } from '@/core/access/trust-rules'
import { isStaffRole, type StaffRole } from '@/core/access/roles'
import { certificateSignedBy, sameKey, type KeyCertificate } from './certificates'

/** The organisation's root of trust as pinned on a device: the founding admin and their ECDSA public key. */
export interface TrustRoot {
  orgId: string
  userId: string
  publicJwk: JsonWebKey
}

export type ChainResult = { ok: true; cert: KeyCertificate & { role: StaffRole } } | { ok: false; reason: string }

/** Certificates more than this many links from the root are refused (a loop or a made-up chain). */
const maxDepth = 16

/**
 * CONF-9: walks `userId`'s certificate back to the pinned root. Each link must
 * be signed by its certifier's certified ECDSA key, the certifier must be
 * active (`isActive`) and allowed to certify the subject's role
 * (`mayCertify`); the root certifies itself with the pinned key.
 */
export function createChainVerifier(root: TrustRoot, certs: (userId: string) => KeyCertificate | undefined, isActive: (userId: string) => boolean) {
  const done = new Map<string, Promise<ChainResult>>()

  async function walk(userId: string, depth: number): Promise<ChainResult> {
    if (depth > maxDepth) return { ok: false, reason: 'certificate chain too long' }
    const cert = certs(userId)
    if (!cert || cert.userId !== userId) return { ok: false, reason: `no certificate for ${userId}` }
    if (cert.orgId !== root.orgId) return { ok: false, reason: `certificate of ${userId} is for another organisation` }
    if (!isStaffRole(cert.role)) return { ok: false, reason: `certificate of ${userId} names no staff role` }
    const typed = cert as KeyCertificate & { role: StaffRole }
    if (userId === root.userId) {
      const ok = cert.by === userId && cert.role === 'admin' && sameKey(cert.ecdsa, root.publicJwk) && (await certificateSignedBy(cert, root.publicJwk))
      return ok ? { ok: true, cert: typed } : { ok: false, reason: 'the root certificate does not match the pinned root' }
    }
    if (cert.by === userId) return { ok: false, reason: `${userId} certified themselves` }
    if (!isActive(cert.by)) return { ok: false, reason: `${userId} was certified by ${cert.by}, who is not active` }
    const certifier = await verify(cert.by, depth + 1)
    if (!certifier.ok) return { ok: false, reason: `certifier of ${userId}: ${certifier.reason}` }
    if (!mayCertify(certifier.cert.role, typed.role)) return { ok: false, reason: `a ${certifier.cert.role} may not certify a ${typed.role}` }
    if (!(await certificateSignedBy(cert, certifier.cert.ecdsa))) return { ok: false, reason: `certificate of ${userId} has a bad signature` }
    return { ok: true, cert: typed }
  }

  function verify(userId: string, depth = 0): Promise<ChainResult> {
    let result = done.get(userId)
    if (!result) {
      // A placeholder first, so a loop of certificates ends as a refusal.
      done.set(userId, Promise.resolve({ ok: false, reason: 'certificate loop' }))
      result = walk(userId, depth)
      done.set(userId, result)
    }
    return result
  }

  return { verify: (userId: string) => verify(userId) }
}
