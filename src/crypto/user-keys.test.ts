import { describe, expect, it } from 'vitest'
import { isCryptoError } from './errors'
import { exportUserKeyPairs, generateUserKeyPairs, importEcdhPublicKey, importEcdsaPublicKey, importUserKeyPairs } from './user-keys'

describe('user key pairs', () => {
  it('export to JWKs and import back to pairs that still sign and agree', async () => {
    const pairs = await generateUserKeyPairs()
    const exported = await exportUserKeyPairs(pairs)
    expect(exported.ecdh.privateJwk.d).toBeTypeOf('string')
    expect(exported.ecdh.publicJwk.d).toBeUndefined()
    const back = await importUserKeyPairs(JSON.parse(JSON.stringify(exported)))

    const data = new Uint8Array([1, 2, 3])
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, back.ecdsa.privateKey, data)
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pairs.ecdsa.publicKey, sig, data)).toBe(true)

    const other = await generateUserKeyPairs()
    const mine = await crypto.subtle.deriveBits({ name: 'ECDH', public: other.ecdh.publicKey }, back.ecdh.privateKey, 256)
    const theirs = await crypto.subtle.deriveBits({ name: 'ECDH', public: pairs.ecdh.publicKey }, other.ecdh.privateKey, 256)
    expect(new Uint8Array(mine)).toEqual(new Uint8Array(theirs))
  })
  it('imports only the public half when handed a private JWK as a public key', async () => {
    const { ecdh, ecdsa } = await exportUserKeyPairs(await generateUserKeyPairs())
    expect((await importEcdhPublicKey(ecdh.privateJwk)).type).toBe('public')
    expect((await importEcdsaPublicKey(ecdsa.privateJwk)).type).toBe('public')
  })
  it('refuses keys that are not P-256 JWKs, or points off the curve, as malformed', async () => {
    const { ecdh } = await exportUserKeyPairs(await generateUserKeyPairs())
    const refused = (p: Promise<unknown>) => expect(p).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    await refused(importEcdhPublicKey({ ...ecdh.publicJwk, crv: 'P-384' }))
    await refused(importEcdhPublicKey({ kty: 'oct', k: 'AAAA' }))
    await refused(importEcdhPublicKey({ ...ecdh.publicJwk, x: ecdh.publicJwk.y }))
    await refused(importUserKeyPairs({ ecdh } as never))
  })
})
