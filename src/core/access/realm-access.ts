import { appendOnlyTypes, clearDatabases, personalRealms, reservedTypes, sharedRealms, signinDatabase } from './access-policy'
import { realmsByRole, type Role } from './roles'

/**
 * CONF-3 as the app reads the access policy (access-policy.js): who holds a
 * realm and who may write which record there. The sync server enforces the
 * same table (server/provision/rules.js), so a write the app allows is one the
 * server takes, and test/server/provision-agreement.test.ts holds them equal.
 */

export type RecordWrite = 'create' | 'update' | 'delete'
/** Who acts: their role, and their user id (a personal realm is its user's). */
export interface Actor {
  role: Role
  userId: string
}

/** The database names' realms: the clear databases, the shared realms, and where member sign-ins are asked for (issue 14). */
export const fixedRealms: readonly string[] = [...Object.keys(clearDatabases), ...Object.keys(sharedRealms), signinDatabase.realm]

/** `member:<id>` / `tech:<id>` → its kind and user; undefined for any other realm. */
export function parsePersonalRealm(realm: string): { kind: keyof typeof personalRealms; userId: string } | undefined {
  const at = realm.indexOf(':')
  const kind = realm.slice(0, Math.max(at, 0))
  if (at <= 0 || at === realm.length - 1 || !Object.hasOwn(personalRealms, kind)) return undefined
  return { kind: kind as keyof typeof personalRealms, userId: realm.slice(at + 1) }
}

/** Events: created once, never changed or deleted (in every realm). */
export const isAppendOnlyType = (type: string): boolean => (appendOnlyTypes as readonly string[]).includes(type)

/** Types of the clear databases, which no record may use. */
export const isReservedType = (type: string): boolean => reservedTypes.includes(type)

/** Whether `actor` holds `realm`'s key: reads its database and writes records there. */
export function holdsRealm(actor: Actor, realm: string): boolean {
  const personal = parsePersonalRealm(realm)
  if (personal) return personal.userId === actor.userId || (personalRealms[personal.kind].staff as readonly string[]).includes(actor.role)
  return Object.hasOwn(sharedRealms, realm) && (sharedRealms[realm as keyof typeof sharedRealms].holders as readonly string[]).includes(actor.role)
}

/** The roles that alone may write `type` in `realm`, when the policy keeps it to some. */
function typeWritersOf(realm: string, type: string): readonly string[] | undefined {
  if (!Object.hasOwn(sharedRealms, realm)) return undefined
  const only: Record<string, readonly string[]> = sharedRealms[realm as keyof typeof sharedRealms].typeWriters
  return Object.hasOwn(only, type) ? only[type] : undefined
}

/** Whether `actor` may `op` a record of `type` in `realm`: a holder, a type no clear database owns, events only created, and kept types only by their writers. */
export function mayWriteRecord(actor: Actor, realm: string, type: string, op: RecordWrite): boolean {
  if (!holdsRealm(actor, realm) || isReservedType(type)) return false
  if (op !== 'create' && isAppendOnlyType(type)) return false
  const only = typeWritersOf(realm, type)
  return !only || only.includes(actor.role)
}

/**
 * The realms a user's device replicates: the shared realms of their role, and the personal realms among those whose
 * key they hold (`heldRealms`) whose database the server lets them read — issue 15: a technician their own, a lead or
 * manager every technician's they were granted; an admin keeps technicians' keys as custodian but reads no database.
 */
export function replicatedRealms(actor: Actor, heldRealms: Iterable<string>): string[] {
  const personal = [...new Set(heldRealms)].filter((realm) => parsePersonalRealm(realm) && holdsRealm(actor, realm)).sort()
  return [...realmsByRole[actor.role], ...personal]
}
