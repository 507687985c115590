import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, randomBytes, toBase64Url } from './bytes'
import { open, seal } from './envelope'
import { isCryptoError } from './errors'
import { deriveFromSecret } from './kdf'
import type { KdfParams } from './kdf-params'
import { currentKid, keyLookup, lockKeyring, unlockKeyring, type KeyringSecrets, type LockedKeyring } from './keyring'
import { exportRawKey, generateIndexKey, generateRealmKey } from './realm-keys'
import { openSealed, sealTo } from './sealed-box'
import { exportUserKeyPairs, generateUserKeyPairs, importEcdhPublicKey } from './user-keys'

const kdf: KdfParams = { alg: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1, salt: toBase64Url(randomBytes(16)) }
const newKek = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
const raw = async (k: CryptoKey) => toBase64Url(await exportRawKey(k))

let secrets: KeyringSecrets
let kek: CryptoKey
let locked: LockedKeyring

beforeAll(async () => {
  const audit = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  secrets = {
    userId: 'user-a',
    userKeys: await exportUserKeyPairs(await generateUserKeyPairs()),
    realmKeys: {
      'desk:1': await raw(await generateRealmKey()),
      'desk:2': await raw(await generateRealmKey()),
      'member:x:1': await raw(await generateRealmKey()),
    },
    indexKeys: { desk: await raw(await generateIndexKey()) },
    auditPrivateJwk: await crypto.subtle.exportKey('jwk', audit.privateKey),
  }
  kek = await newKek()
  locked = await lockKeyring(secrets, kek, kdf)
})

describe('CONF-1 keyring', () => {
  it('round-trips lock and unlock, with working keys', async () => {
    expect(locked).toMatchObject({ userId: 'user-a', kdf })
    expect(locked.ct).not.toContain('desk')
    const keyring = await unlockKeyring(JSON.parse(JSON.stringify(locked)), kek)
    expect(keyring.secrets).toEqual(secrets)
    expect([...keyring.realmKeys.keys()].sort()).toEqual(['desk:1', 'desk:2', 'member:x:1'])
    expect(await raw(keyring.realmKeys.get('desk:2') as CryptoKey)).toBe(secrets.realmKeys['desk:2'])
    expect(keyring.indexKeys.get('desk')?.algorithm.name).toBe('HMAC')

    const envelope = await seal({ _id: 'r', type: 't', realm: 'desk', kid: 'desk:2', v: 1, by: 'user-a' }, { ok: 1 }, keyring.realmKeys.get('desk:2') as CryptoKey)
    expect(await open(envelope, keyLookup(keyring))).toEqual({ ok: 1 })

    const auditPublic = await importEcdhPublicKey(secrets.auditPrivateJwk as JsonWebKey)
    const box = await sealTo(auditPublic, new Uint8Array([7]), 'audit')
    // An older keyring's bare audit key is audit key `audit:1`.
    expect([...(keyring.auditPrivate?.keys() ?? [])]).toEqual(['audit:1'])
    expect(await openSealed(keyring.auditPrivate?.get('audit:1') as CryptoKey, box, 'audit')).toEqual(new Uint8Array([7]))
  })
  it('says wrong-secret for another KEK', async () => {
    await expect(unlockKeyring(locked, await newKek())).rejects.toSatisfy((e) => isCryptoError(e, 'wrong-secret'))
  })
  it('says wrong-secret for a wrong passphrase through the real KDF', async () => {
    const right = await deriveFromSecret('right passphrase', kdf)
    const sealedByPassphrase = await lockKeyring(secrets, right.kek, kdf)
    const wrong = await deriveFromSecret('wrong passphrase', kdf)
    await expect(unlockKeyring(sealedByPassphrase, wrong.kek)).rejects.toSatisfy((e) => isCryptoError(e, 'wrong-secret'))
    expect((await unlockKeyring(sealedByPassphrase, right.kek)).userId).toBe('user-a')
  })
  it("refuses one user's keyring presented as another's, and a flipped byte", async () => {
    await expect(unlockKeyring({ ...locked, userId: 'user-b' }, kek)).rejects.toSatisfy((e) => isCryptoError(e, 'wrong-secret'))
    const ct = fromBase64Url(locked.ct)
    ct[20] = (ct[20] ?? 0) ^ 1
    await expect(unlockKeyring({ ...locked, ct: toBase64Url(ct) }, kek)).rejects.toSatisfy((e) => isCryptoError(e, 'wrong-secret'))
  })
  it('says malformed for a bad shape and bad-kdf-params for tampered KDF parameters', async () => {
    await expect(unlockKeyring({ ...locked, ct: 'not base64!' }, kek)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    await expect(unlockKeyring({ userId: 'user-a' } as LockedKeyring, kek)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    const greedy = { ...locked, kdf: { ...kdf, memoryKiB: 4194304 } }
    await expect(unlockKeyring(greedy, kek)).rejects.toSatisfy((e) => isCryptoError(e, 'bad-kdf-params'))
    const badSecrets = { ...secrets, realmKeys: { 'desk:1': 'AAAA' } }
    await expect(unlockKeyring(await lockKeyring(badSecrets, kek, kdf), kek)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    await expect(lockKeyring({ ...secrets, userKeys: undefined } as never, kek, kdf)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
  })
  it('CONF-9 round-trips several audit private keys by id, each opening what was sealed to it', async () => {
    const pairs = await Promise.all([1, 2, 3].map(() => crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])))
    const jwks = await Promise.all(pairs.map((p) => crypto.subtle.exportKey('jwk', p.privateKey)))
    const many: KeyringSecrets = { ...secrets, auditPrivateJwk: undefined, auditPrivateJwks: { 'audit:1': jwks[0]!, 'audit:2': jwks[1]!, 'audit:10': jwks[2]! } }
    delete many.auditPrivateJwk
    const keyring = await unlockKeyring(await lockKeyring(many, kek, kdf), kek)
    expect(keyring.secrets).toEqual(many)
    expect([...(keyring.auditPrivate?.keys() ?? [])].sort()).toEqual(['audit:1', 'audit:10', 'audit:2'])
    for (const [i, kid] of (['audit:1', 'audit:2', 'audit:10'] as const).entries()) {
      const box = await sealTo(pairs[i]!.publicKey, new Uint8Array([i]), 'audit|x')
      expect(await openSealed(keyring.auditPrivate?.get(kid) as CryptoKey, box, 'audit|x')).toEqual(new Uint8Array([i]))
      // …and no other key opens it.
      const other = kid === 'audit:1' ? 'audit:2' : 'audit:1'
      await expect(openSealed(keyring.auditPrivate?.get(other) as CryptoKey, box, 'audit|x')).rejects.toMatchObject({ name: 'CryptoError' })
    }
    // A keyring without any audit key has none in memory (front desk).
    const none: KeyringSecrets = { userId: 'user-a', userKeys: secrets.userKeys, realmKeys: {}, indexKeys: {} }
    expect((await unlockKeyring(await lockKeyring(none, kek, kdf), kek)).auditPrivate).toBeUndefined()
  })
  it('CONF-9 refuses malformed audit keys in keyring secrets', async () => {
    const jwk = secrets.auditPrivateJwk as JsonWebKey
    for (const auditPrivateJwks of [{ 'audit:0': jwk }, { 'desk:2': jwk }, { audit: jwk }, { 'audit:2': 'jwk' }, ['audit:2'], 'audit:2']) {
      await expect(lockKeyring({ ...secrets, auditPrivateJwks } as never, kek, kdf)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    }
    // Well-shaped but not a key: refused on unlock.
    const notAKey = await lockKeyring({ ...secrets, auditPrivateJwks: { 'audit:2': { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' } } }, kek, kdf)
    await expect(unlockKeyring(notAKey, kek)).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
  })
  it('picks the highest epoch held for a realm as the current kid', async () => {
    const keyring = await unlockKeyring(locked, kek)
    expect(currentKid(keyring, 'desk')).toBe('desk:2')
    expect(currentKid(keyring, 'member:x')).toBe('member:x:1')
    expect(currentKid(keyring, 'member')).toBeUndefined()
    expect(currentKid(keyring, 'accounts')).toBeUndefined()
  })
  it('picks by number, not by text (desk:10 after desk:9)', async () => {
    const keyring = await unlockKeyring(locked, kek)
    const key = keyring.realmKeys.get('desk:1') as CryptoKey
    keyring.realmKeys.set('desk:9', key)
    keyring.realmKeys.set('desk:10', key)
    expect(currentKid(keyring, 'desk')).toBe('desk:10')
  })
})
