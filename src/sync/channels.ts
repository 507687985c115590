import { databaseNameFor } from './remote-names'
import type { ReplicatedTable } from './replicated-tables'

/** One database replicated with the server, and what this device does with it. */
export interface Channel {
  database: string
  /** Dexie tables whose local rows go to this database. */
  tables: ReplicatedTable[]
  /** For records: only rows of this realm. */
  realm?: string
  push: boolean
  pull: boolean
}

/**
 * What a user's device replicates: each data realm whose key it holds (a
 * device never receives a realm it cannot read, CONF-3), the organisation's
 * accounts and keyrings, and the audit log — pushed by all, pulled only by
 * those who can read it.
 */
export function channelsFor(realms: readonly string[], readsAudit: boolean, prefix?: string): Channel[] {
  return [
    // The organisation and pre-login documents: everyone reads them; admins publish them, and each
    // user republishes their own login document (the server's rules say who may write what).
    { database: databaseNameFor('public', prefix), tables: ['org'], push: true, pull: true },
    { database: databaseNameFor('org', prefix), tables: ['accounts', 'keyrings', 'devices'], push: true, pull: true },
    ...realms.map((realm): Channel => ({ database: databaseNameFor(realm, prefix), tables: ['records'], realm, push: true, pull: true })),
    { database: databaseNameFor('audit', prefix), tables: ['audit'], push: true, pull: readsAudit },
  ]
}
