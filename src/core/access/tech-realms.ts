import { personalRealms } from './access-policy'
import { parsePersonalRealm } from './realm-access'
import { realmsByRole, type Role } from './roles'

/**
 * Issue 15 §3: each technician's own realm `tech:<userId>` (database `lobby_tech_<hex>`), and who holds its key.
 * Unlike a member's key (kept in the `directory` realm by the staff who serve members), a technician's key travels
 * like a shared realm's: in the technician's keyring from the start, and by signed grants (CONF-9) to every lead
 * and manager, and to the admins who keep it as custodians (access-policy.js `personalRealms.tech`). Pure: the
 * accounts come in as arguments (the `account:<userId>` documents of `lobby_org`, every staff device's `accounts`
 * table, `storage.signIns.listAccounts()`).
 */

/** What these rules read of an account. */
export interface AccountStanding {
  userId: string
  role: Role
  status: 'active' | 'deactivated'
}

/** The technician's own realm. */
export const techRealm = (userId: string): string => `tech:${userId}`

/** The technician whose realm `realm` is; undefined for any other realm. */
export function technicianOf(realm: string): string | undefined {
  const personal = parsePersonalRealm(realm)
  return personal?.kind === 'tech' ? personal.userId : undefined
}

const techKeyRoles: readonly string[] = [...personalRealms.tech.staff, ...personalRealms.tech.custodians]

/** Whether a user of `role` receives every technician's key: leads and managers read their databases, admins keep it. */
export const receivesTechKeys = (role: Role): boolean => techKeyRoles.includes(role)

/**
 * Whether `userId`, of `role`, may hold the key of `realm`: a shared realm's holders (`realmsByRole`); a technician's
 * realm, the technician and every lead, manager and admin. A member's key never travels by grant (false).
 */
export function holdsRealmKey(role: Role, userId: string, realm: string): boolean {
  const technician = technicianOf(realm)
  if (technician !== undefined) return technician === userId || receivesTechKeys(role)
  return (realmsByRole[role] as readonly string[]).includes(realm)
}

/** The technicians who left (their account is deactivated, CONF-9). */
export function departedTechnicians(accounts: readonly AccountStanding[]): Set<string> {
  return new Set(accounts.filter((a) => a.role === 'technician' && a.status === 'deactivated').map((a) => a.userId))
}

/**
 * A technician's realm is closed once they left: its key is handed to nobody new (a lead or manager created later
 * does not receive it) and no departure rotates it. Its records stay readable by those who hold it.
 */
export const isClosedTechRealm = (realm: string, accounts: readonly AccountStanding[]): boolean => {
  const technician = technicianOf(realm)
  return technician !== undefined && departedTechnicians(accounts).has(technician)
}

/** Of `realms`, the technicians' realms still open (their technician has not left), each once. */
export function openTechRealms(realms: Iterable<string>, accounts: readonly AccountStanding[]): string[] {
  const departed = departedTechnicians(accounts)
  return [...new Set([...realms].filter((realm) => technicianOf(realm) !== undefined && !departed.has(technicianOf(realm)!)))]
}

/**
 * Issue 15 §3 (SVC-2): a departed technician's open jobs go to their lead's reassignment list. Given the open jobs
 * (each naming the technician it is dispatched to, as the dispatch queue folds them from `svc-dispatch` events),
 * those whose technician has left, in the order given.
 */
export function jobsOfDepartedTechnicians<T extends { technicianId?: string }>(openJobs: readonly T[], accounts: readonly AccountStanding[]): T[] {
  const departed = departedTechnicians(accounts)
  return openJobs.filter((job) => job.technicianId !== undefined && departed.has(job.technicianId))
}
