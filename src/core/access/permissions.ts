import type { Role } from './roles'

/** What a signed-in user may do; screens and stores check these, the router too (CONF-3). */
export const permissions = [
  'desk.use', // visitors, badges, member check-in
  'reception.desk', // REC-1 … REC-6: registering visitors, who is in the building, expected visitors
  'members.manage', // enrolment, renewal, cards
  'members.blacklist', // MEM-9: a manager's decision
  'broadband.use', // accounts, payments, service requests
  'field.work', // own dispatched tickets
  'field.dispatch',
  'grants.approve', // CONF-4 access and CONF-5 export approvals
  'settings.manage', // tiers, prices, hours
  'organisation.manage', // issue 9 §4: the organisation settings (names, time zone, building hours, idle lock, agreement)
  'audit.review', // CONF-6
  'staff.manage', // accounts, roles, deactivation
  'devices.manage', // CONF-10
  'keys.manage', // rotation, grants of realm keys
  'self.view', // a member's own account
] as const
export type Permission = (typeof permissions)[number]

const byRole: Record<Role, readonly Permission[]> = {
  frontdesk: ['desk.use', 'reception.desk'],
  agent: ['broadband.use'],
  technician: ['field.work'],
  lead: ['desk.use', 'reception.desk', 'members.manage', 'broadband.use', 'field.dispatch', 'grants.approve'],
  manager: ['desk.use', 'reception.desk', 'members.manage', 'members.blacklist', 'broadband.use', 'field.dispatch', 'grants.approve', 'settings.manage', 'organisation.manage', 'audit.review', 'staff.manage', 'devices.manage'],
  admin: ['organisation.manage', 'staff.manage', 'devices.manage', 'keys.manage'],
  member: ['self.view'],
}

/** CONF-3: may `role` do `permission`? Unknown roles may do nothing. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (byRole[role]?.includes(permission) ?? false)
}

/** Every permission a role has, e.g. to build its navigation. */
export function permissionsOf(role: Role): readonly Permission[] {
  return byRole[role] ?? []
}
