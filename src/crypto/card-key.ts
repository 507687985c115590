/**
 * MEM-8: member cards. A card's QR text is `LBY2.<memberId>.<serial>.<epoch>.<signature>`,
 * signed with the organisation's card key of that epoch (ECDSA P-256). The key is
 * rotated when someone holding the desk realm leaves, so a departed colleague's copy
 * of an old key stops signing cards that pass; the epoch says which key to check.
 * Cards printed before epochs (`LBY1.<memberId>.<serial>.<signature>`) read as epoch 1.
 * The signed message also binds the organisation id, so a card from another
 * organisation reads as forged even where the same key pair was reused. '.' separates
 * the parts because it is in neither a typed id (`member:<base64url>`) nor base64url.
 */
import { CryptoError } from './errors'
import { utf8 } from './bytes'
import { canonicalJson, sign, verify } from './signature'

const ecdsaP256 = { name: 'ECDSA', namedCurve: 'P-256' } as const
const prefix = 'LBY2'
// Typed ids: `<type>:<base64url>`. The bound keeps a scanned text from becoming a huge allocation.
const memberIdPattern = /^[A-Za-z0-9_:-]{1,100}$/
// 64 signature bytes are 86 unpadded base64url characters.
const cardV1Pattern = /^LBY1\.([A-Za-z0-9_:-]{1,100})\.(0|[1-9][0-9]{0,15})\.([A-Za-z0-9_-]{86})$/
const cardPattern = /^LBY2\.([A-Za-z0-9_:-]{1,100})\.(0|[1-9][0-9]{0,15})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{86})$/
const maxCardLength = 256
const maxEpoch = 999_999_999

export interface CardKeyPair {
  privateJwk: JsonWebKey
  publicJwk: JsonWebKey
}

export interface CardFields {
  orgId: string
  memberId: string
  /** MEM-8: raised on every reissue, so an older card reads as revoked. */
  serial: number
  /** MEM-8: the card key's epoch (1 for the organisation's first key), raised on every rotation. */
  epoch: number
}

/** `unknown-key`: a card of an epoch this device holds no key of (not synced yet, or made up): it cannot be checked. */
export type CardVerification = { ok: true; memberId: string; serial: number; epoch: number } | { ok: false; reason: 'not-a-card' | 'forged' | 'unknown-key' }

/** The public card key of an epoch, or undefined when this device holds none of that epoch. */
export type CardPublicKeys = (epoch: number) => JsonWebKey | undefined

/** A fresh card signing key pair for an organisation, as JWKs (stored sealed by the caller). */
export async function generateCardKey(): Promise<CardKeyPair> {
  const pair = await crypto.subtle.generateKey(ecdsaP256, true, ['sign', 'verify'])
  const [privateJwk, publicJwk] = await Promise.all([
    crypto.subtle.exportKey('jwk', pair.privateKey),
    crypto.subtle.exportKey('jwk', pair.publicKey),
  ])
  return { privateJwk, publicJwk }
}

/**
 * The QR text of a member's card. Throws `RangeError` for a member id or serial a
 * card cannot carry, and `CryptoError('malformed')` for a key that is not a P-256 private JWK.
 */
export async function signCard(input: CardFields, privateJwk: JsonWebKey): Promise<string> {
  if (!memberIdPattern.test(input.memberId)) throw new RangeError(`not a card member id: ${input.memberId}`)
  if (!Number.isSafeInteger(input.serial) || input.serial < 0) throw new RangeError(`not a card serial: ${input.serial}`)
  if (!Number.isSafeInteger(input.epoch) || input.epoch < 1 || input.epoch > maxEpoch) throw new RangeError(`not a card key epoch: ${input.epoch}`)
  const key = await importCardKey(privateJwk, 'sign')
  const signature = await sign(key, cardMessage(input))
  return `${prefix}.${input.memberId}.${input.serial}.${input.epoch}.${signature}`
}

/**
 * Reads a scanned text as one of `orgId`'s cards. Never throws for the text:
 * `not-a-card` when it is not a card at all (a URL, a member number, a damaged
 * read), `forged` when it is shaped like a card but its signature does not hold
 * for this organisation under the key of the epoch it names, `unknown-key` when
 * this device holds no key of that epoch. Throws `CryptoError('malformed')` only when the
 * key of that epoch is not a P-256 public key: a broken key must not make every
 * card look forged.
 */
export async function verifyCard(text: string, publicKeys: CardPublicKeys, orgId: string): Promise<CardVerification> {
  if (typeof text !== 'string' || text.length > maxCardLength) return { ok: false, reason: 'not-a-card' }
  const card = parseCard(text.trim())
  if (!card) return { ok: false, reason: 'not-a-card' }
  const jwk = publicKeys(card.epoch)
  if (!jwk) return { ok: false, reason: 'unknown-key' }
  const key = await importCardKey(jwk, 'verify')
  const fields = { orgId, memberId: card.memberId, serial: card.serial, epoch: card.epoch }
  // verify() is false, never a throw, for a signature that is not 64 canonical bytes.
  const valid = await verify(key, card.v1 ? cardMessageV1(fields) : cardMessage(fields), card.signature)
  return valid ? { ok: true, memberId: card.memberId, serial: card.serial, epoch: card.epoch } : { ok: false, reason: 'forged' }
}

/**
 * Whether a scanned text is shaped like one of our member cards (LBY1 or LBY2, every part well formed), before
 * any key is read: the check-in scanner treats only these as cards, so a visitor badge or another code that
 * merely starts with the same letters is never verified, or audited, as a forged card.
 */
export function looksLikeMemberCard(text: string): boolean {
  return typeof text === 'string' && text.length <= maxCardLength && parseCard(text.trim()) !== undefined
}

function parseCard(text: string): { memberId: string; serial: number; epoch: number; signature: string; v1: boolean } | undefined {
  const v2 = cardPattern.exec(text)
  const v1 = v2 ? undefined : cardV1Pattern.exec(text)
  if (!v2 && !v1) return undefined
  const [, memberId = '', serialText = '', epochText = '1', signature = ''] = v2 ?? [v1![0], v1![1], v1![2], '1', v1![3]]
  const serial = Number(serialText)
  if (!Number.isSafeInteger(serial)) return undefined
  return { memberId, serial, epoch: Number(epochText), signature, v1: !v2 }
}

/** What is signed: a domain tag and the four fields, in an encoding no two inputs share. */
function cardMessage({ orgId, memberId, serial, epoch }: CardFields): Uint8Array<ArrayBuffer> {
  return utf8(canonicalJson(['lobby-card-v2', orgId, memberId, serial, epoch]))
}

/** What an LBY1 card (before key epochs, so epoch 1) was signed over: its own tag, so neither format passes for the other. */
function cardMessageV1({ orgId, memberId, serial }: CardFields): Uint8Array<ArrayBuffer> {
  return utf8(canonicalJson(['lobby-card-v1', orgId, memberId, serial]))
}

/** A card key of the organisation as WebCrypto takes it; visitor badges (visitor-badge.ts) are signed with it too. */
export async function importCardKey(jwk: JsonWebKey, use: 'sign' | 'verify'): Promise<CryptoKey> {
  const wanted = use === 'sign' ? 'private' : 'public'
  try {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new TypeError()
    const key = await crypto.subtle.importKey('jwk', keyMaterial(jwk, use), ecdsaP256, false, [use])
    if (key.type !== wanted) throw new TypeError()
    return key
  } catch {
    throw new CryptoError('malformed', `not a P-256 ${wanted} card key`)
  }
}

// A JWK's `key_ops`/`use` from another tool could forbid the operation; only the key material matters here.
function keyMaterial(jwk: JsonWebKey, use: 'sign' | 'verify'): JsonWebKey {
  const { kty, crv, x, y, d } = jwk
  return use === 'sign' ? { kty, crv, x, y, d } : { kty, crv, x, y }
}
