import type { LobbyDb } from './db'
import { recordsOfType } from './records-of-type'
import type { StoredEnvelope } from './documents'

/** How a re-index run ended: records given device-local slice entries, and whether it was stopped before the end. */
export interface ReindexResult {
  indexed: number
  stopped?: true
}

export interface ReindexOptions {
  /** Records read per batch; the cursor is saved after each. */
  batchSize?: number
  /** Stops after the current batch (lock, leaving the page); the next run resumes from the saved cursor. */
  signal?: AbortSignal
  onBatch?: () => void
}

/**
 * Slice indexes (`parent`, `day`) for records sealed without them (before their kind declared them, or by an
 * older app version on another device). Such a record cannot simply be re-sealed with the new indexes: events
 * are append-only (the server refuses a second revision), and the blind indexes are authenticated in the
 * envelope. So this device computes them from the decrypted record and keeps them in its device-local table
 * (never replicated): `slice:<type>:<blind>|<id>`, and `slice-done:<type>|<id>` once a record is handled.
 * A blind value stored here is the one the record would carry in its own header; nothing new is revealed.
 *
 * Until the first pass over a type has finished, slice reads of it take the old path (every record of the
 * type), so nothing is missed while it runs. Later runs (after unlock, after a sync round) find what arrived
 * since from keys alone (the type's ids, less those with slice indexes in `bi`, less those done), and open
 * only those; a pass stopped half-way resumes the same way.
 */
export function createLocalSlices(db: LobbyDb, type: string, realm: string) {
  const entryPrefix = (bi: string) => `slice:${type}:${bi}|`
  const donePrefix = `slice-done:${type}|`
  const readyKey = `slice-ready:${type}:${realm}`
  let known = false

  async function ready(): Promise<boolean> {
    known ||= (await db.local.get(readyKey))?.value === true
    return known
  }

  // Whether this type has any entries here: none once every record carries its own slice indexes (all written by
  // this app version), and then a slice read skips the look-up (a check-in makes a dozen). "None" is asked again
  // after a while: another tab's run may have made some.
  let entriesSeen: { any: boolean; at: number } | undefined
  const noEntriesFor = 60_000
  async function anyEntries(): Promise<boolean> {
    if (entriesSeen && (entriesSeen.any || Date.now() - entriesSeen.at < noEntriesFor)) return entriesSeen.any
    const any = (await db.local.where('key').startsWith(`slice:${type}:`).limit(1).primaryKeys()).length > 0
    entriesSeen = { any, at: Date.now() }
    return any
  }

  /** Ids of records given one of these blind values here. */
  async function idsFor(bis: readonly string[]): Promise<string[]> {
    if (!(await anyEntries())) return []
    const keys = await Promise.all(bis.map((bi) => db.local.where('key').startsWith(entryPrefix(bi)).primaryKeys()))
    return keys.flat().map((k) => k.slice(k.lastIndexOf('|') + 1))
  }

  /** Records of the type with neither slice indexes of their own nor entries here: keys only, nothing opened. */
  async function unindexed(): Promise<string[]> {
    const [ids, parents, days, done] = await Promise.all([
      recordsOfType(db, type).primaryKeys(),
      db.records.where('bi').startsWith('parent:').primaryKeys(),
      db.records.where('bi').startsWith('day:').primaryKeys(),
      db.local.where('key').startsWith(donePrefix).primaryKeys(),
    ])
    const skip = new Set<string>([...parents, ...days, ...done.map((k) => k.slice(donePrefix.length))])
    return ids.filter((id) => !skip.has(id)).sort()
  }

  /** A pass: `slicesOf` opens a record and returns its slice blind values (undefined when it cannot open it). */
  async function run(slicesOf: (env: StoredEnvelope) => Promise<string[] | undefined>, options: ReindexOptions = {}): Promise<ReindexResult> {
    const ids = await unindexed()
    const batchSize = options.batchSize ?? 200
    let indexed = 0
    for (let i = 0; i < ids.length; i += batchSize) {
      if (options.signal?.aborted) return { indexed, stopped: true }
      const rows: { key: string; value: unknown }[] = []
      for (const env of await db.records.bulkGet(ids.slice(i, i + batchSize))) {
        // Another realm's record under this type's ids is not this realm's to index: done with it.
        if (env && env.realm !== realm) rows.push({ key: `${donePrefix}${env._id}`, value: 1 })
        if (!env || env._deleted || env.realm !== realm) continue
        const bis = await slicesOf(env)
        if (!bis) continue // not openable now (a key not held yet): tried again at the next run
        if (bis.length) indexed++
        for (const bi of bis) rows.push({ key: `${entryPrefix(bi)}${env._id}`, value: 1 })
        rows.push({ key: `${donePrefix}${env._id}`, value: 1 })
      }
      await db.local.bulkPut(rows)
      if (indexed) entriesSeen = { any: true, at: Date.now() }
      options.onBatch?.()
    }
    if (!known) await db.local.put({ key: readyKey, value: true })
    known = true
    return { indexed }
  }

  return { ready, idsFor, run, anyEntries }
}
