import { describe, expect, it } from 'vitest'
import { generateCardKey, signCard, verifyCard, type CardKeyPair } from './card-key'
import { isCryptoError } from './errors'
import { looksLikeVisitorBadge, signBadge, verifyBadge } from './visitor-badge'

const orgId = 'org:Q2x1YkhvdXNlMjAyNg'
const visitId = 'visit:Zm9vYmFyYmF6cXV4MTIzNA'
const memberId = 'member:8f3kA-_zQm1RtY0bXw2LcA'
const minute = 60_000
// 7 December 2026, 18:00 in Shanghai: the end of the visitor's day.
const expiresAt = Date.UTC(2026, 11, 7, 10, 0)
const before = expiresAt - 4 * 60 * minute

/** The badge text with part `index` (0 prefix, 1 visit id, 2 expiry, 3 epoch, 4 signature) replaced. */
function withPart(text: string, index: number, value: string): string {
  const parts = text.split('.')
  parts[index] = value
  return parts.join('.')
}

/** The public keys a desk holds: `pair` as the key of `epoch`. */
const keysOf = (pair: CardKeyPair, epoch = 1) => (e: number) => (e === epoch ? pair.publicJwk : undefined)

describe('REC-4 visitor badge tokens', () => {
  it('REC-4: round-trips a badge: its text names the visit, its expiry and the key epoch, and verifies under the org card key', async () => {
    const key = await generateCardKey()
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.privateJwk)
    expect(badge).toMatch(new RegExp(`^LBV1\\.${visitId}\\.${expiresAt}\\.1\\.[A-Za-z0-9_-]{86}$`))
    expect(await verifyBadge(badge, keysOf(key), orgId, before)).toEqual({ ok: true, visitId, expiresAt, epoch: 1 })
    // What a keyboard-wedge scanner adds around the text.
    expect(await verifyBadge(` ${badge}\r\n`, keysOf(key), orgId, before)).toMatchObject({ ok: true, visitId })
    expect(looksLikeVisitorBadge(badge)).toBe(true)
  })

  it('REC-4: a badge is good until its expiry: one minute before it reads, one minute after it is expired (still naming its visit)', async () => {
    const key = await generateCardKey()
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.privateJwk)
    expect(await verifyBadge(badge, keysOf(key), orgId, expiresAt - minute)).toEqual({ ok: true, visitId, expiresAt, epoch: 1 })
    // Expired, but authentic: reception can still check the visit out by it (REC-6).
    expect(await verifyBadge(badge, keysOf(key), orgId, expiresAt + minute)).toEqual({ ok: false, reason: 'expired', visitId, expiresAt, epoch: 1 })
    expect(await verifyBadge(badge, keysOf(key), orgId, expiresAt)).toMatchObject({ ok: false, reason: 'expired' })
  })

  it('REC-4: a tampered badge is forged: another visit, a later expiry, a changed or zeroed signature', async () => {
    const key = await generateCardKey()
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.privateJwk)
    const signature = badge.split('.')[4]!
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`
    for (const tampered of [
      withPart(badge, 1, 'visit:Zm9vYmFyYmF6cXV4MTIzNB'),
      withPart(badge, 2, String(expiresAt + 24 * 60 * minute)),
      withPart(badge, 4, flipped),
      withPart(badge, 4, 'A'.repeat(86)),
    ]) {
      expect(await verifyBadge(tampered, keysOf(key), orgId, before)).toEqual({ ok: false, reason: 'forged' })
    }
    // A forged badge is forged whatever its expiry says: "expired" is only said of a badge we issued.
    expect(await verifyBadge(withPart(badge, 1, 'visit:other'), keysOf(key), orgId, expiresAt + minute)).toEqual({ ok: false, reason: 'forged' })
  })

  it("REC-4: another organisation's badge is forged, even under the same key; one signed by another key is forged", async () => {
    const [key, other] = await Promise.all([generateCardKey(), generateCardKey()])
    const theirs = await signBadge({ orgId: 'org:other', visitId, expiresAt, epoch: 1 }, key.privateJwk)
    expect(await verifyBadge(theirs, keysOf(key), orgId, before)).toEqual({ ok: false, reason: 'forged' })
    const otherKey = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, other.privateJwk)
    expect(await verifyBadge(otherKey, keysOf(key), orgId, before)).toEqual({ ok: false, reason: 'forged' })
  })

  it("REC-4: a badge names its key's epoch: it verifies under that epoch's key when held, is unknown-key when not, forged when relabelled", async () => {
    const [first, second] = await Promise.all([generateCardKey(), generateCardKey()])
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 2 }, second.privateJwk)
    const both = (e: number) => (e === 1 ? first.publicJwk : e === 2 ? second.publicJwk : undefined)
    expect(await verifyBadge(badge, both, orgId, before)).toEqual({ ok: true, visitId, expiresAt, epoch: 2 })
    // This device has not taken in the second key yet: the badge cannot be checked, and is not called forged.
    expect(await verifyBadge(badge, keysOf(first, 1), orgId, before)).toEqual({ ok: false, reason: 'unknown-key' })
    expect(await verifyBadge(withPart(badge, 3, '1'), both, orgId, before)).toEqual({ ok: false, reason: 'forged' })
    // An older epoch still held verifies the badges it signed.
    const older = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, first.privateJwk)
    expect(await verifyBadge(older, both, orgId, before)).toMatchObject({ ok: true, epoch: 1 })
  })

  it('REC-4: a member card is not a badge, and never verifies as one, even relabelled with its own signature', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 3, epoch: 1 }, key.privateJwk)
    expect(looksLikeVisitorBadge(card)).toBe(false)
    expect(await verifyBadge(card, keysOf(key), orgId, before)).toEqual({ ok: false, reason: 'not-a-badge' })
    const [, id, serial, epoch, signature] = card.split('.')
    expect(await verifyBadge(`LBV1.${id}.${serial}.${epoch}.${signature}`, keysOf(key), orgId, 0)).toEqual({ ok: false, reason: 'forged' })
  })

  it('MEM-8, REC-4: a badge is not a member card, and never verifies as one, even relabelled with its own signature', async () => {
    const key = await generateCardKey()
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.privateJwk)
    expect(await verifyCard(badge, keysOf(key), orgId)).toEqual({ ok: false, reason: 'not-a-card' })
    const [, id, expiry, epoch, signature] = badge.split('.')
    expect(await verifyCard(`LBY2.${id}.${expiry}.${epoch}.${signature}`, keysOf(key), orgId)).toEqual({ ok: false, reason: 'forged' })
  })

  it('REC-4: other texts, damaged reads and garbage are not badges, never throwing', async () => {
    const key = await generateCardKey()
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.privateJwk)
    const texts = [
      '',
      'https://example.com/visit/1',
      '13800138000',
      'LBV1',
      'LBV1....',
      badge.slice(0, -1),
      `${badge}.extra`,
      withPart(badge, 0, 'LBV2'),
      withPart(badge, 0, 'lbv1'),
      withPart(badge, 1, ''),
      withPart(badge, 1, 'visit/x'),
      withPart(badge, 1, 'v'.repeat(101)),
      withPart(badge, 2, '01'),
      withPart(badge, 2, '-1'),
      withPart(badge, 2, '99999999999999999'),
      withPart(badge, 3, '0'),
      withPart(badge, 3, '1234567890'),
      'LBV1.' + 'A'.repeat(1_000_000),
    ]
    for (const text of texts) {
      expect(looksLikeVisitorBadge(text), JSON.stringify(text.slice(0, 60))).toBe(false)
      await expect(verifyBadge(text, keysOf(key), orgId, before), JSON.stringify(text.slice(0, 60))).resolves.toEqual({ ok: false, reason: 'not-a-badge' })
    }
    for (const notText of [undefined, null, 42, {}] as unknown as string[]) {
      expect(looksLikeVisitorBadge(notText)).toBe(false)
      expect(await verifyBadge(notText, keysOf(key), orgId, before)).toEqual({ ok: false, reason: 'not-a-badge' })
    }
  })

  it('REC-4: refuses to sign what a badge cannot carry, and a key that is not a P-256 key of the right kind', async () => {
    const key = await generateCardKey()
    for (const bad of [
      { orgId, visitId: 'visit.x', expiresAt, epoch: 1 },
      { orgId, visitId: '', expiresAt, epoch: 1 },
      { orgId, visitId, expiresAt: -1, epoch: 1 },
      { orgId, visitId, expiresAt: 1.5, epoch: 1 },
      { orgId, visitId, expiresAt: Number.MAX_SAFE_INTEGER + 1, epoch: 1 },
      { orgId, visitId, expiresAt, epoch: 0 },
      { orgId, visitId, expiresAt, epoch: 1_000_000_000 },
    ]) {
      await expect(signBadge(bad, key.privateJwk)).rejects.toThrow(RangeError)
    }
    await expect(signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.publicJwk)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    const badge = await signBadge({ orgId, visitId, expiresAt, epoch: 1 }, key.privateJwk)
    // A broken verifying key must not make every badge look forged.
    await expect(verifyBadge(badge, () => ({ kty: 'oct', k: 'AAAA' }), orgId, before)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
  })
})
