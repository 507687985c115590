import { randomBytes } from '@/crypto/bytes'
import type { LobbyDb } from '@/storage/db'
import type { PouchDoc, PouchLike } from './pouch-port'
import { table, type ReplicatedTable } from './replicated-tables'

type Row = PouchDoc & { _local?: 1 }

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const revGeneration = (rev: string | undefined) => (rev ? Number.parseInt(rev, 10) : 0)

/**
 * Hands one locally written row to the local PouchDB. If PouchDB moved on since
 * the revision this edit was based on (a change arrived from another device),
 * the edit is added as a sibling leaf, so the two become a conflict that the
 * merge resolves field by field instead of one silently overwriting the other.
 */
async function pushRow(pouch: PouchLike, row: Row): Promise<string> {
  const { _local: _ignored, ...doc } = row
  const base = doc._rev
  const current = (await pouch.get(doc._id).catch(() => undefined)) as PouchDoc | undefined
  if (current?._rev === base || (!current && !base)) {
    return (await pouch.put(base ? doc : { ...doc, _rev: undefined })).rev
  }
  const gen = revGeneration(base) + 1
  const id = hex(randomBytes(16))
  const rev = `${gen}-${id}`
  const ancestry = base ? [id, base.slice(base.indexOf('-') + 1)] : [id]
  const [result] = await pouch.bulkDocs([{ ...doc, _rev: rev, _revisions: { start: gen, ids: ancestry } }], { new_edits: false })
  if (result && 'error' in result) throw new Error(`could not stage ${doc._id}: ${result.message ?? result.error}`)
  return rev
}

/** Moves every row marked `_local` in `tables` (optionally filtered) into `pouch`; returns how many went. */
export async function pushLocalRows(db: LobbyDb, tables: ReplicatedTable[], pouch: PouchLike, accept: (row: Row) => boolean = () => true): Promise<number> {
  let moved = 0
  for (const name of tables) {
    const t = table(db, name)
    const rows = (await t.where('_local').equals(1).toArray()) as Row[]
    for (const row of rows.filter(accept)) {
      const rev = await pushRow(pouch, row)
      // Only clear the mark if nobody edited the row meanwhile; otherwise the next round pushes the newer edit.
      await db.transaction('rw', t, async () => {
        const now = (await t.get(row._id)) as Row | undefined
        if (!now || JSON.stringify(now) !== JSON.stringify(row)) return
        if (row._deleted) await t.delete(row._id)
        else {
          const { _local: _gone, ...rest } = now
          await t.put({ ...rest, _rev: rev })
        }
      })
      moved++
    }
  }
  return moved
}
