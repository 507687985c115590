import Dexie, { type EntityTable } from 'dexie'
import { storeCiphertextAsBytes } from './ciphertext-bytes'
import { observeRecordWrites } from './record-writes'
import type { AccountDoc, AuditEntry, AuditHead, DeviceDoc, IncidentDoc, KeyringDoc, LocalSecret, LoginDoc, NoticeAckDoc, NoticeDoc, OrgDoc, QuarantinedDoc, StoredEnvelope } from './documents'

/** The device database's schema, version by version: add a version for every change, never edit an old one. */
export const schemaHistory: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      records: '_id, [type+realm], *bi',
      keyrings: '_id, userId',
      accounts: '_id, login, userId',
      org: '_id',
      devices: '_id',
      audit: '_id, [dev+seq], by',
      local: 'key',
    },
  },
  // v2 (sync): `_local` marks rows written here and not yet handed to replication;
  // quarantine keeps incoming documents that failed to open (CONF-2).
  {
    version: 2,
    stores: {
      records: '_id, [type+realm], *bi, _local',
      keyrings: '_id, userId, _local',
      accounts: '_id, login, userId, _local',
      org: '_id, _local',
      devices: '_id, _local',
      audit: '_id, [dev+seq], by, _local',
      quarantine: 'key, at',
    },
  },
  // v3 (REC-3): notices and their acknowledgements, found by recipient (`to`) and author (`by`).
  { version: 3, stores: { notices: '_id, to, by, _local' } },
  // v4 (issue 13): no `[type+realm]` index. A record's id starts with its type (`person:…`), so the records of a type
  // are a range of primary keys (`recordsOfType`); the index cost every record about 150 bytes on the device.
  { version: 4, stores: { records: '_id, *bi, _local' } },
]

/**
 * The device's IndexedDB. Every table holds what is safe at rest (CONF-1):
 * envelopes (clear header + ciphertext), locked keyrings, audit entries sealed
 * to the audit key, and device material whose private keys are non-extractable.
 */
export class LobbyDb extends Dexie {
  records!: EntityTable<StoredEnvelope, '_id'>
  keyrings!: EntityTable<KeyringDoc, '_id'>
  accounts!: EntityTable<AccountDoc, '_id'>
  /** The organisation document and the public pre-login documents (type `login`). */
  org!: EntityTable<OrgDoc | LoginDoc, '_id'>
  devices!: EntityTable<DeviceDoc, '_id'>
  /** Audit entries, and the signed head of each device's chain (CONF-6). */
  audit!: EntityTable<AuditEntry | AuditHead, '_id'>
  /** REC-3: notices to staff members and their acknowledgements (`lobby_org`); REC-7 incidents, sealed alike. */
  notices!: EntityTable<NoticeDoc | NoticeAckDoc | IncidentDoc, '_id'>
  local!: EntityTable<LocalSecret, 'key'>
  quarantine!: EntityTable<QuarantinedDoc, 'key'>

  constructor(name = 'lobby') {
    super(name)
    for (const { version, stores } of schemaHistory) this.version(version).stores(stores)
    // Before the database opens: the watchers of record writes (change marks, arrivals, recent people) subscribe to it.
    observeRecordWrites(this)
    storeCiphertextAsBytes(this)
    // Another tab opened a newer schema: let it upgrade instead of deadlocking both
    // tabs, and tell this tab's UI so it can reload into the new version.
    this.on('versionchange', () => {
      this.close()
      onVersionChange?.()
      return false
    })
  }
}

let onVersionChange: (() => void) | undefined
/** Called when another tab upgrades the database and this tab had to close it. */
export function whenUpgradedElsewhere(callback: () => void): void {
  onVersionChange = callback
}

let db: LobbyDb | undefined
export function lobbyDb(): LobbyDb {
  db ??= new LobbyDb()
  return db
}
