import { clearDatabases, signinDatabase } from '@/core/access/access-policy'
import type { LobbyDb } from '@/storage/db'

/** Dexie tables whose rows replicate, and which table an incoming document belongs in. */
export type ReplicatedTable = 'records' | 'audit' | 'accounts' | 'keyrings' | 'devices' | 'org' | 'notices'

/**
 * The local table a pulled document goes to: the one the access policy files
 * its type under (src/core/access/access-policy.js `clearDatabases`: e.g.
 * grants and certificates beside the keyrings, CONF-9; each device's signed
 * audit head beside its entries, CONF-6; the pre-login documents in `org`, so
 * a device's own update carries the revision), else a sealed record. A member sign-in request (issue 14) has
 * no table: no device replicates `lobby_signin`, and one found anywhere else is quarantined as misplaced.
 */
export function tableFor(type: unknown): ReplicatedTable | undefined {
  if (typeof type !== 'string' || (signinDatabase.types as readonly string[]).includes(type)) return undefined
  for (const database of Object.values(clearDatabases)) {
    const types: Record<string, ReplicatedTable> = database.types
    if (Object.hasOwn(types, type)) return types[type]
  }
  return 'records'
}

/** Dexie's tables are typed one by one; replication treats them alike, as rows with an `_id`. */
export function table(db: LobbyDb, name: ReplicatedTable) {
  return db.table<Record<string, unknown> & { _id: string; _rev?: string; _local?: 1; _deleted?: boolean }, string>(name)
}
