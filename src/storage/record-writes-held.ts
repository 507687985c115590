import type { DBCoreTable, DBCoreTransaction } from 'dexie'
import type { StoredEnvelope } from './documents'

/** What `record-writes.ts` needs of the row a write replaces: its head, ciphertext and deletion. */
export interface Held {
  type: string
  realm: string
  ct: string
  deleted: boolean | undefined
}

const heldOf = (row: StoredEnvelope | undefined): Held | null => (row ? { type: row.type, realm: row.realm, ct: row.ct, deleted: row._deleted } : null)

/**
 * The records rows each readwrite transaction has read or written, kept as far as a watcher needs them, so that a
 * put of rows the same transaction read just before costs no second read: sync's apply reads a page's rows and
 * writes the page in one transaction; a push's stamp reads the row and puts it back (src/sync). Only strings are
 * kept, never the objects, which a caller may change before putting them back.
 *
 * Sound because IndexedDB runs one readwrite transaction over a store at a time and a transaction's requests in
 * order, every write to the records table passes through this middleware, which keeps what it wrote (or forgets
 * what the transaction read, when it cannot know), and a transaction's writes run here one after another, each
 * once the one before it is kept (two puts of one row at once would otherwise both see it absent, as Dexie's hooks did).
 */
export function heldRows(down: DBCoreTable) {
  const byTrans = new WeakMap<DBCoreTransaction, { rows: Map<string, Held | null>; last: Promise<unknown> }>()
  const of = (trans: DBCoreTransaction) => byTrans.get(trans) ?? byTrans.set(trans, { rows: new Map(), last: Promise.resolve() }).get(trans)!
  // A readonly transaction writes nothing after its reads: nothing to keep.
  const writable = (trans: DBCoreTransaction) => (trans as { mode?: string }).mode !== 'readonly'

  return {
    /** Keeps what a read found (`undefined`: no row); returns the rows as read. */
    read<T extends StoredEnvelope | undefined>(trans: DBCoreTransaction, keys: readonly string[], rows: T[]): T[] {
      if (writable(trans)) {
        const kept = of(trans).rows
        keys.forEach((key, i) => kept.set(key, heldOf(rows[i])))
      }
      return rows
    },
    /** The rows held under `ids` now, read only for those this transaction has not read or written. */
    async before(trans: DBCoreTransaction, ids: readonly string[]): Promise<Map<string, Held | null>> {
      const kept = of(trans).rows
      const missing = ids.filter((id) => !kept.has(id))
      if (missing.length === 0) return kept
      const rows = (await down.getMany({ trans, keys: missing })) as (StoredEnvelope | undefined)[]
      missing.forEach((id, i) => kept.set(id, heldOf(rows[i])))
      return kept
    },
    /** Runs one write of `trans` after its writes before it; a write that fails leaves what it changed unknown. */
    writing<T>(trans: DBCoreTransaction, write: () => Promise<T>): Promise<T> {
      const t = of(trans)
      const run = t.last.then(write)
      t.last = run.catch(() => t.rows.clear())
      return run
    },
    /** Keeps what a write left under `id` (`undefined`: deleted). */
    wrote(trans: DBCoreTransaction, id: string, row: StoredEnvelope | undefined): void {
      byTrans.get(trans)?.rows.set(id, heldOf(row))
    },
    /** Forgets what `trans` read (a write not followed here, or a range deleted). */
    forget(trans: DBCoreTransaction): void {
      byTrans.get(trans)?.rows.clear()
    },
  }
}
