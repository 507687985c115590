import { auditReaders, memberRole, sharedRealms as sharedRealmPolicy, staffRoles as staffRolePolicy } from './access-policy'

/** CONF-3 roles (ARCHITECTURE.md "Roles", src/core/access/access-policy.js). Staff roles plus `member`, who only ever sees their own realm. */
export const staffRoles = staffRolePolicy
export type StaffRole = (typeof staffRoles)[number]
export type Role = StaffRole | typeof memberRole

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value)
}

/** Shared compartments with a key of their own; personal realms are `member:<id>` and `tech:<id>`. */
export type SharedRealm = keyof typeof sharedRealmPolicy
export const sharedRealms = Object.keys(sharedRealmPolicy) as SharedRealm[]

/**
 * CONF-3: which shared realm keys each role holds, as the access policy says.
 * A device unlocked by a role without a realm's key cannot decrypt that realm
 * at all. Audit is apart: every device appends (sealed to the audit public
 * key); only holders of the audit private key can read it (`readsAudit`).
 */
export const realmsByRole = {} as Record<Role, readonly SharedRealm[]>
for (const role of [...staffRoles, memberRole] as const) {
  realmsByRole[role] = sharedRealms.filter((realm) => (sharedRealmPolicy[realm].holders as readonly string[]).includes(role))
}

/** Whether a role may read the audit log (holds the audit private key). */
export function readsAudit(role: Role): boolean {
  return (auditReaders as readonly string[]).includes(role)
}
