import type { StaffRole } from '@/core/access/roles'
import type { LobbyDb } from './db'
import type { KeySource } from './key-source'
import { createSealedRepo, type RepoEvents } from './sealed-repo'

/** A staff member's profile: confidential like any person, kept in the `directory` realm under their user id. */
export interface StaffProfile {
  userId: string
  name: string
  username: string
  role: StaffRole
}

export function createStaffRepo(db: LobbyDb, keys: () => KeySource | undefined, events?: RepoEvents) {
  return createSealedRepo<StaffProfile>(db, keys, { type: 'staff', realm: 'directory', version: 1 }, events)
}

export type StaffRepo = ReturnType<typeof createStaffRepo>
