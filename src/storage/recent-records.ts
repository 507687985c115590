import type { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'
import { watchRecordWrites } from './record-writes'

/** How many ids a recent list keeps: a page shows 20; the rest covers people removed since. */
export const recentKept = 200

/**
 * The records of a kind that arrived on this device last (registered here, or brought by sync), newest first,
 * by id only: `recent:<name>:<order>|<id>` in the device-local table, where `order` is when the record was
 * first written here. A list of the newest few is then a reverse range read of keys, opening only those
 * records, never the whole directory (50,000 people are not decrypted to draw 20). Ids are random and typed
 * (nothing personal); the order says only when a record reached this device, which the device knew anyway.
 *
 * Bounded to `keep` ids: a first sync of a large directory writes them in the server's order (oldest first), so
 * the newest stay. Records held before this list existed on a device are not in it: they appear once edited
 * here or found by search.
 */
export function watchRecentRecords(db: LobbyDb, name: string, watched: (row: Pick<StoredEnvelope, 'type' | 'realm'>) => boolean, keep = recentKept) {
  const prefix = `recent:${name}:`
  const pending: string[] = []
  let flushing: Promise<void> = Promise.resolve()
  let scheduled = false
  let stamp = 0

  // Fixed width, so keys sort as times: milliseconds, then a counter for records created in the same one.
  const order = () => `${Date.now().toString(36).padStart(10, '0')}.${(++stamp).toString(36).padStart(6, '0')}`

  const watchedLive = (row: StoredEnvelope) => !row._deleted && watched(row)

  function note(row: StoredEnvelope) {
    pending.push(row._id)
    if (scheduled) return
    scheduled = true
    setTimeout(() => void flush(), 0)
  }

  async function write(ids: string[]) {
    await db.local.bulkPut(ids.map((id) => ({ key: `${prefix}${order()}|${id}`, value: 1 })))
    const extra = (await db.local.where('key').startsWith(prefix).count()) - keep
    if (extra > 0) await db.local.bulkDelete(await db.local.where('key').startsWith(prefix).limit(extra).primaryKeys())
  }

  function flush(): Promise<void> {
    scheduled = false
    if (pending.length === 0) return flushing
    const ids = pending.splice(0)
    // A full disk loses only the order of these ids: search still finds them.
    flushing = flushing.then(() => write(ids)).catch(() => undefined)
    return flushing
  }

  // Only new rows: an edit does not make a person recent, and sync's updates of known rows are not arrivals.
  watchRecordWrites(db, {
    needsKind: watchedLive,
    written: (row, kind) => {
      if (kind === 'new' && watchedLive(row)) note(row)
    },
  })

  return {
    /** The ids kept, the last to arrive first (keys only, nothing opened; at most `keep`). */
    async newest(): Promise<string[]> {
      await flush()
      const keys = await db.local.where('key').startsWith(prefix).reverse().primaryKeys()
      return [...new Set(keys.map((k) => k.slice(k.lastIndexOf('|') + 1)))]
    },
  }
}

export type RecentRecords = ReturnType<typeof watchRecentRecords>
