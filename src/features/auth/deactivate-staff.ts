import { can } from '@/core/access/permissions'
import { realmsByRole } from '@/core/access/roles'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { ReencryptOptions, ReencryptProgress } from '@/storage/reencrypt'
import { mayHoldAuditKey, publishAuditKey, rotateAudit, type AuditRotation } from './audit-rotation'
import { acceptGrants } from './key-grants'
import { rotateRealm, type Rotation } from './key-rotation'
import { rotateCardKeyOnDeparture } from '@/features/members/card-key-rotation'
import { PermissionError, type Session } from './session'

/**
 * The sync server's part of a departure, done with the acting admin's server
 * session (`sync/departure-server.ts`): disable the server account and withdraw
 * the public pre-login document. CouchDB lets only `_users` administrators
 * (role admin) change another user's account.
 */
export interface DepartureServer {
  disable(target: { userId: string; login: string }): Promise<void>
  /** Whether the pre-login document is already withdrawn (the server part is done). */
  withdrawn(login: string): Promise<boolean>
}

export type ServerOutcome = 'disabled' | 'failed' | 'admin-needed' | 'no-server'

export type DeactivateResult =
  | { ok: true; rotations: Rotation[]; audit?: AuditRotation; server: ServerOutcome; serverProblem?: string }
  | { ok: false; problem: 'not-found' | 'self' | 'already-deactivated' | 'not-allowed' }

async function disableOnServer(session: Session, target: { userId: string; login: string }, server?: DepartureServer): Promise<{ server: ServerOutcome; serverProblem?: string }> {
  if (session.role !== 'admin') return { server: 'admin-needed' }
  if (!server) return { server: 'no-server' }
  try {
    await server.disable(target)
    return { server: 'disabled' }
  } catch (e) {
    return { server: 'failed', serverProblem: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * CONF-9: a staff member leaves. Their account is marked deactivated (synced:
 * no device signs them in any more), every shared realm key their role held is
 * rotated (epoch n+1 wrapped to the remaining holders, `key-rotation.ts`) and,
 * for a reader of the audit log, the audit key pair (`audit-rotation.ts`), the
 * acting user takes in their own grant at once, and, for an admin, the server
 * account is disabled so their devices can no longer sync. Records already
 * written stay under the old epoch until `reencryptRealm` re-seals them.
 */
export async function deactivateStaff(storage: LobbyStorage, session: Session, userId: string, server?: DepartureServer): Promise<DeactivateResult> {
  if (!can(session.role, 'staff.manage')) throw new PermissionError('staff.manage')
  if (userId === session.userId) return { ok: false, problem: 'self' }
  const account = await storage.accounts.getAccount(userId)
  if (!account) return { ok: false, problem: 'not-found' }
  if (account.status === 'deactivated') return { ok: false, problem: 'already-deactivated' }
  if (account.role === 'admin' && session.role !== 'admin') return { ok: false, problem: 'not-allowed' }

  await storage.accounts.putAccount({ ...account, status: 'deactivated' })
  await storage.audit.append({ action: 'staff.deactivate', by: session.userId, recordId: account._id, recordType: 'account', detail: account.role })
  // Keys still waiting for them are of no use to anyone now.
  for (const grant of await storage.grants.addressedTo(userId)) await storage.grants.remove(grant, session.userId)

  const rotations: Rotation[] = []
  for (const realm of realmsByRole[account.role]) {
    const rotation = await rotateRealm(storage, session, realm, userId)
    if (rotation) rotations.push(rotation)
  }
  // A manager (or the founding admin, custodian of the audit key) could read the audit log: new entries get a new key.
  const audit = mayHoldAuditKey(account.role) ? await rotateAudit(storage, session, userId) : undefined
  await acceptGrants(storage, session)
  await rotateCardKeyOnDeparture(storage, session, account.role) // MEM-8: after the new desk key is held, so the departed never holds the new card key
  return { ok: true, rotations, ...(audit ? { audit } : {}), ...(await disableOnServer(session, { userId, login: account.login }, server)) }
}

/**
 * CONF-9: re-seals the realm's older records under its newest key, in
 * batches, resuming from the cursor a previous run saved (storage/reencrypt.ts).
 */
export function reencryptRealm(storage: LobbyStorage, realm: string, fromEpoch: number, options?: ReencryptOptions): Promise<ReencryptProgress> {
  return storage.reencrypt.run(realm, fromEpoch, options)
}

/**
 * A manager can deactivate an account but not touch the server's accounts nor
 * the organisation document: an admin's device finishes the server part of
 * every departure still pending, and publishes an audit key a manager minted
 * (first, as it needs no server: it syncs with the next round).
 * Returns the user ids it disabled.
 */
export async function finishPendingDepartures(storage: LobbyStorage, session: Session, server: DepartureServer): Promise<string[]> {
  if (session.role !== 'admin') return []
  await publishAuditKey(storage, session)
  const done: string[] = []
  for (const account of await storage.accounts.listAccounts()) {
    if (account.status !== 'deactivated' || (await server.withdrawn(account.login))) continue
    await server.disable({ userId: account.userId, login: account.login })
    done.push(account.userId)
  }
  return done
}
