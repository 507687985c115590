import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url, utf8 } from './bytes'
import { additionalData, open, seal, type Envelope, type EnvelopeHeader, type KeyLookup } from './envelope'
import { isCryptoError, type CryptoErrorCode } from './errors'
import { generateRealmKey } from './realm-keys'

const header: EnvelopeHeader = { _id: 'rec-1', type: 'member', realm: 'desk', kid: 'desk:1', v: 1, by: 'user-a', bi: ['phone:AAAAAAAA'] }
const body = { name: '王小明', note: 'VIP ✓ 𝄞', fen: 96000 }

let key: CryptoKey
let keys: KeyLookup
let sealed: Envelope

beforeAll(async () => {
  key = await generateRealmKey()
  keys = (kid) => (kid === 'desk:1' ? key : undefined)
  sealed = await seal(header, body, key)
})

async function refusalCode(envelope: unknown): Promise<CryptoErrorCode> {
  try {
    await open(envelope as Envelope, keys)
  } catch (e) {
    if (isCryptoError(e)) return e.code
    throw e
  }
  throw new Error('opened')
}

function flipByte(ct: string, at: number): string {
  const bytes = fromBase64Url(ct)
  bytes[at] = (bytes[at] ?? 0) ^ 0x01
  return toBase64Url(bytes)
}

describe('CONF-1 envelope seal/open', () => {
  it('round-trips a unicode body and keeps the clear header', async () => {
    expect(await open(sealed, keys)).toEqual(body)
    expect(sealed).toMatchObject(header)
  })
  it('does not carry the plaintext in the ciphertext', () => {
    const ct = fromBase64Url(sealed.ct)
    const needle = utf8('王小明')
    const found = ct.some((_, i) => needle.every((b, j) => ct[i + j] === b))
    expect(found).toBe(false)
    expect(JSON.stringify(sealed)).not.toContain('王小明')
  })
  it('uses a fresh IV: the same body sealed twice gives different ciphertexts', async () => {
    expect((await seal(header, body, key)).ct).not.toBe(sealed.ct)
  })
  it('copies only header fields into the clear part', async () => {
    const leaky = { ...header, phone: '13800138000' } as EnvelopeHeader
    expect(Object.keys(await seal(leaky, body, key)).sort()).toEqual(['_id', 'bi', 'by', 'ct', 'e', 'kid', 'realm', 'type', 'v'])
  })
  it('binds _id|type|realm|kid|v as additional data of a version 1 envelope', () => {
    expect(new TextDecoder().decode(additionalData(header))).toBe('rec-1|member|desk|desk:1|1')
  })
  it('writes envelope version 2, whose additional data is the JSON array of every clear field', () => {
    expect(sealed.e).toBe(2)
    expect(new TextDecoder().decode(additionalData(sealed))).toBe('["lobby-envelope",2,"rec-1","member","desk","desk:1",1,"user-a",["phone:AAAAAAAA"]]')
    // No index list and an empty one are different headers, so they must not share additional data.
    expect(additionalData({ ...sealed, bi: undefined })).not.toEqual(additionalData({ ...sealed, bi: [] }))
  })
})

/** A version 1 envelope as writers before envelope version 2 sealed it: `by` and `bi` in clear, not authenticated. */
async function sealV1(h: EnvelopeHeader, plain: unknown): Promise<Envelope> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const aad = utf8(`${h._id}|${h.type}|${h.realm}|${h.kid}|${h.v}`)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, utf8(JSON.stringify(plain)))
  const bytes = new Uint8Array(12 + ct.byteLength)
  bytes.set(iv)
  bytes.set(new Uint8Array(ct), 12)
  return { ...h, ct: toBase64Url(bytes) }
}

describe('CONF-2 envelope version 2 authenticates author and blind indexes', () => {
  it('refuses a record re-attributed to another author', async () => {
    expect(await refusalCode({ ...sealed, by: 'user-b' })).toBe('tampered')
  })
  it('refuses changed, swapped, added or removed blind indexes', async () => {
    const two = await seal({ ...header, bi: ['phone:AAAAAAAA', 'name:BBBBBBBB'] }, body, key)
    expect(await refusalCode({ ...two, bi: ['name:BBBBBBBB', 'phone:AAAAAAAA'] })).toBe('tampered')
    expect(await refusalCode({ ...two, bi: ['phone:AAAAAAAA', 'name:CCCCCCCC'] })).toBe('tampered')
    expect(await refusalCode({ ...two, bi: ['phone:AAAAAAAA'] })).toBe('tampered')
    expect(await refusalCode({ ...two, bi: undefined })).toBe('tampered')
    expect(await refusalCode({ ...sealed, bi: [...header.bi!, 'name:CCCCCCCC'] })).toBe('tampered')
  })
  it('refuses a version 2 envelope downgraded to version 1 (e removed)', async () => {
    const { e: _e, ...downgraded } = sealed
    expect(await refusalCode(downgraded)).toBe('tampered')
  })
  it('still opens a version 1 envelope (records written before version 2)', async () => {
    const v1 = await sealV1(header, body)
    expect(await open(v1, keys)).toEqual(body)
    // ...and a version 1 envelope cannot be passed off as version 2 either.
    expect(await refusalCode({ ...v1, e: 2 })).toBe('tampered')
  })
  it('says malformed for an envelope version it does not know', async () => {
    expect(await refusalCode({ ...sealed, e: 3 })).toBe('malformed')
    expect(await refusalCode({ ...sealed, e: '2' })).toBe('malformed')
    expect(await refusalCode({ ...sealed, e: 1 })).toBe('malformed')
  })
})

describe('CONF-2 envelopes refuse tampering', () => {
  it('refuses a ciphertext with one byte flipped (IV, body or tag)', async () => {
    const length = fromBase64Url(sealed.ct).length
    for (const at of [0, 12, length - 1]) expect(await refusalCode({ ...sealed, ct: flipByte(sealed.ct, at) })).toBe('tampered')
  })
  it('refuses an envelope copied onto another record id', async () => {
    expect(await refusalCode({ ...sealed, _id: 'rec-2' })).toBe('tampered')
  })
  it('refuses a changed type, realm or schema version', async () => {
    expect(await refusalCode({ ...sealed, type: 'staff' })).toBe('tampered')
    expect(await refusalCode({ ...sealed, realm: 'accounts' })).toBe('tampered')
    expect(await refusalCode({ ...sealed, v: 2 })).toBe('tampered')
  })
  it('refuses a changed kid even when that key is held', async () => {
    const both: KeyLookup = (kid) => (kid === 'desk:1' || kid === 'desk:2' ? key : undefined)
    await expect(open({ ...sealed, kid: 'desk:2' }, both)).rejects.toSatisfy((e) => isCryptoError(e, 'tampered'))
  })
  it('refuses the right ciphertext under another key', async () => {
    const other = await generateRealmKey()
    await expect(open(sealed, () => other)).rejects.toSatisfy((e) => isCryptoError(e, 'tampered'))
  })
})

describe('envelope refusals', () => {
  it('says unknown-key when the kid is not held', async () => {
    expect(await refusalCode({ ...sealed, kid: 'desk:9' })).toBe('unknown-key')
  })
  it('says malformed for a missing, non-base64url or too short ct', async () => {
    expect(await refusalCode({ ...sealed, ct: undefined })).toBe('malformed')
    expect(await refusalCode({ ...sealed, ct: 'not base64!' })).toBe('malformed')
    expect(await refusalCode({ ...sealed, ct: toBase64Url(new Uint8Array(27)) })).toBe('malformed')
  })
  it('says malformed for missing or mistyped header fields', async () => {
    expect(await refusalCode({ ...sealed, _id: undefined })).toBe('malformed')
    expect(await refusalCode({ ...sealed, v: '1' })).toBe('malformed')
    expect(await refusalCode({ ...sealed, bi: 'phone:x' })).toBe('malformed')
    expect(await refusalCode(null)).toBe('malformed')
  })
  it('says malformed when an authentic plaintext is not JSON', async () => {
    const notJson = await seal(header, 'x', key)
    // Re-seal raw non-JSON bytes under the same header to simulate a buggy writer.
    const iv = new Uint8Array(12)
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(notJson) }, key, utf8('{not json'))
    const bytes = new Uint8Array(12 + ct.byteLength)
    bytes.set(new Uint8Array(ct), 12)
    expect(await refusalCode({ ...notJson, ct: toBase64Url(bytes) })).toBe('malformed')
  })
  it('refuses to seal a bad header or a body JSON cannot hold', async () => {
    const bad = [{ ...header, _id: '' }, { ...header, v: 0 }, { ...header, v: 1.5 }, { ...header, type: 'a|b' }, { ...header, by: undefined }]
    for (const h of bad) await expect(seal(h as unknown as EnvelopeHeader, body, key)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    await expect(seal(header, undefined, key)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    await expect(seal(header, { n: 1n }, key)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
  })
})
