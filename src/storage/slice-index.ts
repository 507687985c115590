import type { LobbyDb } from './db'
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

const hasSlices = (bi: readonly string[] | undefined) => !!bi?.some((b) => b.startsWith('parent:') || b.startsWith('day:'))

/**
 * Slice indexes (`parent`, `day`) for records sealed before their kind declared them. Such a record cannot
 * simply be re-sealed with the new indexes: events are append-only (the server refuses a second revision),
 * and the blind indexes are authenticated in the envelope. So this device computes them once, from the
 * decrypted record, and keeps them in its device-local table (never replicated): `slice:<type>:<blind>|<id>`.
 * A blind value stored here is the one the record would carry in its own header; nothing new is revealed.
 *
 * Until the one-time pass has finished, slice reads take the old path (every record of the type), so a
 * record is never missed while the pass runs; the cursor makes the pass resumable across reloads.
 */
export function createLocalSlices(db: LobbyDb, type: string, realm: string) {
  const entryPrefix = (bi: string) => `slice:${type}:${bi}|`
  const readyKey = `slice-ready:${type}:${realm}`
  const cursorKey = `slice-cursor:${type}:${realm}`
  let known = false

  async function ready(): Promise<boolean> {
    known ||= (await db.local.get(readyKey))?.value === true
    return known
  }

  /** Ids of records given one of these blind values here. */
  async function idsFor(bis: readonly string[]): Promise<string[]> {
    const keys = await Promise.all(bis.map((bi) => db.local.where('key').startsWith(entryPrefix(bi)).primaryKeys()))
    return keys.flat().map((k) => k.slice(k.lastIndexOf('|') + 1))
  }

  /** The one-time pass: `slicesOf` opens a record and returns its slice blind values (none when it cannot). */
  async function run(slicesOf: (env: StoredEnvelope) => Promise<string[]>, options: ReindexOptions = {}): Promise<ReindexResult> {
    if (await ready()) return { indexed: 0 }
    const after = ((await db.local.get(cursorKey))?.value as string | undefined) ?? ''
    // Keys only: the pass reads each record once, in id order, and opens only those without slice indexes.
    const ids = (await db.records.where('[type+realm]').equals([type, realm]).primaryKeys()).filter((id) => id > after).sort()
    const batchSize = options.batchSize ?? 200
    let indexed = 0
    for (let i = 0; i < ids.length; i += batchSize) {
      if (options.signal?.aborted) return { indexed, stopped: true }
      const batch = ids.slice(i, i + batchSize)
      const rows: { key: string; value: unknown }[] = []
      for (const env of await db.records.bulkGet(batch)) {
        if (!env || env._deleted || hasSlices(env.bi)) continue
        const bis = await slicesOf(env)
        if (bis.length) indexed++
        for (const bi of bis) rows.push({ key: `${entryPrefix(bi)}${env._id}`, value: 1 })
      }
      await db.local.bulkPut([...rows, { key: cursorKey, value: batch.at(-1) }])
      options.onBatch?.()
    }
    await db.local.put({ key: readyKey, value: true })
    await db.local.delete(cursorKey)
    known = true
    return { indexed }
  }

  return { ready, idsFor, run }
}
