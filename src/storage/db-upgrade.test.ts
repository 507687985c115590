import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { LobbyDb } from './db'
import { recordsOfType } from './records-of-type'

describe('the device database upgrades in place', () => {
  it('issue 13: v4 drops the [type+realm] index and keeps every record; a type is a range of ids, one realm a check of each', async () => {
    const name = `upgrade-${Math.random()}`
    const old = new Dexie(name)
    old.version(3).stores({
      records: '_id, [type+realm], *bi, _local',
      keyrings: '_id, userId, _local',
      accounts: '_id, login, userId, _local',
      org: '_id, _local',
      devices: '_id, _local',
      audit: '_id, [dev+seq], by, _local',
      local: 'key',
      quarantine: 'key, at',
      notices: '_id, to, by, _local',
    })
    const row = (id: string, type: string, realm: string) => ({ _id: id, type, realm, kid: `${realm}:1`, v: 1, by: 'u1', ct: 'x', bi: [] })
    await old.table('records').bulkPut([row('person:a', 'person', 'directory'), row('person:b', 'person', 'desk'), row('person-note:c', 'person-note', 'directory'), row('ledger:d', 'ledger', 'desk')])
    old.close()

    const db = new LobbyDb(name)
    await db.open()
    expect(db.records.schema.indexes.map((i) => i.name).sort()).toEqual(['_local', 'bi'])
    expect(await db.records.count()).toBe(4)
    // `person:` and not `person-note:`; the caller keeps its realm's.
    expect((await recordsOfType(db, 'person').primaryKeys()).sort()).toEqual(['person:a', 'person:b'])
    expect((await recordsOfType(db, 'person').toArray()).filter((r) => r.realm === 'directory').map((r) => r._id)).toEqual(['person:a'])
    db.close()
  })
})
