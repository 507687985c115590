import { describe, expect, it } from 'vitest'
import { concatBytes, fromBase64Url, fromUtf8, randomBytes, randomId, toBase64Url, utf8 } from './bytes'
import { CryptoError, isCryptoError } from './errors'

describe('base64url', () => {
  it('round-trips every length around the 3-byte boundary, unpadded and URL-safe', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 250 + i)
      const text = toBase64Url(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(fromBase64Url(text)).toEqual(bytes)
    }
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8')
  })
  it('round-trips more bytes than one fromCharCode chunk', () => {
    const big = randomBytes(100_000)
    const back = fromBase64Url(toBase64Url(big))
    // every() rather than toEqual: deep equality over 100k elements is slower than the code under test.
    expect(back.length === big.length && back.every((b, i) => b === big[i])).toBe(true)
  })
  it('refuses padding, standard base64, impossible lengths and non-canonical trailing bits with TypeError', () => {
    for (const bad of ['AA==', 'a+b/', 'A', 'AB!c', 'AB']) expect(() => fromBase64Url(bad)).toThrow(TypeError)
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]))
  })
})

describe('utf8', () => {
  it('round-trips unicode', () => {
    expect(fromUtf8(utf8('会员 ✓ 𝄞'))).toBe('会员 ✓ 𝄞')
  })
  it('refuses invalid UTF-8 rather than patching it', () => {
    expect(() => fromUtf8(new Uint8Array([0xff, 0xfe]))).toThrow(TypeError)
  })
})

describe('random and concat', () => {
  it('gives the asked length, beyond the 65536-byte getRandomValues limit too', () => {
    expect(randomBytes(0)).toHaveLength(0)
    expect(randomBytes(70_000)).toHaveLength(70_000)
    expect(() => randomBytes(-1)).toThrow(RangeError)
  })
  it('makes distinct 22-character ids', () => {
    const ids = new Set(Array.from({ length: 100 }, randomId))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(fromBase64Url(id)).toHaveLength(16)
  })
  it('concatenates in order', () => {
    expect(concatBytes(new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3]))).toEqual(new Uint8Array([1, 2, 3]))
  })
})

describe('isCryptoError', () => {
  it('matches by class and, when given, by code', () => {
    const e = new CryptoError('tampered', 'x')
    expect(isCryptoError(e)).toBe(true)
    expect(isCryptoError(e, 'tampered')).toBe(true)
    expect(isCryptoError(e, 'malformed')).toBe(false)
    expect(isCryptoError(new Error('x'))).toBe(false)
  })
})
