import { asBufferSource, fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes'
import { CryptoError } from './errors'
import { importEcdhPublicKey } from './user-keys'

/** A message only the holder of one ECDH private key can open (ECIES: ephemeral P-256 ECDH, HKDF-SHA256, AES-GCM-256). */
export interface SealedBox {
  /** the sender's ephemeral public key */
  epk: JsonWebKey
  /** base64url, 12 bytes */
  iv: string
  /** base64url AES-GCM ciphertext with tag */
  ct: string
}

const ecdh = { name: 'ECDH', namedCurve: 'P-256' } as const

/**
 * The box key for one ephemeral/recipient pair. The HKDF salt is the ephemeral
 * public point, so a box cannot be re-pointed at another ephemeral key (say the
 * negated point, which gives the same shared x) and still open; the info
 * carries the context, so a key wrapped for one purpose opens for no other.
 */
async function boxKey(privateKey: CryptoKey, publicKey: CryptoKey, epk: CryptoKey, context: string): Promise<CryptoKey> {
  const [shared, epkRaw] = await Promise.all([
    crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256),
    crypto.subtle.exportKey('raw', epk),
  ])
  const base = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: utf8(`lobby/sealed-box/v1|${context}`) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/**
 * Seals `plaintext` to `recipientPublic` for `context` (e.g. `grant|desk:1|userId`),
 * which is also the additional data. Anyone can seal; only the private key opens.
 */
export async function sealTo(recipientPublic: CryptoKey, plaintext: Uint8Array, context: string): Promise<SealedBox> {
  const ephemeral = await crypto.subtle.generateKey(ecdh, false, ['deriveBits'])
  const key = await boxKey(ephemeral.privateKey, recipientPublic, ephemeral.publicKey, context)
  const iv = randomBytes(12)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, key, asBufferSource(plaintext))
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', ephemeral.publicKey)
  return { epk: { kty, crv, x, y }, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) }
}

function malformed(message: string): CryptoError {
  return new CryptoError('malformed', message)
}

function decodeField(box: Record<string, unknown>, field: 'iv' | 'ct'): Uint8Array<ArrayBuffer> {
  const value = box[field]
  try {
    if (typeof value === 'string') return fromBase64Url(value)
  } catch {
    // fall through to the same refusal
  }
  throw malformed(`sealed box ${field} must be base64url`)
}

/**
 * Opens a box sealed to the public half of `recipientPrivate` for `context`.
 * Throws 'malformed' for a bad shape or ephemeral key, 'tampered' when it does
 * not authenticate (altered, another recipient, or another context).
 */
export async function openSealed(recipientPrivate: CryptoKey, box: SealedBox, context: string): Promise<Uint8Array> {
  if (typeof box !== 'object' || box === null) throw malformed('sealed box must be an object')
  const iv = decodeField(box as unknown as Record<string, unknown>, 'iv')
  const ct = decodeField(box as unknown as Record<string, unknown>, 'ct')
  if (iv.length !== 12 || ct.length < 16) throw malformed('sealed box iv or ct has the wrong length')
  const epk = await importEcdhPublicKey(box.epk)
  try {
    const key = await boxKey(recipientPrivate, epk, epk, context)
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, key, ct)
    return new Uint8Array(plain)
  } catch {
    throw new CryptoError('tampered', 'sealed box failed authentication')
  }
}
