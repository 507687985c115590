import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { seal } from '@/crypto/envelope'
import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import { blindIndexes } from '@/crypto/blind-index'
import { stampChanges } from '@/core/sync/field-merge'
import type { KeySource } from '../key-source'
import { createTestStorage } from '../testing'

async function keys(): Promise<KeySource> {
  const key = await generateRealmKey()
  const indexKey = await generateIndexKey()
  return {
    userId: 'u1',
    writeKey: (realm) => (realm === 'directory' ? { kid: 'directory:1', key } : undefined),
    lookup: (kid) => (kid === 'directory:1' ? key : undefined),
    indexKey: (realm) => (realm === 'directory' ? indexKey : undefined),
  }
}

/** A person envelope sealed with the right key (so it opens) whose body is not a valid person: no name, a numeric phone. */
async function plantInvalidPerson(t: ReturnType<typeof createTestStorage>, k: KeySource) {
  const bi = await blindIndexes(k.indexKey('directory')!, { phone: '13800138000' })
  const env = await seal(
    { _id: 'person:bad', type: 'person', realm: 'directory', kid: 'directory:1', v: 1, by: 'u1', bi },
    stampChanges(undefined, { phone: 13800138000, createdAt: '2026-12-01T00:00:00Z' }, '000000000000001:0000:x'),
    k.writeKey('directory')!.key,
  )
  await t.db.records.put({ ...env, _rev: '1-a' })
}

describe('CONF-2 records that fail their schema (issue 9 §2)', () => {
  it('are never returned: get says undefined, list and findBy skip them', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const good = await t.storage.people.put({ name: '张小明', phone: '13800138000', createdAt: '2026-12-01T00:00:00Z' })
    await plantInvalidPerson(t, k)
    expect(await t.storage.people.get('person:bad')).toBeUndefined()
    expect((await t.storage.people.list()).map((s) => s.id)).toEqual([good])
    expect((await t.storage.people.findBy('phone', '13800138000')).map((s) => s.id)).toEqual([good])
  })

  it('are kept aside in quarantine with the reason, and audited once', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    await plantInvalidPerson(t, k)
    const append = vi.spyOn(t.storage.audit, 'append')
    await t.storage.people.list()
    await t.storage.people.get('person:bad')
    const kept = await t.storage.quarantined()
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({ database: 'records:directory', docId: 'person:bad', rev: '1-a' })
    expect(kept[0]!.reason).toMatch(/name/)
    expect(kept[0]!.reason).toMatch(/phone/)
    expect(append.mock.calls.filter(([e]) => e.action === 'quarantine').map(([e]) => e.recordId)).toEqual(['person:bad'])
  })

  it('migrates an older body before checking it', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const { createSealedRepo } = await import('../sealed-repo')
    const { personSchema } = await import('@/core/directory/person')
    const ctx = { db: t.db, keys: () => k, clock: { next: async () => '000000000000002:0000:x' } }
    // v1 stored `fullName`; v2 (the schema) calls it `name`.
    const v1 = createSealedRepo<{ fullName: string; createdAt: string }>(ctx, { type: 'person', realm: 'directory', version: 1 })
    const id = await v1.put({ fullName: '李四', createdAt: '2026-12-01T00:00:00Z' })
    const v2 = createSealedRepo(ctx, {
      type: 'person',
      realm: 'directory',
      version: 2,
      schema: personSchema,
      migrate: (body) => {
        const { fullName, ...rest } = body as { fullName: string; createdAt: string }
        return { ...rest, name: fullName }
      },
    })
    expect(await v2.get(id)).toEqual({ name: '李四', createdAt: '2026-12-01T00:00:00Z' })
  })

  it('are refused on write, so a bug never stores a record that would vanish on read', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const bad = { phone: '13800138000', createdAt: '2026-12-01T00:00:00Z' } as unknown as Parameters<typeof t.storage.people.put>[0]
    await expect(t.storage.people.put(bad)).rejects.toThrow(/name/)
    await expect(t.storage.people.putMany([{ record: bad }])).rejects.toThrow(/name/)
    expect(await t.db.records.count()).toBe(0)
  })
})
