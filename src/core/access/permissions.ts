import { permissions as policyPermissions, permissionsByRole } from './access-policy'
import type { Role } from './roles'

/** What a signed-in user may do; screens and stores check these, the router too (CONF-3). Listed in access-policy.js. */
export const permissions = policyPermissions
export type Permission = (typeof permissions)[number]

// Typed here: a role given a permission the list does not name fails to compile.
const byRole: Readonly<Record<Role, readonly Permission[]>> = permissionsByRole

/** CONF-3: may `role` do `permission`? Unknown roles may do nothing. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (Object.hasOwn(byRole, role) ? byRole[role].includes(permission) : false)
}

/** Every permission a role has, e.g. to build its navigation. */
export function permissionsOf(role: Role): readonly Permission[] {
  return Object.hasOwn(byRole, role) ? byRole[role] : []
}
