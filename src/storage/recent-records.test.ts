import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'
import { watchRecentRecords } from './recent-records'

let n = 0
const row = (id: string, type = 'person'): StoredEnvelope => ({ _id: id, type, realm: 'directory', kid: 'directory:1', v: 1, by: 'u1', bi: [], ct: 'x' })

describe('recent records: a small device-local list of ids, newest first (issue 10)', () => {
  it('keeps the last `keep` ids of the watched type to arrive, and no other type', async () => {
    const db = new LobbyDb(`recent-test-${process.pid}-${++n}`)
    const recent = watchRecentRecords(db, 'people', (r) => r.type === 'person', 3)
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) await db.records.put(row(id))
    await db.records.put(row('m1', 'member'))
    await db.records.put(row('p2')) // an edit of a known record does not make it recent
    expect(await recent.newest()).toEqual(['p5', 'p4', 'p3'])
    expect(await db.local.where('key').startsWith('recent:people:').count()).toBe(3)
  })
})
