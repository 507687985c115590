import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url, utf8 } from './bytes'
import { isCryptoError, type CryptoErrorCode } from './errors'
import { openSealed, sealTo, type SealedBox } from './sealed-box'
import { generateUserKeyPairs, type UserKeyPairs } from './user-keys'

const context = 'grant|desk:1|user-b'
const realmKeyBytes = Uint8Array.from({ length: 32 }, (_, i) => i)

let alice: UserKeyPairs
let bob: UserKeyPairs
let box: SealedBox

beforeAll(async () => {
  ;[alice, bob] = await Promise.all([generateUserKeyPairs(), generateUserKeyPairs()])
  box = await sealTo(bob.ecdh.publicKey, realmKeyBytes, context)
})

async function refusalCode(recipient: CryptoKey, b: unknown, ctx = context): Promise<CryptoErrorCode> {
  try {
    await openSealed(recipient, b as SealedBox, ctx)
  } catch (e) {
    if (isCryptoError(e)) return e.code
    throw e
  }
  throw new Error('opened')
}

describe('CONF-1 sealed boxes (realm key grants, audit entries)', () => {
  it('opens for the recipient with the same context', async () => {
    expect(await openSealed(bob.ecdh.privateKey, box, context)).toEqual(realmKeyBytes)
    expect(box.epk.d).toBeUndefined()
  })
  it('uses a fresh ephemeral key each time', async () => {
    const again = await sealTo(bob.ecdh.publicKey, realmKeyBytes, context)
    expect(again.epk.x).not.toBe(box.epk.x)
    expect(again.ct).not.toBe(box.ct)
  })
  it('refuses another recipient', async () => {
    expect(await refusalCode(alice.ecdh.privateKey, box)).toBe('tampered')
  })
  it('refuses another context, so a grant for one realm or user opens for no other', async () => {
    expect(await refusalCode(bob.ecdh.privateKey, box, 'grant|desk:1|user-c')).toBe('tampered')
    expect(await refusalCode(bob.ecdh.privateKey, box, 'grant|accounts:1|user-b')).toBe('tampered')
  })
  it('refuses a flipped ciphertext byte or another ephemeral key', async () => {
    const ct = fromBase64Url(box.ct)
    ct[0] = (ct[0] ?? 0) ^ 1
    expect(await refusalCode(bob.ecdh.privateKey, { ...box, ct: toBase64Url(ct) })).toBe('tampered')
    const other = await sealTo(bob.ecdh.publicKey, utf8('x'), context)
    expect(await refusalCode(bob.ecdh.privateKey, { ...box, epk: other.epk })).toBe('tampered')
  })
  it('says malformed for a bad shape', async () => {
    expect(await refusalCode(bob.ecdh.privateKey, null)).toBe('malformed')
    expect(await refusalCode(bob.ecdh.privateKey, { ...box, iv: 'not base64!' })).toBe('malformed')
    expect(await refusalCode(bob.ecdh.privateKey, { ...box, iv: toBase64Url(new Uint8Array(8)) })).toBe('malformed')
    expect(await refusalCode(bob.ecdh.privateKey, { ...box, ct: undefined })).toBe('malformed')
    expect(await refusalCode(bob.ecdh.privateKey, { ...box, epk: { kty: 'EC' } })).toBe('malformed')
  })
})
