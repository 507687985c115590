import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { toBase64Url, utf8 } from '@/crypto/bytes'
import { open, type Envelope, type EnvelopeHeader } from '@/crypto/envelope'
import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import { stampChanges } from '@/core/sync/field-merge'
import type { KeySource } from './key-source'
import { createTestStorage } from './testing'

/** A version 1 envelope, as written before envelope version 2: `by` and `bi` in clear, not authenticated. */
async function sealV1(h: EnvelopeHeader, body: unknown, key: CryptoKey): Promise<Envelope> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const aad = utf8(`${h._id}|${h.type}|${h.realm}|${h.kid}|${h.v}`)
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, utf8(JSON.stringify(body))))
  const bytes = new Uint8Array(12 + ct.length)
  bytes.set(iv)
  bytes.set(ct, 12)
  return { ...h, ct: toBase64Url(bytes) }
}

describe('CONF-2 re-encryption moves version 1 envelopes to version 2', () => {
  it('re-seals version 1 records under the old and under the newest key, and both still read', async () => {
    const t = createTestStorage()
    const [k1, k2, indexKey] = [await generateRealmKey(), await generateRealmKey(), await generateIndexKey()]
    const keys: KeySource = {
      userId: 'u1',
      writeKey: (realm) => (realm === 'directory' ? { kid: 'directory:2', key: k2 } : undefined),
      lookup: (kid) => ({ 'directory:1': k1, 'directory:2': k2 })[kid],
      indexKey: (realm) => (realm === 'directory' ? indexKey : undefined),
    }
    t.setKeys(keys)
    const body = stampChanges(undefined, { name: '张小明', createdAt: '2026-11-28T00:00:00Z' }, '000000000000001:0000:x')
    const header = { type: 'person', realm: 'directory', v: 1, by: 'u0', bi: [] }
    await t.db.records.bulkPut([
      await sealV1({ ...header, _id: 'person:old', kid: 'directory:1' }, body, k1),
      await sealV1({ ...header, _id: 'person:new', kid: 'directory:2' }, body, k2),
    ])
    const done = await t.storage.reencrypt.run('directory', 1)
    expect(done).toMatchObject({ finished: true, done: 2, total: 2, skipped: 0 })
    for (const id of ['person:old', 'person:new']) {
      const row = (await t.db.records.get(id))!
      expect(row).toMatchObject({ kid: 'directory:2', e: 2, by: 'u1' })
      expect(await open(row, keys.lookup)).toEqual(body)
    }
  })
})
