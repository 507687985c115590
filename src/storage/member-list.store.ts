import type { MemberListRow, MemberListSummary } from '@/core/membership/member-list'
import type { LobbyDb } from './db'
import type { KeySource } from './key-source'
import { watchRecordChanges } from './record-changes'
import { createSealedProjection } from './sealed-projection'

/** The records a members-list row is folded from: a member, their fees and blacklist events, their person. */
const foldedFrom = (row: { type: string; realm: string }) =>
  (row.realm === 'desk' && (row.type === 'member' || row.type === 'ledger' || row.type === 'blacklist')) || (row.realm === 'directory' && row.type === 'person')

/**
 * The members list as this device keeps it (docs/architecture.md "Reading a slice"): sealed rows under the desk
 * realm's key in the device-local table, and the marks of records written since they were folded. Registered
 * when storage is created, so every write of this tab is marked, whichever page is open.
 */
export function createMemberListStore(db: LobbyDb, keys: () => KeySource | undefined) {
  return {
    rows: createSealedProjection<MemberListRow, MemberListSummary>({ db, keys }, 'member-list', 'desk'),
    changes: watchRecordChanges(db, 'member-list', foldedFrom, { fromFirstClear: true }),
  }
}

export type MemberListStore = ReturnType<typeof createMemberListStore>
