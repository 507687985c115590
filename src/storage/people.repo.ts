import { personSchema, type Person } from '@/core/directory/person'
import type { LobbyDb } from './db'
import { defineMutable, mutableRecords } from './records'
import { watchRecentRecords, type RecentRecords } from './recent-records'
import type { RepoContext, Stored } from './sealed-repo'

const person = defineMutable({
  type: 'person',
  realm: 'directory',
  version: 1,
  schema: personSchema,
  indexes: (p) => ({ phone: p.phone, idNumber: p.idNumber, name: p.name }),
})

// One watcher per database: a repository is built per key source (storage.withKeys), the hook once.
const recentByDb = new WeakMap<LobbyDb, RecentRecords>()
const recentOf = (db: LobbyDb) => recentByDb.get(db) ?? recentByDb.set(db, watchRecentRecords(db, 'people', (r) => r.type === person.type && r.realm === person.realm)).get(db)!

const newestFirst = (a: Stored<Person>, b: Stored<Person>) => b.record.createdAt.localeCompare(a.record.createdAt)

/** People in the `directory` realm, findable by phone, ID number or name through blind indexes. */
export function createPeopleRepo(ctx: RepoContext) {
  const records = mutableRecords(ctx, person)
  const recentIds = recentOf(ctx.db)

  /**
   * The `limit` people to arrive on this device last, newest registration first: their ids are a range read of
   * device-local keys (recent-records.ts), so only these are opened, never the directory.
   */
  async function recent(limit: number): Promise<Stored<Person>[]> {
    const out: Stored<Person>[] = []
    for (const id of await recentIds.newest()) {
      if (out.length === limit) break
      const record = await records.get(id) // undefined once removed (or quarantined)
      if (record) out.push({ id, record })
    }
    return out.sort(newestFirst)
  }

  /**
   * Whoever the query names, by phone, ID number or full name: each through its blind index (the value is
   * normalised the same way it was when stored), so only candidates are opened. A query that is not a phone
   * number (a name) has no phone index and costs nothing there.
   */
  async function search(query: string): Promise<Stored<Person>[]> {
    const found = new Map<string, Stored<Person>>()
    // The three look-ups at once: a phone search at the desk waits for one round trip, not three.
    const matches = await Promise.all((['phone', 'idNumber', 'name'] as const).map((field) => records.findBy(field, query)))
    for (const p of matches.flat()) found.set(p.id, p)
    return [...found.values()].sort(newestFirst)
  }

  return { ...records, recent, search }
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>
