/**
 * REC-4: visitor badges. A badge's QR text is `LBV1.<visitId>.<expiresAt>.<epoch>.<signature>`: the visit it
 * admits, the instant it stops being good (epoch milliseconds), and the epoch of the organisation's card key
 * that signed it (MEM-8: the desk already holds that key, and its rotation on a departure covers badges too).
 * The signed statement has its own domain tag and binds the organisation id, so a badge's signature never
 * verifies as a member card's, a card's never as a badge's, and another organisation's badge reads as forged.
 * The prefix differs from a card's (`LBY`), so the member check-in scanner tells a badge from a card by its
 * shape alone, without a key.
 */
import { utf8 } from './bytes'
import { importCardKey, type CardPublicKeys } from './card-key'
import { canonicalJson, sign, verify } from './signature'

// Typed ids (`visit:<base64url>`); a safe integer of milliseconds; an epoch as a card names it; 64 signature bytes.
const badgePattern = /^LBV1\.([A-Za-z0-9_:-]{1,100})\.(0|[1-9][0-9]{0,15})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{86})$/
const visitIdPattern = /^[A-Za-z0-9_:-]{1,100}$/
const maxBadgeLength = 256
const maxEpoch = 999_999_999

export interface BadgeFields {
  orgId: string
  visitId: string
  /** The instant the badge stops being good, epoch milliseconds. */
  expiresAt: number
  /** The epoch of the card key that signs it (MEM-8). */
  epoch: number
}

/**
 * `expired` is said only of a badge whose signature holds, and still names its visit: reception checks a late
 * visitor out by it (REC-6). `unknown-key`: a badge of an epoch this device holds no key of: it cannot be checked.
 */
export type BadgeVerification =
  | { ok: true; visitId: string; expiresAt: number; epoch: number }
  | { ok: false; reason: 'expired'; visitId: string; expiresAt: number; epoch: number }
  | { ok: false; reason: 'not-a-badge' | 'forged' | 'unknown-key' }

/** Whether a scanned text is shaped like a visitor badge (no key needed, nothing verified). */
export function looksLikeVisitorBadge(text: string): boolean {
  return parseBadge(text) !== undefined
}

/**
 * The QR text of a visitor's badge. Throws `RangeError` for a visit id, expiry or epoch a badge cannot carry,
 * and `CryptoError('malformed')` for a key that is not a P-256 private JWK.
 */
export async function signBadge(input: BadgeFields, privateJwk: JsonWebKey): Promise<string> {
  if (!visitIdPattern.test(input.visitId)) throw new RangeError(`not a badge visit id: ${input.visitId}`)
  if (!Number.isSafeInteger(input.expiresAt) || input.expiresAt < 0) throw new RangeError(`not a badge expiry: ${input.expiresAt}`)
  if (!Number.isSafeInteger(input.epoch) || input.epoch < 1 || input.epoch > maxEpoch) throw new RangeError(`not a card key epoch: ${input.epoch}`)
  const key = await importCardKey(privateJwk, 'sign')
  const signature = await sign(key, badgeMessage(input))
  return `LBV1.${input.visitId}.${input.expiresAt}.${input.epoch}.${signature}`
}

/**
 * Reads a scanned text as one of `orgId`'s badges at `now`. Never throws for the text: `not-a-badge` when it is
 * not shaped like one (a member card, a URL, a damaged read), `unknown-key` when this device holds no key of its
 * epoch, `forged` when its signature does not hold for this organisation, `expired` when it is authentic but
 * `now` is at or past its expiry. Throws `CryptoError('malformed')` only for a key that is not a P-256 public
 * key: a broken key must not make every badge look forged.
 */
export async function verifyBadge(text: string, publicKeys: CardPublicKeys, orgId: string, now: number): Promise<BadgeVerification> {
  const badge = parseBadge(text)
  if (!badge) return { ok: false, reason: 'not-a-badge' }
  const jwk = publicKeys(badge.epoch)
  if (!jwk) return { ok: false, reason: 'unknown-key' }
  const key = await importCardKey(jwk, 'verify')
  // verify() is false, never a throw, for a signature that is not 64 canonical bytes.
  if (!(await verify(key, badgeMessage({ orgId, ...badge }), badge.signature))) return { ok: false, reason: 'forged' }
  const { visitId, expiresAt, epoch } = badge
  return now >= expiresAt ? { ok: false, reason: 'expired', visitId, expiresAt, epoch } : { ok: true, visitId, expiresAt, epoch }
}

function parseBadge(text: unknown): (Omit<BadgeFields, 'orgId'> & { signature: string }) | undefined {
  if (typeof text !== 'string' || text.length > maxBadgeLength) return undefined
  const match = badgePattern.exec(text.trim())
  if (!match) return undefined
  const [, visitId = '', expiresText = '', epochText = '', signature = ''] = match
  const expiresAt = Number(expiresText)
  if (!Number.isSafeInteger(expiresAt)) return undefined
  return { visitId, expiresAt, epoch: Number(epochText), signature }
}

/** What is signed: a tag no card statement has, and the four fields, in an encoding no two inputs share. */
function badgeMessage({ orgId, visitId, expiresAt, epoch }: BadgeFields): Uint8Array<ArrayBuffer> {
  return utf8(canonicalJson(['lobby-visitor-badge-v1', orgId, visitId, expiresAt, epoch]))
}
