import type { LobbyDb } from '@/storage/db'

/** Dexie tables whose rows replicate, and which table an incoming document belongs in. */
export type ReplicatedTable = 'records' | 'audit' | 'accounts' | 'keyrings' | 'devices' | 'org'

export function tableFor(type: unknown): ReplicatedTable | undefined {
  switch (type) {
    case 'audit':
    case 'audit-head': // CONF-6: each device's signed head sits beside its entries
      return 'audit'
    case 'account':
      return 'accounts'
    case 'keyring':
    case 'grant': // CONF-9: key grants sit beside the keyrings they add to (storage/grants.repo.ts)
    case 'audit-key': // CONF-9: the public half of a rotated audit key, until an admin publishes it
    case 'cert': // CONF-9: an account's certified public keys
      return 'keyrings'
    case 'device':
      return 'devices'
    case 'org':
    case 'login':
    case 'org-settings': // issue 9 §4: name, zone, hours, agreement: read before sign-in, beside the organisation
      // Pre-login documents are public; a device keeps them so its own update carries the revision.
      return 'org'
    default:
      return typeof type === 'string' ? 'records' : undefined
  }
}

/** Dexie's tables are typed one by one; replication treats them alike, as rows with an `_id`. */
export function table(db: LobbyDb, name: ReplicatedTable) {
  return db.table<Record<string, unknown> & { _id: string; _rev?: string; _local?: 1; _deleted?: boolean }, string>(name)
}
