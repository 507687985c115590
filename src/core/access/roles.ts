/** CONF-3 roles (ARCHITECTURE.md "Roles"). Staff roles plus `member`, who only ever sees their own realm. */
export const staffRoles = ['frontdesk', 'agent', 'technician', 'lead', 'manager', 'admin'] as const
export type StaffRole = (typeof staffRoles)[number]
export type Role = StaffRole | 'member'

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value)
}

/** Shared compartments; personal realms are `member:<id>` and `tech:<id>`. */
export const sharedRealms = ['directory', 'desk', 'accounts', 'field', 'audit'] as const
export type SharedRealm = (typeof sharedRealms)[number]

/**
 * CONF-3: which shared realm keys each role holds. A device unlocked by a role
 * without a realm's key cannot decrypt that realm at all. Audit is special:
 * every device can append (sealed to the audit public key); only holders of
 * the audit private key (manager) can read it.
 */
export const realmsByRole: Record<Role, readonly SharedRealm[]> = {
  frontdesk: ['directory', 'desk'],
  agent: ['directory', 'accounts', 'field'],
  technician: [],
  lead: ['directory', 'desk', 'accounts', 'field'],
  manager: ['directory', 'desk', 'accounts', 'field'],
  // The admin holds keys as their custodian (to hand them to new staff), but no screen lets the
  // admin open customer data (see docs/security.md).
  admin: ['directory', 'desk', 'accounts', 'field'],
  member: [],
}

/** Whether a role may read the audit log (holds the audit private key). */
export function readsAudit(role: Role): boolean {
  return role === 'manager'
}
