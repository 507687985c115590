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
    expect(await openSealed(keyring.auditPrivate as CryptoKey, box, 'audit')).toEqual(new Uint8Array([7]))
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
