import { CryptoError } from './errors'

/** A user's long-term key pairs: ECDH to receive wrapped realm keys, ECDSA to sign. */
export interface UserKeyPairs {
  ecdh: CryptoKeyPair
  ecdsa: CryptoKeyPair
}

/** One key pair as JWKs. */
export interface ExportedKeyPair {
  publicJwk: JsonWebKey
  privateJwk: JsonWebKey
}

/** UserKeyPairs as JWKs, the form stored inside the passphrase-encrypted keyring. */
export interface ExportedUserKeys {
  ecdh: ExportedKeyPair
  ecdsa: ExportedKeyPair
}

const ecdh = { name: 'ECDH', namedCurve: 'P-256' } as const
const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' } as const

/** Fresh P-256 pairs. Private keys are extractable because they must be saved into the encrypted keyring. */
export async function generateUserKeyPairs(): Promise<UserKeyPairs> {
  const [e, s] = await Promise.all([
    crypto.subtle.generateKey(ecdh, true, ['deriveBits']),
    crypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']),
  ])
  return { ecdh: e, ecdsa: s }
}

async function exportPair(p: CryptoKeyPair): Promise<ExportedKeyPair> {
  const [publicJwk, privateJwk] = await Promise.all([crypto.subtle.exportKey('jwk', p.publicKey), crypto.subtle.exportKey('jwk', p.privateKey)])
  return { publicJwk, privateJwk }
}

/** Both pairs as JWKs. */
export async function exportUserKeyPairs(p: UserKeyPairs): Promise<ExportedUserKeys> {
  const [e, s] = await Promise.all([exportPair(p.ecdh), exportPair(p.ecdsa)])
  return { ecdh: e, ecdsa: s }
}

/**
 * Only the EC fields. Dropping `d` means a public import can never yield a
 * private key; dropping key_ops/ext lets us choose the usages ourselves.
 */
function ecJwk(jwk: unknown, withPrivate: boolean): JsonWebKey {
  const j = (typeof jwk === 'object' && jwk !== null ? jwk : {}) as Record<string, unknown>
  const fields = withPrivate ? (['x', 'y', 'd'] as const) : (['x', 'y'] as const)
  if (j.kty !== 'EC' || j.crv !== 'P-256' || fields.some((f) => typeof j[f] !== 'string')) {
    throw new CryptoError('malformed', `not a P-256 ${withPrivate ? 'private' : 'public'} JWK`)
  }
  const out: JsonWebKey = { kty: 'EC', crv: 'P-256', x: j.x as string, y: j.y as string }
  if (withPrivate) out.d = j.d as string
  return out
}

async function importJwk(jwk: JsonWebKey, algorithm: EcKeyImportParams, extractable: boolean, usages: KeyUsage[]): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('jwk', jwk, algorithm, extractable, usages)
  } catch {
    // WebCrypto says DataError for a point off the curve or a bad scalar.
    throw new CryptoError('malformed', `invalid ${algorithm.name} key`)
  }
}

/** Another user's (or the audit realm's) ECDH public key, to seal boxes to. */
export async function importEcdhPublicKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return importJwk(ecJwk(jwk, false), ecdh, true, [])
}

/** An ECDH private key (a user's own, or the audit realm's), to open sealed boxes. Extractable so the keyring can be re-locked. */
export async function importEcdhPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return importJwk(ecJwk(jwk, true), ecdh, true, ['deriveBits'])
}

/** A user's ECDSA public key, to verify their signatures. */
export async function importEcdsaPublicKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return importJwk(ecJwk(jwk, false), ecdsa, true, ['verify'])
}

/** Pairs back from JWKs; throws 'malformed' for anything that is not a P-256 key of the right kind. */
export async function importUserKeyPairs(e: ExportedUserKeys): Promise<UserKeyPairs> {
  if (typeof e !== 'object' || e === null || typeof e.ecdh !== 'object' || typeof e.ecdsa !== 'object' || !e.ecdh || !e.ecdsa) {
    throw new CryptoError('malformed', 'user keys must hold ecdh and ecdsa pairs')
  }
  const [ecdhPublic, ecdhPrivate, ecdsaPublic, ecdsaPrivate] = await Promise.all([
    importEcdhPublicKey(e.ecdh.publicJwk),
    importEcdhPrivateKey(e.ecdh.privateJwk),
    importEcdsaPublicKey(e.ecdsa.publicJwk),
    importJwk(ecJwk(e.ecdsa.privateJwk, true), ecdsa, true, ['sign']),
  ])
  return { ecdh: { publicKey: ecdhPublic, privateKey: ecdhPrivate }, ecdsa: { publicKey: ecdsaPublic, privateKey: ecdsaPrivate } }
}
