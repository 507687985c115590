import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { StoredEnvelope } from './documents'
import { countArrivals, watchRecordChanges } from './record-changes'
import { createTestStorage } from './testing'

const row = (id: string, type: string, realm = 'desk'): StoredEnvelope => ({ _id: id, type, realm, kid: `${realm}:1`, v: 1, by: 'u1', ct: 'x', bi: [] })

describe('marks of records changed since a projection folded them (issue 9 §6)', () => {
  it('every write of a watched type leaves a mark (create, update, delete, bulk), others none', async () => {
    const { db } = createTestStorage()
    const changes = watchRecordChanges(db, 'test', (r) => r.type === 'member')
    await db.records.put(row('member:a', 'member'))
    await db.records.bulkPut([row('member:b', 'member'), row('checkin:c', 'checkin')])
    await db.records.update('member:a', { ct: 'y' })
    expect((await changes.take(10)).map((m) => m.id).sort()).toEqual(['member:a', 'member:b'])
    await changes.done(await changes.take(10))
    expect(await changes.count()).toBe(0)
    await db.records.delete('member:b')
    expect((await changes.take(10)).map((m) => m.id)).toEqual(['member:b'])
  })

  it('a record written again after its mark was taken keeps its mark through `done` (nothing is lost)', async () => {
    const { db } = createTestStorage()
    const changes = watchRecordChanges(db, 'test', (r) => r.type === 'member')
    await db.records.put(row('member:a', 'member'))
    const taken = await changes.take(10)
    await db.records.put({ ...row('member:a', 'member'), ct: 'changed' })
    await changes.count() // the new mark is written
    await changes.done(taken)
    expect((await changes.take(10)).map((m) => m.id)).toEqual(['member:a'])
  })

  it('the marks are ids only, in the device-local table (never replicated, nothing personal)', async () => {
    const { db } = createTestStorage()
    const changes = watchRecordChanges(db, 'test', () => true)
    await db.records.put(row('person:p1', 'person', 'directory'))
    await changes.count()
    const local = await db.local.where('key').startsWith('changed:test:').toArray()
    expect(local.map((l) => l.key)).toEqual(['changed:test:person:p1'])
  })

  it('issue 13: a read model not built yet has no marks (its first build reads everything); from its first clear on, every write is marked, across a reload', async () => {
    const { db } = createTestStorage()
    const changes = watchRecordChanges(db, 'list', (r) => r.type === 'member', { fromFirstClear: true })
    await db.records.bulkPut([row('member:a', 'member'), row('member:b', 'member')])
    expect(await changes.count()).toBe(0)
    expect(await db.local.where('key').startsWith('changed:list:').count()).toBe(0)
    await changes.clear() // the first build starts
    await db.records.put({ ...row('member:a', 'member'), ct: 'changed' })
    expect((await changes.take(10)).map((m) => m.id)).toEqual(['member:a'])
    // Another tab or a reload: the same watcher goes on marking.
    const again = watchRecordChanges(db, 'list', (r) => r.type === 'member', { fromFirstClear: true })
    await db.records.put({ ...row('member:b', 'member'), ct: 'changed' })
    expect((await again.take(10)).map((m) => m.id).sort()).toEqual(['member:a', 'member:b'])
  })
})

describe('records other devices brought in (issue 9 §6: the check-in page re-reads only then)', () => {
  it('counts sync-applied rows (no `_local`), not this device\'s own writes nor their push', async () => {
    const { db } = createTestStorage()
    const arrivals = countArrivals(db, (r) => r.realm === 'desk')
    await db.records.put({ ...row('checkin:mine', 'checkin'), _local: 1 })
    // replication pushed it: the server's revision, `_local` gone, same ciphertext
    const { _local: _gone, ...pushed } = (await db.records.get('checkin:mine'))!
    await db.records.put({ ...pushed, _rev: '1-a' })
    expect(arrivals.count()).toBe(0)
    await db.records.put({ ...row('checkin:theirs', 'checkin'), _rev: '1-b' })
    await db.records.put({ ...row('person:p', 'person', 'directory'), _rev: '1-c' })
    expect(arrivals.count()).toBe(1)
    await db.records.put({ ...row('checkin:theirs', 'checkin'), ct: 'merged', _rev: '2-b' })
    expect(arrivals.count()).toBe(2)
  })
})

describe('that records arrived is kept until the work they owe is done (issue 9 §6: the re-index runs only then)', () => {
  const arrive = (db: ReturnType<typeof createTestStorage>['db'], id: string) => db.records.put({ ...row(id, 'checkin'), _rev: '1-x' })
  const settled = async (arrivals: ReturnType<typeof countArrivals>) => {
    await new Promise((r) => setTimeout(r, 0)) // the mark is written just after the transaction
    return !(await arrivals.unsettled())
  }

  it('survives the session that saw them (a tab closed before the re-index ran), until settled', async () => {
    const { db } = createTestStorage()
    const first = countArrivals(db, (r) => r.realm === 'desk', 'desk')
    expect(await first.unsettled()).toBe(false)
    await db.records.put({ ...row('checkin:mine', 'checkin'), _local: 1 })
    expect(await settled(first)).toBe(true)
    await arrive(db, 'checkin:theirs')
    expect(await settled(first)).toBe(false)
    // the next session (a new tab), before any arrival of its own
    const next = countArrivals(db, (r) => r.realm === 'desk', 'desk')
    expect(next.count()).toBe(0)
    expect(await next.unsettled()).toBe(true)
    await next.settle(next.count())
    expect(await settled(next)).toBe(true)
  })

  it('a settle for fewer than have arrived since keeps the mark', async () => {
    const { db } = createTestStorage()
    const arrivals = countArrivals(db, (r) => r.realm === 'desk', 'desk')
    await arrive(db, 'checkin:a')
    const handled = arrivals.count()
    await arrive(db, 'checkin:b') // arrived while the re-index ran
    await arrivals.settle(handled)
    expect(await settled(arrivals)).toBe(false)
    await arrivals.settle(arrivals.count())
    expect(await settled(arrivals)).toBe(true)
    await arrive(db, 'checkin:c')
    expect(await settled(arrivals)).toBe(false)
  })
})
