import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { LobbyDb, schemaHistory } from './db'
import { recordsOfType } from './records-of-type'

describe('the device database upgrades in place', () => {
  it('issue 13: v4 drops the [type+realm] index and keeps every record; a type is a range of ids, one realm a check of each', async () => {
    const name = `upgrade-${Math.random()}`
    // The database as v3 left it: every version up to 3, as a device running that app opened it.
    const old = new Dexie(name)
    for (const { version, stores } of schemaHistory.filter((v) => v.version <= 3)) old.version(version).stores(stores)
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
