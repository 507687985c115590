import { open, type Envelope } from '@/crypto/envelope'
import type { LobbyDb } from '@/storage/db'
import type { KeySource } from '@/storage/key-source'
import type { Channel } from './channels'
import { isAppendOnly } from '@/storage/append-only'
import { foregroundIdle } from '@/storage/foreground'
import { resolveConflict, rivalEventReason, type ConflictContext } from './conflicts'
import type { Row } from './outgoing'
import type { PouchDoc, PouchLike } from './pouch-port'
import { table, tableFor, type ReplicatedTable } from './replicated-tables'

export interface IncomingContext extends ConflictContext {
  keys: KeySource
  /** The database these changes came from: only its tables, and for records its realm, may be written. */
  channel: Pick<Channel, 'tables' | 'realm'>
  /** A document that is not applied (CONF-2, issue 8): kept aside and audited. */
  quarantine: (doc: PouchDoc, reason: string) => Promise<void>
}

/** Checks an incoming sealed record before it may touch the app's store: it must open with a key we hold. */
async function integrity(doc: PouchDoc, keys: KeySource): Promise<string | null> {
  if (tableFor(doc.type) !== 'records' || doc._deleted) return null
  try {
    await open(doc as unknown as Envelope, keys.lookup)
    return null
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  }
}

/**
 * Why a document may not be applied from this channel, or null. Each document
 * is filed into a local table by its type; whoever can write a database (a
 * colleague, the server's operator) chooses that type, so a type or realm
 * that does not belong to the database it came from is refused: an `org`,
 * `device` or `keyring` document in `lobby_desk` would otherwise replace the
 * organisation's, and a record of another realm would replace that realm's.
 */
function misplaced(doc: PouchDoc, channel: IncomingContext['channel']): string | null {
  if (doc.type === undefined && doc._deleted) return null // a bare tombstone: checked against the row it deletes
  const name = tableFor(doc.type)
  if (!name || !channel.tables.includes(name)) return `a document of type "${String(doc.type)}" does not belong in this database`
  if (name !== 'records') return null
  if (doc.realm !== undefined || !doc._deleted) {
    if (doc.realm !== channel.realm) return `a record of realm "${String(doc.realm)}" does not belong in this database`
  }
  if (!doc._id.startsWith(`${String(doc.type)}:`)) return `a "${String(doc.type)}" record does not belong under the id "${doc._id}"`
  return null
}

/**
 * What to do with a row the server refused (outgoing.ts `_refused`) now that the server's own version of it (or
 * its deletion) arrived: the refused version is set aside, never lost. For an event (append-only) two versions
 * of one id are tampering or a clash of ids, and managers are told (issue 8 §5); otherwise it is the server's
 * rules saying no, which the round already reported.
 */
async function setAsideRefused(mine: Row, incoming: PouchDoc, ctx: IncomingContext): Promise<void> {
  const { _refused: why, _local: _none, ...doc } = mine
  const event = isAppendOnly(String(mine.type)) || isAppendOnly(mine._id.split(':')[0]!)
  await ctx.quarantine(doc, event ? `${rivalEventReason} (kept: ${String(incoming._rev)})` : `refused by the server (${String(why)}); the server's version was kept`)
  if (event) await ctx.onTampered?.(mine._id, 2)
}

/** Applies a deletion to the row it names, in this channel's tables only; a record of another realm is not this channel's to delete. */
async function applyTombstone(db: LobbyDb, doc: PouchDoc, ctx: IncomingContext): Promise<void> {
  const names: ReplicatedTable[] = typeof doc.type === 'string' ? [tableFor(doc.type)!] : ctx.channel.tables
  for (const name of names) {
    const t = table(db, name)
    const mine = (await t.get(doc._id)) as Row | undefined
    if (!mine || mine._local) continue
    if (name === 'records' && mine.realm !== ctx.channel.realm) {
      await ctx.quarantine(doc, `a deletion of a record of realm "${String(mine.realm)}" does not belong in this database`)
      continue
    }
    if (mine._refused) await setAsideRefused(mine, doc, ctx)
    await t.delete(doc._id)
  }
}

/**
 * How many changes one request to the server's feed takes in: a page is checked, then written in one transaction.
 * Small enough that reading and writing a page's rows stays well inside one 100 ms main-thread task (IndexedDB
 * takes a `get`/`put` per row; at 500 a page's reads and a collection after them passed 100 ms in the 100k bench).
 */
const pageSize = 250
/** How many envelopes are opened at once for the integrity check (WebCrypto works on them in parallel). */
const checkGroup = 32

/**
 * The live documents of one page for one table: those this device does not already hold at that revision and has
 * no unsynced edit of, checked (a sealed record must open with a key we hold), then written in one transaction.
 * A row edited locally meanwhile is left alone (its push will meet the change as a conflict).
 */
async function applyLive(db: LobbyDb, name: ReplicatedTable, docs: PouchDoc[], ctx: IncomingContext): Promise<void> {
  const t = table(db, name)
  const held = (await t.bulkGet(docs.map((d) => d._id))) as (Row | undefined)[]
  const fresh: PouchDoc[] = []
  for (const [i, d] of docs.entries()) {
    const mine = held[i]
    if (mine?._local || mine?._rev === d._rev) continue
    if (mine?._refused) await setAsideRefused(mine, d, ctx)
    fresh.push(d)
  }
  const problems: (string | null)[] = []
  for (let i = 0; i < fresh.length; i += checkGroup) problems.push(...(await Promise.all(fresh.slice(i, i + checkGroup).map((d) => integrity(d, ctx.keys)))))
  const rows: PouchDoc[] = []
  for (const [i, doc] of fresh.entries()) {
    const problem = problems[i]
    if (problem) await ctx.quarantine(doc, problem)
    else {
      const { _conflicts: _none, ...row } = doc
      rows.push(row)
    }
  }
  if (rows.length === 0) return
  // A scan at the desk reads first: its reads would otherwise queue behind this write (storage/foreground.ts).
  await foregroundIdle()
  await db.transaction('rw', t, async () => {
    const now = await t.bulkGet(rows.map((r) => r._id))
    await t.bulkPut(rows.filter((_, i) => !now[i]?._local))
  })
}

type ChangesPage = Awaited<ReturnType<PouchLike['changes']>>

/** One page of the server's feed; `batch_size` too, or PouchDB's HTTP adapter asks in 25s. */
const readPage = (remote: PouchLike, since: number | string) =>
  remote.changes({ since, include_docs: true, conflicts: true, limit: pageSize, batch_size: pageSize })

/**
 * Takes in the server's changes to one database from `since` on, straight into Dexie, a page at a time (no
 * local replica: each document is held once on the device): documents that do not belong to the channel are
 * quarantined, conflicts are merged first (the merge is written to the server and comes back as a later change),
 * tampered envelopes are quarantined, and a row with an unsynced local edit is left alone (its push will meet the
 * change as a conflict). The next page is on its way while one is applied. After each page `onPage` gets the
 * sequence it reached (and how many changes the page held), so an interrupted round resumes there (a page
 * applied again changes nothing). Returns the last sequence reached.
 */
export async function pullChanges(
  db: LobbyDb,
  remote: PouchLike,
  since: number | string,
  ctx: IncomingContext,
  onPage?: (seq: number | string, taken: number) => Promise<void>,
): Promise<number | string> {
  let cursor = since
  let next: Promise<ChangesPage> = readPage(remote, cursor)
  for (;;) {
    const { results, last_seq } = await next
    if (results.length === 0) return cursor
    // A page shorter than asked is the end of the feed for now, unless a merge written below comes back after it.
    const full = results.length === pageSize
    if (full) {
      next = readPage(remote, last_seq)
      // An unawaited failure of the read ahead is reported when the loop gets to it, not as an unhandled rejection.
      next.catch(() => undefined)
    }
    let merged = false
    const live = new Map<ReplicatedTable, PouchDoc[]>()
    for (const change of results) {
      const doc = change.doc
      // Design documents hold the server's rules: replicated, never applied.
      if (!doc || doc._id.startsWith('_design/')) continue
      const wrong = misplaced(doc, ctx.channel)
      if (wrong) {
        await ctx.quarantine(doc, wrong)
        continue
      }
      // A merged record comes back as a later change; a plain document keeps the winner applied below.
      if (doc._conflicts?.length && (await resolveConflict(remote, doc._id, ctx))) {
        merged = true
        continue
      }
      if (doc._deleted) {
        await applyTombstone(db, doc, ctx)
        continue
      }
      const name = tableFor(doc.type)!
      const docs = live.get(name) ?? live.set(name, []).get(name)!
      docs.push(doc)
    }
    for (const [name, docs] of live) await applyLive(db, name, docs, ctx)
    cursor = last_seq
    await onPage?.(cursor, results.length)
    if (!full && !merged) return cursor
    if (!full) next = readPage(remote, cursor)
  }
}
