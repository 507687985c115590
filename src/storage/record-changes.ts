import type { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'
import { watchRecordWrites, type RecordHead } from './record-writes'

/**
 * Which records changed since a read model last looked: every write to the records table on this device (the
 * app's own, and sync applying what other devices wrote) of a watched type leaves `changed:<watcher>:<id>` in
 * the device-local table, ids only (random, typed ids: nothing personal). A projection folds those and clears
 * them; until it does, they survive a lock or a closed tab.
 *
 * The records table's middleware (`record-writes.ts`) tells of every write in this tab, inside its transaction;
 * the marks are written just after, so a tab closed in that instant loses them (the projection's full rebuild,
 * from the Diagnostics page or a cleared `ready` mark, recovers).
 */
/** A changed record's id, and the mark it was taken with. */
export interface ChangeMark {
  id: string
  mark: unknown
}

export function watchRecordChanges(
  db: LobbyDb,
  watcher: string,
  watched: (row: Pick<StoredEnvelope, 'type' | 'realm'>) => boolean,
  options: { fromFirstClear?: boolean } = {},
) {
  const prefix = `changed:${watcher}:`
  // With `fromFirstClear`, nothing is marked until the read model's first full build starts (its `clear`): before,
  // the build will read everything anyway, and a first sync of 100,000 records would leave a mark for each
  // (issue 13: bytes on the device). Kept on the device, so a reload goes on marking.
  const followKey = `follow:${watcher}`
  let following: Promise<boolean> = options.fromFirstClear ? db.local.get(followKey).then((r) => r?.value === true, () => true) : Promise.resolve(true)
  const pending = new Set<string>()
  let flushing: Promise<void> = Promise.resolve()
  let scheduled = false
  // Each mark's value is new each time: `done` clears a mark only if no write came after it was taken.
  let stamp = 0

  function note(row: RecordHead) {
    if (!watched(row)) return
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
    flushing = flushing.then(async () => {
      if (await following) await db.local.bulkPut(ids.map((id) => ({ key: `${prefix}${id}`, value: `${Date.now()}.${++stamp}` })))
    }).then(
      () => undefined,
      () => undefined, // a full disk: the next write of the record marks it again
    )
    return flushing
  }

  // The row as written (a record's type and realm never change), or as it was before a delete: no read for a put.
  watchRecordWrites(db, { written: note, deleted: note })

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
    /** Forgets every mark (a full rebuild is about to read everything anyway); from now on every write is marked. */
    async clear(): Promise<void> {
      if (!(await following)) {
        await db.local.put({ key: followKey, value: true })
        following = Promise.resolve(true)
      }
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
  const arrive = () => {
    arrived++
    if (!key || marked) return
    marked = true
    setTimeout(() => void db.local.put({ key, value: true }).catch(() => (marked = false)), 0)
  }
  const watchedRow = (row: Partial<RecordHead>) => row.type !== undefined && row.realm !== undefined && watched(row as RecordHead)
  // A row written without `_local` was applied by sync (an edit made here carries it). It is an arrival when it is
  // new or its ciphertext or deletion changed: a push only stamps the server's revision and clears `_local`.
  const fromElsewhere = (row: StoredEnvelope) => !row._local && watchedRow(row)
  watchRecordWrites(db, {
    needsKind: fromElsewhere,
    written: (row, kind) => {
      if (kind !== 'header' && fromElsewhere(row)) arrive()
    },
    // Any deletion of a watched row counts (sync's, or this device's own once pushed), as it always has.
    deleted: (row) => {
      if (watchedRow(row)) arrive()
    },
  })
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
