import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { generateRealmKey } from '@/crypto/realm-keys'
import type { KeySource } from './key-source'
import { LockedError } from './key-source'
import { createSealedProjection } from './sealed-projection'
import { createTestStorage } from './testing'

async function keysFor(realm: string): Promise<KeySource> {
  const key = await generateRealmKey()
  const kid = `${realm}:1`
  return { userId: 'u1', writeKey: (r) => (r === realm ? { kid, key } : undefined), lookup: (k) => (k === kid ? key : undefined), indexKey: () => undefined }
}

function setup() {
  const t = createTestStorage()
  let keys: KeySource | undefined
  const list = createSealedProjection<{ name: string }, { total: number }>({ db: t.db, keys: () => keys }, 'people-test', 'desk')
  return { ...t, list, setKeys: (k: KeySource | undefined) => (keys = k) }
}

describe('a sealed device-local projection (issue 9 §6: a list opens one page, not the realm)', () => {
  it('CONF-1: rows and summary are sealed: no plaintext in the device-local table', async () => {
    const t = setup()
    t.setKeys(await keysFor('desk'))
    await t.list.put('m1', '001', { name: '张伟 13800001111' })
    await t.list.setSummary({ total: 123456 })
    const stored = JSON.stringify(await t.db.local.toArray())
    expect(stored).not.toContain('张伟')
    expect(stored).not.toContain('13800001111')
    expect(stored).not.toContain('123456')
    expect(await t.list.get('m1')).toEqual({ name: '张伟 13800001111' })
    expect(await t.list.summary()).toEqual({ total: 123456 })
  })

  it('pages in order of the order key, either way, and a row written again moves to its new place', async () => {
    const t = setup()
    t.setKeys(await keysFor('desk'))
    await t.list.putMany([
      { id: 'a', order: '003', row: { name: 'a' } },
      { id: 'b', order: '001', row: { name: 'b' } },
      { id: 'c', order: '002', row: { name: 'c' } },
    ])
    expect((await t.list.page(0, 2, true)).rows.map((r) => r.id)).toEqual(['a', 'c'])
    expect((await t.list.page(0, 10)).rows.map((r) => r.id)).toEqual(['b', 'c', 'a'])
    await t.list.put('b', '009', { name: 'b2' })
    const page = await t.list.page(0, 10, true)
    expect(page.rows).toEqual([{ id: 'b', row: { name: 'b2' } }, { id: 'a', row: { name: 'a' } }, { id: 'c', row: { name: 'c' } }])
    expect(page.total).toBe(3)
    await t.list.remove('a')
    expect(await t.list.count()).toBe(2)
    expect(await t.list.ids()).toEqual(['b', 'c'])
  })

  it('CONF-7: nothing opens while locked', async () => {
    const t = setup()
    t.setKeys(await keysFor('desk'))
    await t.list.put('m1', '001', { name: 'x' })
    t.setKeys(undefined)
    await expect(t.list.page(0, 10)).rejects.toBeInstanceOf(LockedError)
    await expect(t.list.get('m1')).rejects.toBeInstanceOf(LockedError)
  })

  it('a row moved under another id does not open (the id is authenticated)', async () => {
    const t = setup()
    t.setKeys(await keysFor('desk'))
    await t.list.put('m1', '001', { name: 'x' })
    await t.list.put('m2', '002', { name: 'y' })
    const row = await t.db.local.get('proj:people-test:row:m1')
    await t.db.local.put({ key: 'proj:people-test:row:m2', value: row!.value })
    await expect(t.list.get('m2')).rejects.toThrow()
  })

  it('clear forgets rows, summary and the ready mark', async () => {
    const t = setup()
    t.setKeys(await keysFor('desk'))
    await t.list.put('m1', '001', { name: 'x' })
    await t.list.markReady()
    expect(await t.list.ready()).toBe(true)
    await t.list.clear()
    expect(await t.list.ready()).toBe(false)
    expect(await t.list.count()).toBe(0)
  })
})
