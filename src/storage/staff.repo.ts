import type { StaffRole } from '@/core/access/roles'
import { createSealedRepo, type RepoContext } from './sealed-repo'

/** A staff member's profile: confidential like any person, kept in the `directory` realm under their user id. */
export interface StaffProfile {
  userId: string
  name: string
  username: string
  role: StaffRole
}

export function createStaffRepo(ctx: RepoContext) {
  return createSealedRepo<StaffProfile>(ctx, { type: 'staff', realm: 'directory', version: 1 })
}

export type StaffRepo = ReturnType<typeof createStaffRepo>
