import { open, type Envelope } from '@/crypto/envelope'
import type { LobbyDb } from '@/storage/db'
import type { KeySource } from '@/storage/key-source'
import { resolveConflict, type ConflictContext } from './conflicts'
import type { PouchDoc, PouchLike } from './pouch-port'
import { table, tableFor } from './replicated-tables'

export interface IncomingContext extends ConflictContext {
  keys: KeySource
  /** An envelope that failed to open: never applied (CONF-2). */
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
 * Applies what replication brought into the local PouchDB to Dexie, from
 * `since` on: conflicts are merged first (the merge comes back as a later
 * change), tampered envelopes are quarantined, and a row with an unsynced
 * local edit is left alone (its push will meet the change as a conflict).
 */
export async function applyIncoming(db: LobbyDb, pouch: PouchLike, since: number | string, ctx: IncomingContext): Promise<number | string> {
  let cursor = since
  for (;;) {
    const { results, last_seq } = await pouch.changes({ since: cursor, include_docs: true, conflicts: true, limit: 200 })
    if (results.length === 0) return cursor
    for (const change of results) {
      const doc = change.doc
      if (!doc) continue
      // A merged record comes back as a later change; a plain document keeps the winner applied below.
      if (doc._conflicts?.length && (await resolveConflict(pouch, doc._id, ctx))) continue
      const name = tableFor(doc.type) ?? (doc._deleted ? 'records' : undefined)
      if (!name) continue
      const t = table(db, name)
      const mine = await t.get(doc._id)
      if (mine?._local) continue
      if (doc._deleted) {
        await t.delete(doc._id)
        continue
      }
      const problem = await integrity(doc, ctx.keys)
      if (problem) {
        await ctx.quarantine(doc, problem)
        continue
      }
      const { _conflicts: _none, ...row } = doc
      await t.put(row)
    }
    cursor = last_seq
  }
}
