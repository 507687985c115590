import { describe, expect, it } from 'vitest'
import { toBase64Url } from './bytes'
import { generateCardKey, looksLikeMemberCard, signCard, verifyCard, type CardKeyPair } from './card-key'
import { canonicalJson, sign } from './signature'
import { isCryptoError } from './errors'

const orgId = 'org:Q2x1YkhvdXNlMjAyNg'
const memberId = 'member:8f3kA-_zQm1RtY0bXw2LcA'

/** The card text with part `index` (0 prefix, 1 member id, 2 serial, 3 epoch, 4 signature) replaced. */
function withPart(card: string, index: number, value: string): string {
  const parts = card.split('.')
  parts[index] = value
  return parts.join('.')
}

/** The public keys a desk holds: `pair` as the key of `epoch`. */
const keysOf = (pair: CardKeyPair, epoch = 1) => (e: number) => (e === epoch ? pair.publicJwk : undefined)

describe('MEM-8 card signatures', () => {
  it('round-trips a card: the text names the member and serial and verifies under the org key', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 3, epoch: 1 }, key.privateJwk)
    expect(card).toMatch(/^LBY2\.member:8f3kA-_zQm1RtY0bXw2LcA\.3\.1\.[A-Za-z0-9_-]{86}$/)
    expect(await verifyCard(card, keysOf(key), orgId)).toEqual({ ok: true, memberId, serial: 3, epoch: 1 })
  })

  it('keeps the card compact enough for a small, fast-scanning QR', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 12, epoch: 1 }, key.privateJwk)
    expect(card.length).toBeLessThanOrEqual(130)
  })

  it('exports a public JWK without the private part', async () => {
    const key = await generateCardKey()
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' })
    expect(key.publicJwk.d).toBeUndefined()
    expect(typeof key.privateJwk.d).toBe('string')
  })

  it('reads a card with a changed serial as forged (an old card cannot pose as the reissue)', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.privateJwk)
    expect(await verifyCard(withPart(card, 2, '2'), keysOf(key), orgId)).toEqual({ ok: false, reason: 'forged' })
  })

  it('reads a card with a changed member id as forged', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.privateJwk)
    expect(await verifyCard(withPart(card, 1, 'member:8f3kA-_zQm1RtY0bXw2LcB'), keysOf(key), orgId)).toEqual({ ok: false, reason: 'forged' })
  })

  it("reads another organisation's card as forged, even under the same key", async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId: 'org:other', memberId, serial: 1, epoch: 1 }, key.privateJwk)
    expect(await verifyCard(card, keysOf(key), orgId)).toEqual({ ok: false, reason: 'forged' })
  })

  it('reads a card signed with another key as forged', async () => {
    const [key, other] = await Promise.all([generateCardKey(), generateCardKey()])
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, other.privateJwk)
    expect(await verifyCard(card, keysOf(key), orgId)).toEqual({ ok: false, reason: 'forged' })
  })

  it('reads a well-shaped card with a zeroed or non-canonical signature as forged', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.privateJwk)
    const zeros = toBase64Url(new Uint8Array(64))
    // 86 characters carry 516 bits: a last character with its low bits set is not canonical base64url.
    const nonCanonical = `${card.split('.')[4]!.slice(0, 85)}B`
    for (const sig of [zeros, nonCanonical]) {
      expect(await verifyCard(withPart(card, 4, sig), keysOf(key), orgId)).toEqual({ ok: false, reason: 'forged' })
    }
  })

  it('reads other texts, truncated cards and garbage as not a card, never throwing', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.privateJwk)
    const texts = [
      '',
      ' ',
      'https://example.com/member/123',
      '10023',
      '13800138000',
      'LBY1',
      'LBY1...',
      'LBY2....',
      card.slice(0, -1),
      card.slice(0, 40),
      `${card}.extra`,
      `${card}x`,
      withPart(card, 0, 'LBY3'),
      withPart(card, 3, '0'),
      withPart(card, 3, '01'),
      withPart(card, 3, '1234567890'),
      withPart(card, 2, '01'),
      withPart(card, 2, '-1'),
      withPart(card, 2, '1.5'),
      withPart(card, 2, '99999999999999999'),
      withPart(card, 1, ''),
      withPart(card, 1, 'member/x'),
      withPart(card, 1, 'm'.repeat(101)),
      `${card}\u0000`,
      'LBY1.' + 'A'.repeat(1_000_000),
      '\uD800\uDC00'.repeat(100),
    ]
    for (const text of texts) {
      await expect(verifyCard(text, keysOf(key), orgId), JSON.stringify(text.slice(0, 60))).resolves.toEqual({ ok: false, reason: 'not-a-card' })
    }
    for (const notText of [undefined, null, 42, {}] as unknown as string[]) {
      expect(await verifyCard(notText, keysOf(key), orgId)).toEqual({ ok: false, reason: 'not-a-card' })
    }
  })

  it('accepts the whitespace a keyboard-wedge scanner adds around the text', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 0, epoch: 1 }, key.privateJwk)
    expect(await verifyCard(` ${card}\r\n`, keysOf(key), orgId)).toEqual({ ok: true, memberId, serial: 0, epoch: 1 })
  })

  it('refuses to sign what a card cannot carry', async () => {
    const key = await generateCardKey()
    for (const bad of [
      { orgId, memberId: 'member.x', serial: 1, epoch: 1 },
      { orgId, memberId: '', serial: 1, epoch: 1 },
      { orgId, memberId, serial: -1, epoch: 1 },
      { orgId, memberId, serial: 1.5, epoch: 1 },
      { orgId, memberId, serial: Number.MAX_SAFE_INTEGER + 1, epoch: 1 },
      { orgId, memberId, serial: 1, epoch: 0 },
      { orgId, memberId, serial: 1, epoch: 1.5 },
      { orgId, memberId, serial: 1, epoch: 1_000_000_000 },
    ]) {
      await expect(signCard(bad, key.privateJwk)).rejects.toThrow(RangeError)
    }
  })

  it('throws a malformed-key error for a key that is not a P-256 key of the right kind', async () => {
    const key = await generateCardKey()
    // Signing needs the private part; a broken verifying key must not make every card look forged.
    await expect(signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.publicJwk)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.privateJwk)
    for (const bad of [{}, { kty: 'oct', k: 'AAAA' }, { ...key.publicJwk, x: 'AAAA' }, { ...key.publicJwk, crv: 'P-384' }]) {
      await expect(verifyCard(card, () => bad, orgId)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    }
  })
})

/** A card as it was signed before key epochs: `LBY1.<member>.<serial>.<sig>`, the message tagged lobby-card-v1. */
async function signV1(pair: CardKeyPair, serial: number): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', { ...pair.privateJwk, key_ops: undefined }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
  const signature = await sign(key, new TextEncoder().encode(canonicalJson(['lobby-card-v1', orgId, memberId, serial])))
  return `LBY1.${memberId}.${serial}.${signature}`
}

describe('MEM-8 card key epochs', () => {
  it('MEM-8: a card names the epoch of the key that signed it, and verifies only under that epoch\'s key', async () => {
    const [first, second] = await Promise.all([generateCardKey(), generateCardKey()])
    const card = await signCard({ orgId, memberId, serial: 2, epoch: 2 }, second.privateJwk)
    expect(card.split('.')[3]).toBe('2')
    const held = (e: number) => (e === 1 ? first.publicJwk : e === 2 ? second.publicJwk : undefined)
    expect(await verifyCard(card, held, orgId)).toEqual({ ok: true, memberId, serial: 2, epoch: 2 })
    // The epoch is signed: relabelled as another epoch, the card is forged.
    expect(await verifyCard(withPart(card, 3, '1'), held, orgId)).toEqual({ ok: false, reason: 'forged' })
    // An epoch this desk holds no key of (not synced yet, or made up) cannot be checked: never admitted, not called forged.
    expect(await verifyCard(withPart(card, 3, '3'), held, orgId)).toEqual({ ok: false, reason: 'unknown-key' })
  })

  it('MEM-8: a card printed before epochs (LBY1) reads as epoch 1, and cannot pose as another epoch', async () => {
    const [first, second] = await Promise.all([generateCardKey(), generateCardKey()])
    const old = await signV1(first, 4)
    const held = (e: number) => (e === 1 ? first.publicJwk : e === 2 ? second.publicJwk : undefined)
    expect(await verifyCard(old, held, orgId)).toEqual({ ok: true, memberId, serial: 4, epoch: 1 })
    const [, id, serial, sig] = old.split('.')
    expect(await verifyCard(`LBY2.${id}.${serial}.1.${sig}`, held, orgId)).toEqual({ ok: false, reason: 'forged' })
    // ...and a card of epoch 2 cannot be rewritten as an LBY1 (epoch 1) card either.
    const card = await signCard({ orgId, memberId, serial: 4, epoch: 2 }, second.privateJwk)
    const parts = card.split('.')
    expect(await verifyCard(`LBY1.${parts[1]}.${parts[2]}.${parts[4]}`, held, orgId)).toEqual({ ok: false, reason: 'forged' })
  })
})

describe('MEM-8 what is a member card at all', () => {
  it('MEM-8, REC-4: a card is exactly LBY1./LBY2. and the card shape, not any text that starts LBY (a visitor badge is not one)', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId, memberId, serial: 1, epoch: 1 }, key.privateJwk)
    const [, id, serial, , sig] = card.split('.')
    expect(looksLikeMemberCard(card)).toBe(true)
    expect(looksLikeMemberCard(` ${card}\r\n`)).toBe(true)
    expect(looksLikeMemberCard(`LBY1.${id}.${serial}.${sig}`)).toBe(true)
    for (const text of ['LBY', 'LBYX-2026', 'lby2.x', 'LBY2.', `LBV1.${id}.${serial}.1.${sig}`, withPart(card, 0, 'LBY3'), card.slice(0, -1), `${card}x`, '13800138000']) {
      expect(looksLikeMemberCard(text), text.slice(0, 40)).toBe(false)
    }
    for (const notText of [undefined, null, 42, {}] as unknown as string[]) expect(looksLikeMemberCard(notText)).toBe(false)
  })
})
