import 'fake-indexeddb/auto'
import type { DBCore } from 'dexie'
import { describe, expect, it } from 'vitest'
import { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'
import { watchRecentRecords } from './recent-records'
import { countArrivals, watchRecordChanges } from './record-changes'

let n = 0
const row = (id: string, realm = 'desk', extra: Partial<StoredEnvelope> = {}): StoredEnvelope => ({
  _id: id,
  type: id.slice(0, id.indexOf(':')),
  realm,
  kid: `${realm}:1`,
  v: 1,
  by: 'u1',
  ct: `ct of ${id}`,
  bi: ['day:x', 'parent:y'],
  ...extra,
})
const person = (id: string, extra: Partial<StoredEnvelope> = {}) => row(`person:${id}`, 'directory', extra)
const fromSync = { _rev: '1-s' }
const mine = { _local: 1 as const }

/**
 * A database with the app's three watchers of record writes (as lobby-storage.ts, member-list.store.ts and
 * people.repo.ts register them) and a count of the rows read from IndexedDB's records store, below every middleware.
 */
function watchedDb() {
  const db = new LobbyDb(`record-writes-test-${process.pid}-${++n}`)
  let read = 0
  let requests = 0
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    level: -10,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const t = down.table(name)
        if (name !== 'records') return t
        return {
          ...t,
          get: (req) => (requests++, read++, t.get(req)),
          getMany: (req) => (requests++, (read += req.keys.length), t.getMany(req)),
          query: (req) => (requests++, t.query(req).then((res) => ((read += req.values ? res.result.length : 0), res))),
        }
      },
    }),
  })
  const foldedFrom = (r: { type: string; realm: string }) => (r.realm === 'desk' && ['member', 'ledger', 'blacklist'].includes(r.type)) || (r.realm === 'directory' && r.type === 'person')
  const changes = watchRecordChanges(db, 'member-list', foldedFrom)
  const arrivals = countArrivals(db, (r) => r.realm === 'desk', 'desk')
  const recent = watchRecentRecords(db, 'people', (r) => r.type === 'person' && r.realm === 'directory')
  const marked = async () => (await changes.take(1000)).map((m) => m.id).sort()
  return { db, changes, arrivals, recent, marked, reads: () => read, requests: () => requests }
}

/** As sync's apply writes a page: the rows held read, then the page put, in one transaction. */
async function applyPage(db: LobbyDb, rows: StoredEnvelope[]) {
  await db.transaction('rw', db.records, async () => {
    const held = await db.records.bulkGet(rows.map((r) => r._id))
    await db.records.bulkPut(rows.filter((_, i) => !held[i]?._local))
  })
}

describe('one middleware tells the watchers of every records write, reading only what they need (issue 13)', () => {
  it('reads nothing for a bulkPut no watcher needs the replaced rows of: another realm synced, this device\'s own edits', async () => {
    const w = watchedDb()
    await w.db.records.bulkPut(Array.from({ length: 50 }, (_, i) => row(`bb-ledger:${i}`, 'accounts', fromSync)))
    await w.db.records.bulkPut([row('member:m1', 'desk', mine), row('checkin:c1', 'desk', mine)])
    expect(w.reads()).toBe(0)
    expect(await w.marked()).toEqual(['member:m1'])
    expect(w.arrivals.count()).toBe(0)
  })

  it('does not read a sync page again when the apply read it in the same transaction', async () => {
    const w = watchedDb()
    const page = [...Array.from({ length: 300 }, (_, i) => person(`s${i}`, fromSync)), ...Array.from({ length: 200 }, (_, i) => row(`member:s${i}`, 'desk', fromSync))]
    await applyPage(w.db, page)
    expect(w.reads()).toBe(500) // the apply's own read
    expect(w.arrivals.count()).toBe(200)
    expect(await w.changes.count()).toBe(500)
  })

  it('reads only the rows a watcher needs the replaced version of (is this person new?), in one request', async () => {
    const w = watchedDb()
    await w.db.records.bulkPut([person('a', fromSync), person('b', mine), row('bb-ledger:x', 'accounts', fromSync), row('member:m', 'desk', mine)])
    expect([w.reads(), w.requests()]).toEqual([2, 1])
  })
})

describe('recent people through the middleware', () => {
  it('a sync-style page of new people makes them recent, newest last in the page first', async () => {
    const w = watchedDb()
    await applyPage(w.db, [person('p1', fromSync), person('p2', fromSync), row('member:m', 'desk', fromSync)])
    expect(await w.recent.newest()).toEqual(['person:p2', 'person:p1'])
  })

  it('an edit does not make a person recent: a put of a held row, an update, a sync page with a new revision', async () => {
    const w = watchedDb()
    await w.db.records.put(person('p1', mine))
    await w.db.records.put(person('p2', fromSync))
    await w.db.records.put(person('p1', { ...mine, ct: 'edited' }))
    await w.db.records.update('person:p1', { ct: 'edited again' })
    await applyPage(w.db, [person('p2', { ct: 'changed elsewhere', _rev: '2-s' })])
    expect(await w.recent.newest()).toEqual(['person:p2', 'person:p1'])
    expect(await w.db.local.where('key').startsWith('recent:people:').count()).toBe(2)
  })

  it('two puts of one new person at once in one transaction make it recent once', async () => {
    const w = watchedDb()
    await w.db.transaction('rw', w.db.records, async () => {
      await w.db.records.get('person:p1')
      await Promise.all([w.db.records.put(person('p1', fromSync)), w.db.records.put(person('p1', { ...fromSync, ct: 'again' }))])
    })
    expect(await w.recent.newest()).toEqual(['person:p1'])
    expect(await w.db.local.where('key').startsWith('recent:people:').count()).toBe(1)
  })
})

describe('desk arrivals through the middleware', () => {
  it('a push stamp is not an arrival: the row put back with its revision (as the push does today) or updated', async () => {
    const w = watchedDb()
    await w.db.records.bulkPut([row('checkin:a', 'desk', mine), row('checkin:b', 'desk', mine)])
    await w.db.transaction('rw', w.db.records, async () => {
      const { _local: _gone, ...now } = (await w.db.records.get('checkin:a'))!
      await w.db.records.put({ ...now, _rev: '1-a' })
    })
    await w.db.records.update('checkin:b', { _rev: '1-b', _local: undefined })
    expect(await w.db.records.get('checkin:b')).not.toHaveProperty('_local')
    expect(w.arrivals.count()).toBe(0)
  })

  it('an update that changes the ciphertext without `_local` (applied from elsewhere) is an arrival', async () => {
    const w = watchedDb()
    await w.db.records.put(row('checkin:a', 'desk', fromSync))
    await w.db.records.update('checkin:a', { ct: 'merged', _rev: '2-s' })
    expect(w.arrivals.count()).toBe(2)
  })

  it('a row whose write failed is not told', async () => {
    const w = watchedDb()
    await w.db.records.add(row('checkin:a', 'desk', fromSync))
    await expect(w.db.records.bulkAdd([row('checkin:a', 'desk', fromSync), row('checkin:b', 'desk', fromSync)])).rejects.toThrow()
    expect(w.arrivals.count()).toBe(2) // a, then b; not a again
  })
})

describe('deletions through the middleware', () => {
  it('a delete of a watched row leaves a change mark and counts as an arrival; of an unwatched row, neither', async () => {
    const w = watchedDb()
    await w.db.records.bulkPut([row('member:m1', 'desk', mine), row('bb-ledger:l1', 'accounts', mine)])
    await w.changes.done(await w.changes.take(10))
    await w.db.records.bulkDelete(['member:m1', 'bb-ledger:l1', 'member:never-held'])
    expect(await w.marked()).toEqual(['member:m1'])
    expect(w.arrivals.count()).toBe(1)
  })

  it('clearing the table tells of each watched row as deleted', async () => {
    const w = watchedDb()
    await w.db.records.bulkPut([row('member:m1', 'desk', mine), person('p1', mine), row('checkin:c1', 'desk', mine)])
    await w.changes.done(await w.changes.take(10))
    await w.db.records.clear()
    expect(await w.marked()).toEqual(['member:m1', 'person:p1'])
    expect(w.arrivals.count()).toBe(2)
  })
})
