import { can } from '@/core/access/permissions'
import { realmsByRole } from '@/core/access/roles'
import { isClosedTechRealm, receivesTechKeys } from '@/core/access/tech-realms'
import { mayCertify } from '@/core/access/trust-rules'
import type { AccountDoc } from '@/storage/documents'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { ReencryptOptions, ReencryptProgress } from '@/storage/reencrypt'
import { mayHoldAuditKey, publishAuditKey, rotateAudit, type AuditRotation } from './audit-rotation'
import { acceptGrants } from './key-grants'
import { rotateRealm, type Rotation } from './key-rotation'
import { registeredDepartureSteps, type DepartureStep } from './feature-steps'
import { deviceRotationLock, type RotationLock } from './rotation-lock'
import { PermissionError, type Session } from './session'
import { techRealmsToHandOn } from './tech-realms'
import { certifyAccount } from './trust'
import type { DepartureServer } from '@/sync/departure-server'
import type { ClaimEpoch } from '@/sync/epoch-claim'

// The interface lives in sync/ (its implementer) so sync never imports features; re-exported for callers here.
export type { DepartureServer }

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
 * The steps of a departure, recorded on the account before any is done. `techRealms`: the technicians' realms
 * still open whose keys the acting user holds; a leaver who received every one (a lead, manager or admin) had them too.
 */
function departureSteps(role: AccountDoc['role'], featureSteps: readonly DepartureStep[], techRealms: readonly string[]): string[] {
  // Certificates first: the accounts the leaver vouched for must stay trusted to receive the new keys.
  // Then the realm keys, then what the features add (MEM-8's card key, sealed under the new desk key).
  const features = featureSteps.filter((s) => s.neededFor(role)).map((s) => s.name)
  // Issue 15 §3: each technician's realm is a step of its own (`realm:tech:<id>`), so one rotated is never rotated
  // again when the departure resumes. A technician's own departure rotates nothing: their realm is closed.
  const realms = [...realmsByRole[role], ...(receivesTechKeys(role) ? techRealms : [])]
  return ['certs', ...realms.map((realm) => `realm:${realm}`), ...features, ...(mayHoldAuditKey(role) ? ['audit'] : [])]
}

/**
 * CONF-9: a staff member leaves. Their account is marked deactivated (synced:
 * no device signs them in any more) together with the list of what is left to
 * do, then each step is done and struck off: every shared realm key their role
 * held is rotated (epoch n+1 wrapped to the remaining holders, `key-rotation.ts`),
 * and for a lead, manager or admin every open technician's realm (issue 15 §3:
 * the new epoch goes to that technician and the remaining leads, managers and admins),
 * for a reader of the audit log the audit key pair (`audit-rotation.ts`), and
 * the accounts they certified are certified again by the acting user (a
 * departed certifier's certificates stop counting). The acting user takes in
 * their own grants at once and, for an admin, the server account is disabled
 * so their devices can no longer sync. A departure interrupted half-way is
 * finished by `resumeDepartures`. Records already written stay under the old
 * epoch until `reencryptRealm` re-seals them.
 */
export async function deactivateStaff(
  storage: LobbyStorage,
  session: Session,
  userId: string,
  server?: DepartureServer,
  featureSteps: readonly DepartureStep[] = registeredDepartureSteps(),
): Promise<DeactivateResult> {
  if (!can(session.role, 'staff.manage')) throw new PermissionError('staff.manage')
  if (userId === session.userId) return { ok: false, problem: 'self' }
  const account = await storage.signIns.getAccount(userId)
  if (!account) return { ok: false, problem: 'not-found' }
  if (account.status === 'deactivated') return { ok: false, problem: 'already-deactivated' }
  if (account.role === 'admin' && session.role !== 'admin') return { ok: false, problem: 'not-allowed' }
  // The root of trust stays: every certificate leads back to it (docs/security.md).
  if ((await storage.signIns.getOrg())?.root?.userId === userId) return { ok: false, problem: 'not-allowed' }

  // First, before anything can fail: they are out, and what is left to do is written down.
  const techRealms = await techRealmsToHandOn(storage, session.keyring.secrets)
  const departure = { pending: departureSteps(account.role, featureSteps, techRealms), by: session.userId, at: new Date().toISOString() }
  await storage.signIns.putAccount({ ...account, status: 'deactivated', departure })
  await storage.audit.append({ action: 'staff.deactivate', by: session.userId, recordId: account._id, recordType: 'account', detail: account.role })
  const serverOutcome = await disableOnServer(session, { userId, login: account.login }, server)
  // Keys still waiting for them are of no use to anyone now.
  for (const grant of await storage.grants.addressedTo(userId)) await storage.grants.remove(grant, session.userId)

  const { rotations, audit } = await runDeparture(storage, session, userId, server, featureSteps)
  return { ok: true, rotations, ...(audit ? { audit } : {}), ...serverOutcome }
}

/**
 * Does the pending steps of `userId`'s departure that this user can do,
 * striking each off once done. A feature's step this app does not know (none
 * of its modules contributes it) stays pending for a device that does.
 */
// One departure run at a time on this device: the Staff page's deactivation, the resume after each sync round and
// the one at sign-in, in this tab or another, would otherwise step through the same pending list together, and two
// rotations of one key on one device would both hold the epoch claim (it is this user's on this device) and mint two
// different keys for it. Chosen at the first run, so a test can give the module a browser's Web Locks.
let lock: RotationLock | undefined
const oneAtATime: RotationLock = (work) => (lock ??= deviceRotationLock())(work)

function runDeparture(...args: Parameters<typeof runDepartureNow>): ReturnType<typeof runDepartureNow> {
  return oneAtATime(() => runDepartureNow(...args))
}

async function runDepartureNow(
  storage: LobbyStorage,
  session: Session,
  userId: string,
  server: Pick<DepartureServer, 'claimEpoch'> | undefined,
  featureSteps: readonly DepartureStep[],
): Promise<{ rotations: Rotation[]; audit?: AuditRotation; left: string[] }> {
  // Issue 9 §5: with a server, each epoch (realm, audit and feature keys alike) is claimed there first, by this
  // user on this device; offline or beaten to it, the step waits.
  const claim: ClaimEpoch | undefined = server?.claimEpoch && (async (kid) => server.claimEpoch!(kid, { by: session.userId, device: (await storage.deviceIdentity()).deviceId }))
  // Own grants first: a rotation interrupted after its grants were written then counts as done.
  await acceptGrants(storage, session)
  const rotations: Rotation[] = []
  let audit: AuditRotation | undefined
  const strike = async (step: string) => {
    const now = await storage.signIns.getAccount(userId)
    if (!now?.departure) return
    await storage.signIns.putAccount({ ...now, departure: { ...now.departure, pending: now.departure.pending.filter((s) => s !== step) } })
  }
  for (const step of (await storage.signIns.getAccount(userId))?.departure?.pending ?? []) {
    if (step.startsWith('realm:')) {
      const realm = step.slice('realm:'.length)
      // Issue 15 §3: a technician who left since the step was written closed their realm: nothing to hand anyone.
      if (isClosedTechRealm(realm, await storage.signIns.listAccounts())) {
        await strike(step)
        continue
      }
      const rotation = await rotateRealm(storage, session, realm, userId, claim)
      if (!rotation) continue // someone who holds the realm finishes it
      rotations.push(rotation)
    } else if (step === 'audit') {
      audit = await rotateAudit(storage, session, userId, claim)
      if (!audit) continue
    } else if (step === 'certs') {
      if (!(await recertify(storage, session, userId))) continue
    } else {
      const feature = featureSteps.find((s) => s.name === step)
      if (!feature) continue
      const pending = (await storage.signIns.getAccount(userId))?.departure?.pending ?? []
      if (feature.after?.some((before) => pending.includes(before))) continue
      // What a rotation just granted this user is taken in first: a feature's new key is sealed under it.
      await acceptGrants(storage, session)
      if ((await feature.run({ storage, session, leaver: userId, ...(claim ? { claim } : {}) })) === false) continue
    }
    await strike(step)
  }
  await acceptGrants(storage, session)
  const left = (await storage.signIns.getAccount(userId))?.departure?.pending ?? []
  return { rotations, ...(audit ? { audit } : {}), left }
}

/**
 * The active accounts `leaver` certified, certified again by the session's
 * user (the audit entry lists them, for review); false when one needs an admin.
 */
async function recertify(storage: LobbyStorage, session: Session, leaver: string): Promise<boolean> {
  let all = true
  const done: string[] = []
  for (const cert of await storage.signIns.listCerts()) {
    if (cert.by !== leaver || cert.userId === leaver) continue
    const account = await storage.signIns.getAccount(cert.userId)
    if (account?.status !== 'active') continue
    if (!mayCertify(session.role, account.role)) {
      all = false
      continue
    }
    await certifyAccount(storage, session, account, { publicKeys: { ecdh: cert.ecdh, ecdsa: cert.ecdsa } })
    done.push(account.userId)
  }
  if (done.length > 0) await storage.audit.append({ action: 'key.change', by: session.userId, recordId: `account:${leaver}`, recordType: 'account', detail: `re-certified ${done.join(',')}` })
  return all
}

/**
 * CONF-9: finishes every departure still under way (a rotation that failed
 * half-way, a step only another role can do), on an admin's or manager's
 * device at sign-in and when the Staff page opens. The person stays
 * deactivated throughout. Returns the departures it moved on.
 */
export async function resumeDepartures(
  storage: LobbyStorage,
  session: Session,
  server?: Pick<DepartureServer, 'claimEpoch'>,
  featureSteps: readonly DepartureStep[] = registeredDepartureSteps(),
): Promise<{ userId: string; rotations: Rotation[]; left: string[] }[]> {
  if (!can(session.role, 'staff.manage')) return []
  const out: { userId: string; rotations: Rotation[]; left: string[] }[] = []
  for (const account of await storage.signIns.listAccounts()) {
    if (account.status !== 'deactivated' || !account.departure?.pending.length) continue
    const before = account.departure.pending.length
    const { rotations, left } = await runDeparture(storage, session, account.userId, server, featureSteps)
    if (left.length < before) out.push({ userId: account.userId, rotations, left })
  }
  return out
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
  for (const account of await storage.signIns.listAccounts()) {
    if (account.status !== 'deactivated' || (await server.withdrawn(account.login))) continue
    await server.disable({ userId: account.userId, login: account.login })
    done.push(account.userId)
  }
  return done
}
