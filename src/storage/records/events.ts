import { createSealedRepo, type RepoContext } from '../sealed-repo'
import type { DefinedKind } from './define-records'

/** Events: `add` and read, nothing else (see append-only.ts); `addMany` writes many and their audit entries at once. */
export function eventRecords<T extends object>(ctx: RepoContext, kind: DefinedKind<T, 'events'>) {
  const repo = createSealedRepo<T>(ctx, kind)
  return {
    add: (event: T): Promise<string> => repo.put(event),
    addMany: (events: readonly T[]): Promise<string[]> => repo.putMany(events.map((record) => ({ record }))),
    /** Sealed, not written: for `writeSealed` with records of other types, in one transaction. */
    sealMany: (events: readonly T[]) => repo.sealMany(events.map((record) => ({ record }))),
    get: repo.get,
    list: repo.list,
    /** A slice (docs/architecture.md "Reading a slice"): one parent's events, or one day's, opening only those. */
    byParent: repo.byParent,
    onDay: repo.onDay,
    /** One parent's events of one day (a member's visits today), opening only those. */
    ofParentOnDay: repo.ofParentOnDay,
    reindex: repo.reindex,
    indexed: repo.indexed,
    /** For a read across types in one transaction (desk-records.repo.ts `memberSlices`). */
    blindValues: repo.blindValues,
    openRows: repo.openRows,
    ownIndexesOnly: repo.ownIndexesOnly,
  }
}
