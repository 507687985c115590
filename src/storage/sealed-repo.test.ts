import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { recordsOfType } from './records-of-type'
import { blindIndex } from '@/crypto/blind-index'
import { open, seal } from '@/crypto/envelope'
import * as v from 'valibot'
import { isCryptoError } from '@/crypto/errors'
import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import type { KeySource } from './key-source'
import { LockedError } from './key-source'
import Dexie from 'dexie'
import { LobbyDb, whenUpgradedElsewhere } from './db'
import { stampChanges } from '@/core/sync/field-merge'
import { createSealedRepo } from './sealed-repo'
import { createTestStorage } from './testing'

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

const person = { name: '张小明', phone: '13800138000', idNumber: '440106199001011234', createdAt: '2026-11-28T00:00:00Z' }

describe('CONF-1 sealed repositories', () => {
  it('stores only the envelope: no field of the person is in the stored row', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const id = await t.storage.people.put(person)
    const row = JSON.stringify(await t.db.records.get(id))
    for (const clear of [person.name, person.phone, person.idNumber, '138', '张']) expect(row).not.toContain(clear)
    expect(await t.storage.people.get(id)).toEqual(person)
  })

  it('finds a person by phone however it is typed', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const id = await t.storage.people.put(person)
    expect((await t.storage.people.findBy('phone', '+86 138-0013-8000')).map((s) => s.id)).toEqual([id])
    expect(await t.storage.people.findBy('phone', '13900139000')).toEqual([])
  })

  it('drops a blind-index collision after decrypting it (truncated indexes collide on purpose)', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const id = await t.storage.people.put(person)
    // Plant another person whose stored index claims the same phone: a collision of the truncated HMAC.
    const collidingBi = await blindIndex(k.indexKey('directory')!, 'phone', person.phone)
    const other = await seal(
      { _id: 'other', type: 'person', realm: 'directory', kid: 'directory:1', v: 1, by: 'u1', bi: [collidingBi!] },
      stampChanges(undefined, { ...person, name: '王五', phone: '13912345678' }, '000000000000001:0000:x'),
      k.writeKey('directory')!.key,
    )
    await t.db.records.put(other)
    expect((await t.storage.people.findBy('phone', person.phone)).map((s) => s.id)).toEqual([id])
  })

  it('refuses to read or write while locked', async () => {
    const t = createTestStorage()
    await expect(t.storage.people.put(person)).rejects.toBeInstanceOf(LockedError)
    await expect(t.storage.people.list()).rejects.toBeInstanceOf(LockedError)
  })

  it('CONF-2: a tampered stored envelope is a typed error, not garbage', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const id = await t.storage.people.put(person)
    const row = (await t.db.records.get(id))!
    await t.db.records.put({ ...row, ct: row.ct.slice(0, -4) + (row.ct.endsWith('AAAA') ? 'BBBB' : 'AAAA') })
    const error = await t.storage.people.get(id).catch((e: unknown) => e)
    expect(isCryptoError(error, 'tampered')).toBe(true)
  })

  it('CONF-2: a record re-attributed or re-indexed after it was read once does not read from the cache', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const id = await t.storage.people.put(person)
    expect(await t.storage.people.get(id)).toEqual(person)
    const row = (await t.db.records.get(id))!
    expect(row.e).toBe(2)
    await t.db.records.put({ ...row, by: 'u2' })
    expect(isCryptoError(await t.storage.people.get(id).catch((e: unknown) => e), 'tampered')).toBe(true)
    await t.db.records.put({ ...row, bi: [...(row.bi ?? [])].reverse().concat('name:AAAAAAAA') })
    expect(isCryptoError(await t.storage.people.get(id).catch((e: unknown) => e), 'tampered')).toBe(true)
  })

  it('audits every create, change and delete', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    // Audit needs an organisation's audit key: without one, writes still work but nothing is sealed.
    const id = await t.storage.people.put(person)
    await t.storage.people.put({ ...person, notes: 'VIP' }, id)
    await t.storage.people.remove(id)
    expect(await t.storage.people.get(id)).toBeUndefined()
  })

  it('makes a record again under the id of one deleted after it synced (a tombstone has no body to merge into)', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const id = await t.storage.people.put(person, 'person:again')
    await t.db.records.update(id, { _rev: '1-abc', _local: 0 } as never)
    await t.storage.people.remove(id)
    expect((await t.db.records.get(id))?._deleted).toBe(true)
    await t.storage.people.put({ ...person, notes: 'back' }, id)
    const row = await t.db.records.get(id)
    // A child of the synced revision, no longer deleted: the next push resurrects it on the server.
    expect([row?._deleted, row?._rev, row?._local]).toEqual([undefined, '1-abc', 1])
    expect(await t.storage.people.get(id)).toEqual({ ...person, notes: 'back' })
  })
})

describe('schema versions', () => {
  it('brings an older stored body up to date on read, and stores the new shape on the next write', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const ctx = { db: t.db, keys: () => k, clock: t.storage.clock }
    const v1 = createSealedRepo<{ fullName: string }>(ctx, { type: 'visitor', realm: 'directory', version: 1 })
    const id = await v1.put({ fullName: '张三' })
    const v2 = createSealedRepo<{ name: string; organisation: string }>(ctx, {
      type: 'visitor',
      realm: 'directory',
      version: 2,
      migrate: (body, from) => {
        if (from !== 1) throw new Error(`no path from v${from}`)
        return { name: (body as { fullName: string }).fullName, organisation: '' }
      },
    })
    expect(await v2.get(id)).toEqual({ name: '张三', organisation: '' })
    await v2.put({ name: '张三', organisation: '区教育局' }, id)
    expect((await t.db.records.get(id))?.v).toBe(2)
  })

  it('closes this tab’s connection when another tab upgrades the database, instead of blocking it', async () => {
    const first = new LobbyDb('lobby-upgrade-test')
    await first.open()
    let told = false
    whenUpgradedElsewhere(() => (told = true))
    const newer = new Dexie('lobby-upgrade-test')
    newer.version(99).stores({ records: '_id' })
    await newer.open() // would hang forever if the first connection stayed open
    expect(told).toBe(true)
    expect(first.isOpen()).toBe(false)
    newer.close()
  })
})

describe('bulk writes', () => {
  it('stamps the records of one bulk write with clocks in their order, and the next write after all of them', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const repo = createSealedRepo<{ n: number }>({ db: t.db, keys: () => k, clock: t.storage.clock }, { type: 'visitor', realm: 'directory', version: 1 })
    const ids = await repo.putMany(Array.from({ length: 100 }, (_, n) => ({ record: { n } })))
    const after = await repo.put({ n: 100 })
    const stamps: string[] = []
    for (const id of [...ids, after]) {
      const body = await open<{ fields: { n: number }; clocks: Record<string, string> }>((await t.db.records.get(id))!, k.lookup)
      expect(body.fields.n).toBe(stamps.length)
      stamps.push(body.clocks.n!)
    }
    expect(new Set(stamps).size).toBe(101)
    expect([...stamps].sort()).toEqual(stamps)
    expect(await repo.list().then((rows) => rows.map((r) => r.record.n).sort((a, b) => a - b))).toEqual(Array.from({ length: 101 }, (_, n) => n))
  })

  it('refuses the whole write, sealing nothing and taking no clock, when one record fails its schema', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    let taken = 0
    const clock = { next: () => (taken++, t.storage.clock.next()), nextMany: (n: number) => ((taken += n), t.storage.clock.nextMany(n)) }
    const kind = { type: 'visitor', realm: 'directory' as const, version: 1, schema: v.object({ n: v.pipe(v.number(), v.minValue(0)) }) }
    const repo = createSealedRepo<{ n: number }>({ db: t.db, keys: () => k, clock }, kind)
    await expect(repo.putMany([{ record: { n: 1 } }, { record: { n: -1 } }])).rejects.toThrow(/visitor v1: n/)
    expect(await recordsOfType(t.db, 'visitor').count()).toBe(0)
    expect(taken).toBe(0)
    await repo.putMany([{ record: { n: 1 } }, { record: { n: 2 } }])
    expect(taken).toBe(2)
  })
})
