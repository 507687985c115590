import { fromBase64Url, utf8 } from './bytes'
import { CryptoError } from './errors'
import { canonicalJson, sha256, sign, verify } from './signature'
import { importEcdsaPublicKey } from './user-keys'

/**
 * CONF-9: a signed statement that one account's public keys are theirs. The
 * founding admin's certificate is signed by themselves (the organisation's
 * root of trust); every other one by an admin or manager whose own
 * certificate leads back to the root (`trust-chain.ts`).
 */
export interface KeyCertificate {
  v: 1
  orgId: string
  userId: string
  role: string
  /** the account's ECDH public key: grants are sealed to it */
  ecdh: JsonWebKey
  /** the account's ECDSA public key: it signs grants and certificates */
  ecdsa: JsonWebKey
  /** the certifier's user id (the subject's own for the root) */
  by: string
  at: string
  /** ECDSA P-256 signature of `certificateStatement` by the certifier, base64url */
  sig: string
}

/** Only the public EC fields of a JWK, so one key has one text form wherever it is stored. */
export function publicJwk(jwk: unknown): JsonWebKey {
  const j = (typeof jwk === 'object' && jwk !== null ? jwk : {}) as Record<string, unknown>
  if (j.kty !== 'EC' || j.crv !== 'P-256' || typeof j.x !== 'string' || typeof j.y !== 'string') throw new CryptoError('malformed', 'not a P-256 public JWK')
  return { kty: 'EC', crv: 'P-256', x: j.x, y: j.y }
}

/** Whether two JWKs are the same public key. */
export function sameKey(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(publicJwk(a)) === canonicalJson(publicJwk(b))
  } catch {
    return false
  }
}

/** The exact bytes a certificate's signature covers. */
export function certificateStatement(c: Omit<KeyCertificate, 'sig'>): Uint8Array {
  return utf8(canonicalJson({ purpose: 'lobby-key-certificate', v: 1, orgId: c.orgId, userId: c.userId, role: c.role, ecdh: publicJwk(c.ecdh), ecdsa: publicJwk(c.ecdsa), by: c.by, at: c.at }))
}

/** Signs a certificate with the certifier's ECDSA private key. */
export async function signCertificate(body: Omit<KeyCertificate, 'sig' | 'v' | 'ecdh' | 'ecdsa'> & { ecdh: JsonWebKey; ecdsa: JsonWebKey }, certifierKey: CryptoKey): Promise<KeyCertificate> {
  const c = { v: 1 as const, orgId: body.orgId, userId: body.userId, role: body.role, ecdh: publicJwk(body.ecdh), ecdsa: publicJwk(body.ecdsa), by: body.by, at: body.at }
  return { ...c, sig: await sign(certifierKey, certificateStatement(c)) }
}

/** Whether `c` is well formed and signed by the holder of `certifierJwk`. False, never a throw. */
export async function certificateSignedBy(c: KeyCertificate, certifierJwk: JsonWebKey): Promise<boolean> {
  try {
    if (c.v !== 1 || typeof c.sig !== 'string' || typeof c.userId !== 'string' || typeof c.by !== 'string' || typeof c.role !== 'string') return false
    return await verify(await importEcdsaPublicKey(publicJwk(certifierJwk)), certificateStatement(c), c.sig)
  } catch {
    return false
  }
}

/**
 * A public key's fingerprint: SHA-256 of its canonical JWK, as 16 groups of 4
 * hexadecimal digits (`AB12 CD34 …`), for people to compare by eye.
 */
export async function keyFingerprint(jwk: JsonWebKey): Promise<string> {
  const digest = fromBase64Url(await sha256(utf8(canonicalJson(publicJwk(jwk)))))
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()
  return hex.match(/.{4}/g)!.join(' ')
}
