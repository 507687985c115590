import type { DBCore, DBCoreAddRequest, DBCoreDeleteRangeRequest, DBCoreDeleteRequest, DBCoreMutateRequest, DBCoreMutateResponse, DBCorePutRequest, DBCoreTable, Dexie } from 'dexie'
import type { StoredEnvelope } from './documents'
import { heldRows, type Held } from './record-writes-held'

/**
 * Every write to the `records` table in this tab (the app's own, and sync applying what other devices wrote), told
 * to the watchers that follow it (the members list's change marks, desk arrivals, recent people) by one DBCore
 * middleware. Dexie's table hooks did this before, but with any hook on a table Dexie reads every row a `bulkPut`
 * replaces and diffs it with the new one, row by row: a sync page of 500 was read twice (issue 13). Here a put costs
 * no read unless a watcher must know what the row replaced (`needsKind`), and then usually none either
 * (`record-writes-held.ts`). Watchers are told after the request succeeded, inside its transaction; they only
 * note ids and write their marks after it (a `setTimeout`), so nothing they do can fail the caller's write.
 */

/** The clear header a watcher decides by: which record, of which type and realm. */
export type RecordHead = Pick<StoredEnvelope, '_id' | 'type' | 'realm'>

/**
 * What a put did to the row held under its id: `new` (none was held), `sealed` (its ciphertext or its deletion
 * changed: new content), `header` (only the clear fields around it: `_rev` and `_local` when a push is stamped,
 * blind indexes after a re-index).
 */
export type PutKind = 'new' | 'sealed' | 'header'

export interface RecordWatcher {
  /** Whether `written` must be told this row's `PutKind`: only such rows can cost a read. */
  needsKind?(row: StoredEnvelope): boolean
  /** A row was added or put; `kind` is given for the rows `needsKind` asked about. */
  written?(row: StoredEnvelope, kind: PutKind | undefined): void
  /** A row was deleted (as it was: a delete carries only keys, so the rows are read first, only if some watcher has this). */
  deleted?(row: RecordHead): void
}

const watchersOf = new WeakMap<Dexie, Set<RecordWatcher>>()

/** Puts the middleware on `db`'s records table. Once per database, before it opens (Dexie builds its stack then): `LobbyDb` does it. */
export function observeRecordWrites(db: Dexie): void {
  const watchers = new Set<RecordWatcher>()
  watchersOf.set(db, watchers)
  // The lowest level, below Dexie's own middlewares: they read Dexie's zone (`PSD`), which an `await` here would
  // lose before calling them; and it sees what reaches IndexedDB.
  const create = (down: DBCore): DBCore => ({ ...down, table: (name) => (name === 'records' ? recordsTable(down.table(name), watchers) : down.table(name)) })
  db.use({ stack: 'dbcore', name: 'record-writes', level: -2, create })
}

/** Tells `watcher` of every later write to `db`'s records table, for the life of the database object. */
export function watchRecordWrites(db: Dexie, watcher: RecordWatcher): void {
  const watchers = watchersOf.get(db)
  if (!watchers) throw new Error('this database does not observe record writes (observeRecordWrites)')
  watchers.add(watcher)
}

// A watcher's bug surfaces as an uncaught error, never as a failed write of the caller.
function tell(call: () => void) {
  try {
    call()
  } catch (error) {
    setTimeout(() => {
      throw error
    }, 0)
  }
}

const headOf = (id: string, held: Held): RecordHead => ({ _id: id, type: held.type, realm: held.realm })
const failed = (res: DBCoreMutateResponse, i: number) => res.numFailures > 0 && res.failures[i] !== undefined

/** What the update changed, per row: `Table.update`, `bulkUpdate` and `Collection.modify` with an object say so in the request. */
function changeSpecs(req: DBCorePutRequest): ((id: string) => object | undefined) | undefined {
  if (req.upsert) return undefined // may create the row: only a read tells
  if (req.changeSpec) return () => req.changeSpec
  if (!req.updates) return undefined
  const specs = new Map(req.updates.keys.map((key, i) => [key, req.updates!.changeSpecs[i]]))
  return (id) => specs.get(id)
}

function kindOf(before: Held | null | undefined, row: StoredEnvelope): PutKind {
  if (!before) return 'new'
  return before.ct !== row.ct || before.deleted !== row._deleted ? 'sealed' : 'header'
}

function recordsTable(down: DBCoreTable, watchers: Set<RecordWatcher>): DBCoreTable {
  const held = heldRows(down)

  /** The kind of each row some watcher asked about, worked out before the write. */
  async function kinds(req: DBCoreAddRequest | DBCorePutRequest, rows: StoredEnvelope[], asked: boolean[]): Promise<(PutKind | undefined)[]> {
    if (!asked.includes(true)) return []
    if (req.type === 'add') return asked.map((a) => (a ? 'new' : undefined)) // an add fails on a held key
    // An update puts only rows it read, and its change spec tells a stamp (`_rev`, `_local`) from new content.
    const spec = changeSpecs(req)
    if (spec) return rows.map((row, i) => (asked[i] ? sealedChange(spec(row._id)) : undefined))
    const before = await held.before(req.trans, rows.filter((_, i) => asked[i]).map((r) => r._id))
    return rows.map((row, i) => (asked[i] ? kindOf(before.get(row._id), row) : undefined))
  }

  const put = (req: DBCoreAddRequest | DBCorePutRequest) =>
    held.writing(req.trans, async () => {
      const list = [...watchers]
      const rows = req.values as StoredEnvelope[]
      const asked = rows.map((row) => list.some((w) => w.needsKind?.(row) ?? false))
      const known = await kinds(req, rows, asked)
      const res = await down.mutate(req)
      rows.forEach((row, i) => {
        if (failed(res, i)) return
        held.wrote(req.trans, row._id, row)
        for (const w of list) if (w.written) tell(() => w.written!(row, known[i]))
      })
      return res
    })

  const remove = (req: DBCoreDeleteRequest) =>
    held.writing(req.trans, async () => {
      const list = [...watchers].filter((w) => w.deleted)
      const ids = req.keys as string[]
      const kept = list.length ? await held.before(req.trans, ids) : undefined
      const before = ids.map((id) => kept?.get(id))
      const res = await down.mutate(req)
      ids.forEach((id, i) => {
        if (failed(res, i)) return
        held.wrote(req.trans, id, undefined)
        const was = before[i]
        if (was) for (const w of list) tell(() => w.deleted!(headOf(id, was)))
      })
      return res
    })

  // `records.clear()` or a key range deleted: nothing in the app does it (a wipe deletes the database), so the
  // rows are read first, as Dexie's hooks did, and each watched one is told. Heads only are kept, not bodies.
  const removeRange = (req: DBCoreDeleteRangeRequest) =>
    held.writing(req.trans, async () => {
      const list = [...watchers].filter((w) => w.deleted)
      held.forget(req.trans)
      if (!list.length) return down.mutate(req)
      const { result } = await down.query({ trans: req.trans, values: true, query: { index: down.schema.primaryKey, range: req.range } })
      const heads = (result as StoredEnvelope[]).map((r): RecordHead => ({ _id: r._id, type: r.type, realm: r.realm }))
      const res = await down.mutate(req)
      if (res.numFailures === 0) for (const head of heads) for (const w of list) tell(() => w.deleted!(head))
      return res
    })

  return {
    ...down,
    // What a transaction reads is kept for its later puts (`record-writes-held.ts`); with no watcher, nothing is.
    get: (req) => (watchers.size ? down.get(req).then((row: StoredEnvelope | undefined) => held.read(req.trans, [req.key], [row])[0]) : down.get(req)),
    getMany: (req) => (watchers.size ? down.getMany(req).then((rows: (StoredEnvelope | undefined)[]) => held.read(req.trans, req.keys, rows)) : down.getMany(req)),
    mutate(req: DBCoreMutateRequest) {
      if (watchers.size === 0) {
        held.forget(req.trans)
        return down.mutate(req)
      }
      if (req.type === 'delete') return remove(req)
      if (req.type === 'deleteRange') return removeRange(req)
      return put(req)
    },
  }
}

function sealedChange(spec: object | undefined): PutKind {
  // No spec for a row (not expected): count it as new content, the side that costs a re-read, never a lost arrival.
  return !spec || 'ct' in spec || '_deleted' in spec ? 'sealed' : 'header'
}
