import type { LobbyDb } from './db'

/**
 * The rows whose id says they are of `type` (`<type>:…`: sync quarantines a record filed under another type's id,
 * incoming.ts `misplaced`), a range of primary keys. A caller that needs one realm checks each row's `realm`: a
 * colleague holding another realm's key could file a record of this type there.
 */
export const recordsOfType = (db: LobbyDb, type: string) => db.records.where('_id').between(`${type}:`, `${type};`, true, false)
