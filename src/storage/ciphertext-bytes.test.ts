import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { randomBytes, toBase64Url } from '@/crypto/bytes'
import { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'
import { packCiphertext, unpackCiphertext } from './ciphertext-bytes'

let n = 0
const ct = () => toBase64Url(randomBytes(301))
const envelope = (id: string, extra: Partial<StoredEnvelope> = {}): StoredEnvelope => ({
  _id: id,
  type: id.slice(0, id.indexOf(':')),
  realm: 'directory',
  kid: 'directory:1',
  v: 1,
  by: 'u1',
  ct: ct(),
  bi: ['name:abc'],
  ...extra,
})

/** The same IndexedDB database read with no middleware: what is really stored. */
async function rawRows(name: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name)
  await raw.open()
  try {
    return await raw.table('records').toArray()
  } finally {
    raw.close()
  }
}

describe('issue 13: record ciphertext stored as bytes', () => {
  it('stores ct as bytes and reads back the very same text, by get, bulkGet, query and cursor', async () => {
    const name = `ct-bytes-${process.pid}-${++n}`
    const db = new LobbyDb(name)
    const rows = [envelope('person:a'), envelope('person:b'), envelope('member:c', { realm: 'desk', kid: 'desk:1' })]
    await db.records.bulkPut(rows)

    const stored = await rawRows(name)
    expect(stored).toHaveLength(3)
    for (const row of stored) expect(row.ct).toBeInstanceOf(Uint8Array)
    expect((stored.find((r) => r._id === 'person:a')!.ct as Uint8Array).length).toBe(301)

    const byId = new Map(rows.map((r) => [r._id, r.ct]))
    expect((await db.records.get('person:a'))!.ct).toBe(byId.get('person:a'))
    expect((await db.records.bulkGet(['person:b', 'member:c'])).map((r) => r!.ct)).toEqual([byId.get('person:b'), byId.get('member:c')])
    // A range read (query with values) and a filtered cursor walk (openCursor).
    const range = await db.records.where('_id').startsWith('person:').toArray()
    expect(range.map((r) => r.ct)).toEqual([byId.get('person:a'), byId.get('person:b')])
    const walked: StoredEnvelope[] = []
    await db.records.filter((r) => typeof r.ct === 'string').each((r) => void walked.push(r))
    expect(walked.map((r) => [r._id, r.ct])).toEqual(rows.map((r) => [r._id, r.ct]).sort())
    db.close()
  })

  it('an update (read, change, put) keeps the ciphertext as it was', async () => {
    const name = `ct-bytes-${process.pid}-${++n}`
    const db = new LobbyDb(name)
    const row = envelope('person:a', { _local: 1 })
    await db.records.put(row)
    await db.records.update('person:a', { _rev: '1-x', _local: undefined })
    expect(await db.records.get('person:a')).toMatchObject({ ct: row.ct, _rev: '1-x' })
    await db.records.where('_id').equals('person:a').modify((r) => void (r.bi = ['name:new']))
    expect((await db.records.get('person:a'))!.ct).toBe(row.ct)
    expect((await rawRows(name))[0]!.ct).toBeInstanceOf(Uint8Array)
    db.close()
  })

  it('keeps as text what is not canonical base64url, so what is read is always what was written', async () => {
    const name = `ct-bytes-${process.pid}-${++n}`
    const db = new LobbyDb(name)
    const odd = ['not base64!', 'abc=', 'AB', ''] // AB: non-zero trailing bits
    await db.records.bulkPut(odd.map((text, i) => envelope(`person:${i}`, { ct: text })))
    expect((await rawRows(name)).map((r) => r.ct)).toEqual(odd)
    expect((await db.records.toArray()).map((r) => r.ct)).toEqual(odd)
    db.close()
  })

  it('reads a row stored as text before this change as it is', async () => {
    const name = `ct-bytes-${process.pid}-${++n}`
    const old = envelope('person:old')
    const first = new LobbyDb(name)
    await first.open()
    first.close()
    const raw = new Dexie(name)
    await raw.open()
    await raw.table('records').put(old)
    raw.close()
    const db = new LobbyDb(name)
    expect(await db.records.get('person:old')).toEqual(old)
    db.close()
  })

  it('packs and unpacks without touching the caller’s object', () => {
    const row = envelope('person:a')
    const text = row.ct
    const packed = packCiphertext(row)
    expect(row.ct).toBe(text)
    expect(packed.ct).toBeInstanceOf(Uint8Array)
    const back = unpackCiphertext(packed)
    expect(packed.ct).toBeInstanceOf(Uint8Array)
    expect(back).toEqual(row)
    expect(unpackCiphertext(undefined)).toBeUndefined()
  })
})
