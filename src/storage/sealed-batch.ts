import type { StoredEnvelope } from './documents'
import type { RecordChange, RepoContext } from './sealed-repo'

/** How many records a bulk write seals, or a list opens, at once: WebCrypto works on a group in parallel. */
const cryptoGroup = 32

/** `work` on every item, a group at a time, results in the items' order. */
export async function inGroups<I, O>(items: readonly I[], work: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const out: O[] = []
  for (let i = 0; i < items.length; i += cryptoGroup) {
    out.push(...(await Promise.all(items.slice(i, i + cryptoGroup).map((item, j) => work(item, i + j)))))
  }
  return out
}

/** Sealed rows ready to write, with the changes they make (for the audit log). */
export interface SealedBatch {
  rows: StoredEnvelope[]
  changes: RecordChange[]
}

/** Writes sealed batches (of one or several types) and their audit entries in one transaction: all land or none does. */
export async function writeSealed({ db, events = {} }: Pick<RepoContext, 'db' | 'events'>, batches: readonly SealedBatch[]): Promise<void> {
  const rows = batches.flatMap((b) => b.rows)
  const changes = batches.flatMap((b) => b.changes)
  if (rows.length === 0) return
  if (events.writeAll) await events.writeAll(rows, changes)
  else await db.transaction('rw', db.records, () => db.records.bulkPut(rows))
}

