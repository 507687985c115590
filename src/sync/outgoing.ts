import { randomBytes } from '@/crypto/bytes'
import type { LobbyDb } from '@/storage/db'
import type { PouchDoc, PouchLike } from './pouch-port'
import { table, type ReplicatedTable } from './replicated-tables'

/** A replicated row as Dexie holds it: `_local` until the server has it, `_refused` (why) once the server said no. */
export type Row = PouchDoc & { _local?: 1; _refused?: string }

/** What one push left behind: the rows the server refused, each with its answer. */
export interface PushRefusal {
  id: string
  error: string
  reason: string
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const revGeneration = (rev: string | undefined) => (rev ? Number.parseInt(rev, 10) : 0)
/** Rows per `_bulk_docs` request: a request stays well under a proxy's body limit (a sealed record is ~1 KB). */
const pushBatch = 250

/**
 * The row as the server gets it: a child of the revision the edit was based on, with a revision id of our own
 * (`new_edits: false`). If the server moved on since that base (another device's change arrived there first),
 * the edit lands as a sibling leaf and the two are a conflict the merge resolves field by field on the next
 * pull, instead of one silently overwriting the other. Nothing is read first: one request per batch.
 */
function staged(row: Row): PouchDoc {
  const { _local: _mark, _refused: _no, ...doc } = row
  const base = doc._rev
  const gen = revGeneration(base) + 1
  const id = hex(randomBytes(16))
  const ancestry = base ? [id, base.slice(base.indexOf('-') + 1)] : [id]
  return { ...doc, _rev: `${gen}-${id}`, _revisions: { start: gen, ids: ancestry } }
}

/**
 * Sends every row marked `_local` in `tables` (optionally filtered) straight to the server's database, a batch
 * at a time. A row the server took gets its new revision and loses the mark (a deletion is forgotten), unless it
 * was edited meanwhile: the next round sends the newer edit. A row the server refused (its rules: 403/401 in the
 * bulk answer) is kept as written, marked `_refused` with the reason, and not sent again; the pull then sets it
 * aside when the server's own version arrives (incoming.ts). Anything else (the network, a 500) leaves the mark
 * for the next round. Returns how many went and what was refused.
 */
export async function pushLocalRows(
  db: LobbyDb,
  tables: ReplicatedTable[],
  remote: PouchLike,
  accept: (row: Row) => boolean = () => true,
): Promise<{ pushed: number; refused: PushRefusal[] }> {
  let pushed = 0
  const refused: PushRefusal[] = []
  for (const name of tables) {
    const t = table(db, name)
    const rows = ((await t.where('_local').equals(1).toArray()) as Row[]).filter(accept)
    for (let i = 0; i < rows.length; i += pushBatch) {
      const batch = rows.slice(i, i + pushBatch)
      const docs = batch.map(staged)
      // With new_edits: false the server answers only for the documents it did not take (CouchDB and PouchDB alike).
      const answers = await remote.bulkDocs(docs, { new_edits: false })
      const failed = new Map<string, { error: string; reason: string; status?: number }>()
      for (const a of answers) {
        if (!('error' in a)) continue
        const answer = a as { id: string; error: true | string; reason?: string; message?: string; name?: string; status?: number }
        const error = typeof answer.error === 'string' ? answer.error : (answer.name ?? 'error')
        failed.set(answer.id, { error, reason: answer.reason ?? answer.message ?? '', status: answer.status })
      }
      const refusedHere = new Map([...failed].filter(([, f]) => f.error === 'forbidden' || f.error === 'unauthorized' || f.status === 403 || f.status === 401))
      await db.transaction('rw', t, async () => {
        const now = (await t.bulkGet(batch.map((r) => r._id))) as (Row | undefined)[]
        const stamped: Row[] = []
        const gone: string[] = []
        for (const [k, row] of batch.entries()) {
          // Only if nobody edited the row meanwhile; otherwise the next round sends the newer edit.
          const current = now[k]
          if (!current || JSON.stringify(current) !== JSON.stringify(row)) continue
          const { _local: _sent, _refused: _before, ...rest } = current
          const refusal = refusedHere.get(row._id)
          if (refusal) stamped.push({ ...rest, _refused: `${refusal.error}: ${refusal.reason}` })
          else if (failed.has(row._id)) continue
          else if (row._deleted) gone.push(row._id)
          else stamped.push({ ...rest, _rev: docs[k]!._rev })
        }
        if (stamped.length) await t.bulkPut(stamped)
        if (gone.length) await t.bulkDelete(gone)
      })
      pushed += batch.length - failed.size
      for (const [id, f] of refusedHere) refused.push({ id, error: f.error, reason: f.reason })
      const other = [...failed].find(([id]) => !refusedHere.has(id))
      if (other) throw Object.assign(new Error(`${remote.name}: the server did not take ${other[0]}: ${other[1].reason}`), { status: other[1].status ?? 500 })
    }
  }
  return { pushed, refused }
}
