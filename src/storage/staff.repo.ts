import { staffProfileSchema, type StaffProfile } from '@/core/access/schemas'
import { defineMutable, mutableRecords } from './records'
import type { RepoContext } from './sealed-repo'

export type { StaffProfile }

/** Staff profiles, confidential like any person: in the `directory` realm under their user id. */
const staff = defineMutable({ type: 'staff', realm: 'directory', version: 1, schema: staffProfileSchema })

export function createStaffRepo(ctx: RepoContext) {
  return mutableRecords(ctx, staff)
}

export type StaffRepo = ReturnType<typeof createStaffRepo>
