import { describe, expect, it } from 'vitest'
import { toBase64Url, utf8 } from './bytes'
import { canonicalJson, generateDeviceSigningKey, sha256, sign, verify } from './signature'

describe('signatures', () => {
  it('verifies a signature of the same data under the same key', async () => {
    const device = await generateDeviceSigningKey()
    const sig = await sign(device.privateKey, utf8('audit entry'))
    expect(await verify(device.publicKey, utf8('audit entry'), sig)).toBe(true)
  })
  it('returns false for other data, another key, or a garbage signature, never throwing', async () => {
    const [device, other] = await Promise.all([generateDeviceSigningKey(), generateDeviceSigningKey()])
    const sig = await sign(device.privateKey, utf8('audit entry'))
    expect(await verify(device.publicKey, utf8('audit entrz'), sig)).toBe(false)
    expect(await verify(other.publicKey, utf8('audit entry'), sig)).toBe(false)
    for (const garbage of ['', 'not base64!', toBase64Url(new Uint8Array(64)), toBase64Url(new Uint8Array(10))]) {
      expect(await verify(device.publicKey, utf8('audit entry'), garbage)).toBe(false)
    }
  })
  it('keeps the device private key non-extractable', async () => {
    const device = await generateDeviceSigningKey()
    expect(device.privateKey.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('jwk', device.privateKey)).rejects.toThrow()
  })
  it('hashes with SHA-256 to base64url', async () => {
    // SHA-256("abc"), FIPS 180-2 test vector.
    expect(await sha256(utf8('abc'))).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0')
  })
})

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace, so key order does not change the hash', async () => {
    const a = { b: 1, a: { z: [3, { y: true, x: null }], c: 'é' } }
    const b = { a: { c: 'é', z: [3, { x: null, y: true }] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"c":"é","z":[3,{"x":null,"y":true}]},"b":1}')
    expect(canonicalJson(b)).toBe(canonicalJson(a))
    expect(await sha256(utf8(canonicalJson(b)))).toBe(await sha256(utf8(canonicalJson(a))))
  })
  it('keeps array order', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })
  it('refuses what JSON would silently drop or change', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (const bad of [undefined, { a: undefined }, [() => 1], Number.NaN, { n: Infinity }, new Date(0), new Map(), 1n, cyclic]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError)
    }
  })
  it('accepts a value seen twice that is not a cycle', () => {
    const shared = { k: 1 }
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}')
  })
})
