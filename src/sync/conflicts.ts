import { mergeFields, type Clocked } from '@/core/sync/field-merge'
import { open, seal, type Envelope } from '@/crypto/envelope'
import { isAppendOnly } from '@/storage/append-only'
import type { KeySource } from '@/storage/key-source'
import type { PouchDoc, PouchLike } from './pouch-port'
import { tableFor } from './replicated-tables'

export interface ConflictContext {
  keys: KeySource
  /** Records that a merge happened, for managers to review (audit). */
  onMerged?: (docId: string, leaves: number) => Promise<void>
  /** Called for a leaf that does not open: it is left out of the merge and set aside. */
  onUnreadableLeaf?: (doc: PouchDoc, reason: string) => Promise<void>
  /** Moves the device clock past the clocks seen in the merged record. */
  observeClock?: (clock: string) => Promise<void>
  /**
   * Issue 8 §5: rival versions of an append-only record. Events are written once, so a second
   * version is tampering, not an edit: both stay as they are, each losing leaf is handed here
   * (to be quarantined), then `onTampered` records it for managers.
   */
  onRivalLeaf?: (doc: PouchDoc, reason: string) => Promise<void>
  onTampered?: (docId: string, leaves: number) => Promise<void>
}

/** Starts the quarantine reason of a rival version of an append-only record (the audit page picks these out). */
export const rivalEventReason = 'rival version of an append-only record'

/**
 * A child revision whose id depends only on what it resolves. Two devices that
 * resolve the same conflict at the same time then write the same revision, and
 * replication sees one document instead of a new conflict (which would make the
 * devices merge each other's merges for ever).
 */
async function childRev(parent: string, basis: string): Promise<{ _rev: string; _revisions: { start: number; ids: string[] } }> {
  const gen = Number.parseInt(parent, 10) + 1
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(basis)))
  const id = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')
  return { _rev: `${gen}-${id}`, _revisions: { start: gen, ids: [id, parent.slice(parent.indexOf('-') + 1)] } }
}

function isEnvelope(doc: PouchDoc): doc is PouchDoc & Envelope {
  return tableFor(doc.type) === 'records' && typeof doc.ct === 'string'
}

/**
 * Resolves a conflicted document on the server: every leaf is
 * decrypted, the bodies are merged field by field (latest clock wins, device
 * id breaks ties), and the merge plus tombstones for the losing leaves go out
 * in one bulk write. Returns false for documents that are not sealed records:
 * they keep CouchDB's deterministic winner. So do append-only records, whose
 * rival versions are tampering, not edits: nothing is merged or deleted, the
 * losing leaves are handed to `onRivalLeaf` and the finding to `onTampered`.
 */
export async function resolveConflict(pouch: PouchLike, docId: string, ctx: ConflictContext): Promise<boolean> {
  const winner = (await pouch.get(docId, { conflicts: true })) as PouchDoc
  const losers = winner._conflicts ?? []
  // Plain documents (accounts, keyrings, login and device documents) keep CouchDB's deterministic
  // winner: every device applies the same one, and deleting the losers is often not ours to do.
  if (losers.length === 0 || tableFor(winner.type) !== 'records') return false
  const leaves = [winner, ...(await Promise.all(losers.map((rev) => pouch.get(docId, { rev }) as Promise<PouchDoc>)))]
  // The id says the type too (`<type>:…`): a rival dressed as another type, or as no envelope, is still a rival of the event.
  if (leaves.some((leaf) => typeof leaf.type === 'string' && isAppendOnly(leaf.type)) || isAppendOnly(docId.split(':')[0]!)) {
    for (const leaf of leaves.slice(1)) await ctx.onRivalLeaf?.(leaf, `${rivalEventReason} (kept: ${winner._rev})`)
    await ctx.onTampered?.(docId, leaves.length)
    return false // the deterministic winner is applied (or quarantined, if it does not open) as any plain document's is
  }
  if (!isEnvelope(winner)) return false
  const by = ctx.keys.userId
  const tombstones = await Promise.all(
    losers.map(async (rev) => ({ _id: docId, ...(await childRev(rev, `tombstone|${rev}`)), _deleted: true, type: winner.type, realm: winner.realm, by })),
  )

  const bodies: Clocked[] = []
  for (const leaf of leaves) {
    if (!isEnvelope(leaf)) continue
    // A leaf of another realm would carry its content into this one.
    if (leaf.realm !== winner.realm) {
      await ctx.onUnreadableLeaf?.(leaf, `a leaf of realm "${String(leaf.realm)}" in a record of realm "${String(winner.realm)}"`)
      continue
    }
    try {
      bodies.push(await open<Clocked>(leaf, ctx.keys.lookup))
    } catch (e) {
      await ctx.onUnreadableLeaf?.(leaf, e instanceof Error ? e.message : String(e))
    }
  }
  if (bodies.length === 0) return false
  const merged = mergeFields(bodies)
  const write = ctx.keys.writeKey(winner.realm)
  if (!write) return false
  // Blind indexes of all leaves: a stale one only costs a dropped candidate at lookup, a missing one a miss.
  const bi = [...new Set(leaves.flatMap((l) => (Array.isArray(l.bi) ? (l.bi as string[]) : [])))]
  const sealed = await seal({ _id: docId, type: winner.type, realm: winner.realm, kid: write.kid, v: winner.v, by, bi }, merged, write.key)
  const mergeRev = await childRev(winner._rev!, `merge|${[winner._rev!, ...losers].sort().join('|')}`)
  const results = await pouch.bulkDocs([{ ...sealed, ...mergeRev }, ...tombstones], { new_edits: false })
  const failed = results.find((r) => 'error' in r) as { error: unknown; status?: number; message?: string } | undefined
  // A holder the server's rules do not let write this type (a manager's settings) keeps the server's winner until a
  // writer's device merges it; anything else (the network, a 500) ends the round, to try again.
  if (failed && (failed.error === 'forbidden' || failed.error === 'unauthorized' || failed.status === 403)) return false
  if (failed) throw new Error(`merge of ${docId} not written: ${failed.message ?? 'error'}`)
  const newest = Object.values(merged.clocks).sort().at(-1)
  if (newest) await ctx.observeClock?.(newest)
  await ctx.onMerged?.(docId, leaves.length)
  return true
}
