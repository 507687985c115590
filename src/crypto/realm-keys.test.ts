import { describe, expect, it } from 'vitest'
import { isCryptoError } from './errors'
import { exportRawKey, generateIndexKey, generateRealmKey, importIndexKey, importRealmKey, parseRealmKeyId, realmKeyId } from './realm-keys'

describe('realm key ids', () => {
  it('formats realm:epoch and parses at the last colon, so personal realms keep theirs', () => {
    expect(realmKeyId('desk', 2)).toBe('desk:2')
    expect(realmKeyId('member:abc', 1)).toBe('member:abc:1')
    expect(parseRealmKeyId('member:abc:1')).toEqual({ realm: 'member:abc', epoch: 1 })
    expect(parseRealmKeyId('desk:12')).toEqual({ realm: 'desk', epoch: 12 })
  })
  it('refuses ids without a realm or an integer epoch', () => {
    for (const bad of ['desk', ':1', 'desk:', 'desk:1.5', 'desk:-1', 'desk:01', 'desk:x']) {
      expect(() => parseRealmKeyId(bad), bad).toThrow(expect.objectContaining({ code: 'malformed' }))
    }
    expect(() => realmKeyId('desk', -1)).toThrow(/epoch/)
    expect(() => realmKeyId('', 1)).toThrow(/realm/)
  })
})

describe('realm and index keys', () => {
  it('export 32 raw bytes and import back to a working key', async () => {
    const realm = await generateRealmKey()
    const raw = await exportRawKey(realm)
    expect(raw).toHaveLength(32)
    const again = await importRealmKey(raw, false)
    expect(again.extractable).toBe(false)
    const iv = new Uint8Array(12)
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, realm, new Uint8Array([1, 2, 3]))
    expect(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, again, ct))).toEqual(new Uint8Array([1, 2, 3]))

    const index = await generateIndexKey()
    const indexRaw = await exportRawKey(index)
    expect(indexRaw).toHaveLength(32)
    const data = new Uint8Array([9])
    const imported = await importIndexKey(indexRaw)
    expect(await crypto.subtle.sign('HMAC', imported, data)).toEqual(await crypto.subtle.sign('HMAC', index, data))
  })
  it('refuses raw keys of another length', async () => {
    await expect(importRealmKey(new Uint8Array(16))).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
    await expect(importIndexKey(new Uint8Array(64))).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
  })
})
