import { databaseNameFor } from './remote-names'
import type { ReplicatedTable } from './replicated-tables'

/** One database replicated with the server, and what this device does with it. */
export interface Channel {
  database: string
  /** Dexie tables whose local rows go to this database. */
  tables: ReplicatedTable[]
  /** For records: only rows of this realm. */
  realm?: string
  /** Of the local rows, only those this accepts go (all when absent). */
  accept?: (row: Record<string, unknown>) => boolean
  push: boolean
  pull: boolean
}

/**
 * CONF-6/CONF-10: whether a local audit row (entry or head) is `userId`'s to push: the
 * server reads a device's user from its id (`<userId>:…`), and takes an entry of a device
 * from before devices had owners only from the user it names.
 */
export function ownsAuditRow(row: Record<string, unknown>, userId: string): boolean {
  const dev = String(row.dev)
  return dev.includes(':') ? dev.slice(0, dev.indexOf(':')) === userId : row.by === userId
}

/** REC-3: a notice or an acknowledgement (REC-7: or an incident): only its author may push it. */
const isNotice = (row: Record<string, unknown>) => row.type === 'notice' || row.type === 'notice-ack' || row.type === 'incident'

/**
 * What a user's device replicates: each data realm whose key it holds (a
 * device never receives a realm it cannot read, CONF-3), the organisation's
 * accounts and keyrings, and the audit log — pushed by all, pulled only by
 * those who can read it.
 *
 * What only one user may write (their devices' documents and audit chains, and the device
 * revocations they sign) goes in a push-only channel of that user's own: on a shared tablet
 * another user's round never sends it, since the server would refuse it (and the refused row
 * would be marked so and not sent again, outgoing.ts).
 */
export function channelsFor(realms: readonly string[], readsAudit: boolean, prefix?: string, userId?: string): Channel[] {
  const org = databaseNameFor('org', prefix)
  const audit = databaseNameFor('audit', prefix)
  const own = (database: string, table: ReplicatedTable, accept: NonNullable<Channel['accept']>): Channel[] =>
    userId ? [{ database, tables: [table], accept, push: true, pull: false }] : []
  return [
    // The organisation and pre-login documents: everyone reads them; admins publish them, and each
    // user republishes their own login document (the server's rules say who may write what).
    { database: databaseNameFor('public', prefix), tables: ['org'], push: true, pull: true },
    // REC-3: notices and acknowledgements come in here; each user's own go out through their own replica below.
    { database: org, tables: ['accounts', 'keyrings', 'devices', 'notices'], accept: (row) => row.type !== 'device' && !isNotice(row), push: true, pull: true },
    ...own(org, 'devices', (row) => row.by === userId),
    ...own(org, 'notices', (row) => row.by === userId),
    ...realms.map((realm): Channel => ({ database: databaseNameFor(realm, prefix), tables: ['records'], realm, push: true, pull: true })),
    ...own(audit, 'audit', (row) => ownsAuditRow(row, userId!)),
    ...(readsAudit ? [{ database: audit, tables: ['audit'], push: false, pull: true } satisfies Channel] : []),
  ]
}
