import * as v from 'valibot'
import { staffRoles } from './roles'

/** A staff member's profile: confidential like any person, kept in the `directory` realm under their user id. */
export const staffProfileSchema = v.object({
  userId: v.string(),
  name: v.string(),
  username: v.string(),
  role: v.picklist(staffRoles),
  /** The department a host works in (REC-2: high-level visitors are received by the host with their department). */
  department: v.optional(v.string()),
})
export type StaffProfile = v.InferOutput<typeof staffProfileSchema>
