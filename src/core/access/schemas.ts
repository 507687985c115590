import * as v from 'valibot'
import { staffRoles } from './roles'

/** A staff member's profile: confidential like any person, kept in the `directory` realm under their user id. */
export const staffProfileSchema = v.object({
  userId: v.string(),
  name: v.string(),
  username: v.string(),
  role: v.picklist(staffRoles),
})
export type StaffProfile = v.InferOutput<typeof staffProfileSchema>
