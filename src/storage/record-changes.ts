import type { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'

/**
 * Which records changed since a read model last looked: every write to the records table on this device (the
 * app's own, and sync applying what other devices wrote) of a watched type leaves `changed:<watcher>:<id>` in
 * the device-local table, ids only (random, typed ids: nothing personal). A projection folds those and clears
 * them; until it does, they survive a lock or a closed tab.
 *
 * Dexie's table hooks see every write in this tab, inside its transaction; the marks are written just after,
 * so a tab closed in that instant loses them (the projection's full rebuild, from the Diagnostics page or a
 * cleared `ready` mark, recovers).
 */
/** A changed record's id, and the mark it was taken with. */
export interface ChangeMark {
  id: string
  mark: unknown
}

export function watchRecordChanges(db: LobbyDb, watcher: string, watched: (row: Pick<StoredEnvelope, 'type' | 'realm'>) => boolean) {
  const prefix = `changed:${watcher}:`
  const pending = new Set<string>()
  let flushing: Promise<void> = Promise.resolve()
  let scheduled = false
  // Each mark's value is new each time: `done` clears a mark only if no write came after it was taken.
  let stamp = 0

  function note(row: StoredEnvelope | undefined) {
    if (!row || !watched(row)) return
    pending.add(row._id)
    if (scheduled) return
    scheduled = true
    setTimeout(() => void flush(), 0)
  }

  function flush(): Promise<void> {
    scheduled = false
    if (pending.size === 0) return flushing
    const ids = [...pending]
    pending.clear()
    flushing = flushing.then(() => db.local.bulkPut(ids.map((id) => ({ key: `${prefix}${id}`, value: `${Date.now()}.${++stamp}` })))).then(
      () => undefined,
      () => undefined, // a full disk: the next write of the record marks it again
    )
    return flushing
  }

  db.records.hook('creating', (_key, row) => note(row))
  // The row before the change: its type and realm never change.
  db.records.hook('updating', (_mods, _key, row) => note(row))
  db.records.hook('deleting', (_key, row) => note(row))

  return {
    /** Up to `limit` changed records (after writing the marks still in memory). */
    async take(limit: number): Promise<ChangeMark[]> {
      await flush()
      const rows = await db.local.where('key').startsWith(prefix).limit(limit).toArray()
      return rows.map((r) => ({ id: r.key.slice(prefix.length), mark: r.value }))
    },
    /** These are folded: forget their marks, unless the record changed again since they were taken. */
    async done(marks: readonly ChangeMark[]): Promise<void> {
      await db.transaction('rw', db.local, async () => {
        const now = await db.local.bulkGet(marks.map((m) => `${prefix}${m.id}`))
        await db.local.bulkDelete(marks.filter((m, i) => now[i]?.value === m.mark).map((m) => `${prefix}${m.id}`))
      })
    },
    async count(): Promise<number> {
      await flush()
      return db.local.where('key').startsWith(prefix).count()
    },
    /** Forgets every mark (a full rebuild is about to read everything anyway). */
    async clear(): Promise<void> {
      await flush()
      await db.local.where('key').startsWith(prefix).delete()
    },
  }
}

export type RecordChanges = ReturnType<typeof watchRecordChanges>

/**
 * How many records of a watched kind other devices' changes brought into this tab (rows written without the
 * `_local` mark: sync applying what it pulled), counted in memory. A screen that follows its own writes reads
 * again after a sync round only when the count moved (the check-in page: issue 9 §6).
 *
 * With `mark`, that some arrived is also kept on the device (`arrivals:<mark>`, no id, nothing personal) until
 * `settle`: work owed to arrivals (the desk's re-index of records without slice indexes) is still owed in the next
 * session, after the tab closed before it ran, and not done at all when none came.
 */
export function countArrivals(db: LobbyDb, watched: (row: Pick<StoredEnvelope, 'type' | 'realm'>) => boolean, mark?: string) {
  let arrived = 0
  const key = mark === undefined ? undefined : `arrivals:${mark}`
  // The mark is written once per settle, just after the transaction that brought the first arrival (as change marks are).
  let marked = false
  const note = (row: Partial<StoredEnvelope> | undefined) => {
    if (row?.type === undefined || row.realm === undefined || row._local || !watched(row as StoredEnvelope)) return
    arrived++
    if (!key || marked) return
    marked = true
    setTimeout(() => void db.local.put({ key, value: true }).catch(() => (marked = false)), 0)
  }
  db.records.hook('creating', (_key, row) => note(row))
  // The row as it will be: an edit made here carries `_local`, one applied by sync does not. A push only
  // stamps the server's revision and clears `_local` (no new ciphertext): not an arrival.
  db.records.hook('updating', (mods, _key, row) => {
    const changes = mods as Partial<StoredEnvelope>
    if ('ct' in changes || '_deleted' in changes) note({ ...row, ...changes })
  })
  db.records.hook('deleting', (_key, row) => note({ ...row, _local: undefined }))
  return {
    count: () => arrived,
    /** Whether some arrived, in this session or an earlier one, since the work they owe was last `settle`d. */
    async unsettled(): Promise<boolean> {
      if (!key) return arrived > 0
      return marked || (await db.local.get(key)) !== undefined
    },
    /** The work owed to what arrived up to `count` is done: forget the mark, unless more arrived since. */
    async settle(count: number): Promise<void> {
      if (!key || count !== arrived) return
      marked = false
      await db.local.delete(key)
    },
  }
}
