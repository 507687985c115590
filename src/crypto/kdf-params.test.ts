import { describe, expect, it } from 'vitest'
import { toBase64Url } from './bytes'
import { isCryptoError } from './errors'
import { checkKdfParams, defaultKdfCost, kdfBounds, newKdfParams } from './kdf-params'

function refusal(p: unknown): string {
  try {
    checkKdfParams(p)
  } catch (e) {
    if (isCryptoError(e, 'bad-kdf-params')) return e.message
    throw e
  }
  throw new Error('accepted')
}

describe('KDF parameters', () => {
  it('accepts the defaults with a fresh 16-byte salt each time', () => {
    const a = newKdfParams()
    expect(a).toMatchObject({ alg: 'argon2id', ...defaultKdfCost })
    expect(checkKdfParams(a)).toEqual(a)
    expect(newKdfParams().salt).not.toBe(a.salt)
  })
  it('accepts the bounds themselves', () => {
    const min = { alg: 'argon2id', memoryKiB: kdfBounds.memoryKiB.min, iterations: 2, parallelism: 1, salt: toBase64Url(new Uint8Array(16)) }
    const max = { alg: 'argon2id', memoryKiB: kdfBounds.memoryKiB.max, iterations: 10, parallelism: 4, salt: toBase64Url(new Uint8Array(64)) }
    expect(checkKdfParams(min)).toEqual(min)
    expect(checkKdfParams(max)).toEqual(max)
  })
  it('refuses each field out of bounds, naming the field and the bound (a tampered keyring must not pick our cost)', () => {
    const ok = newKdfParams()
    expect(refusal({ ...ok, memoryKiB: 4194304 })).toMatch(/memoryKiB.*19456\.\.262144/)
    expect(refusal({ ...ok, memoryKiB: 1024 })).toMatch(/memoryKiB/)
    expect(refusal({ ...ok, iterations: 1000 })).toMatch(/iterations.*2\.\.10/)
    expect(refusal({ ...ok, parallelism: 0 })).toMatch(/parallelism.*1\.\.4/)
    expect(refusal({ ...ok, salt: toBase64Url(new Uint8Array(4)) })).toMatch(/salt.*16\.\.64.*4/)
    expect(refusal({ ...ok, salt: toBase64Url(new Uint8Array(65)) })).toMatch(/salt/)
    expect(refusal({ ...ok, alg: 'argon2d' })).toMatch(/alg/)
  })
  it('refuses non-integers, wrong types, missing fields and non-objects', () => {
    const ok = newKdfParams()
    expect(refusal({ ...ok, iterations: 2.5 })).toMatch(/iterations/)
    expect(refusal({ ...ok, memoryKiB: '65536' })).toMatch(/memoryKiB/)
    expect(refusal({ ...ok, memoryKiB: Number.NaN })).toMatch(/memoryKiB/)
    expect(refusal({ ...ok, salt: 'not base64!' })).toMatch(/salt/)
    const missing: Partial<typeof ok> = { ...ok }
    delete missing.parallelism
    expect(refusal(missing)).toMatch(/parallelism/)
    expect(refusal(null)).toMatch(/object/)
    expect(refusal([])).toMatch(/object/)
  })
  it('refuses a bad cost when making new parameters', () => {
    expect(() => newKdfParams({ memoryKiB: 1024, iterations: 3, parallelism: 1 })).toThrow(/memoryKiB/)
  })
})
