/**
 * How both bench seeds (seed.ts, reception-seed.ts) start: an organisation founded in this browser the way the
 * app founds one (`createOrganisation` with the membership desk's founding step, `createStaff`, the desk user's
 * first sign-in), then the desk user signed in. Returns the repository context seeded writes go through: the desk
 * user's keys, an in-memory clock (`memoryClock`), and no `events`, so seeded writes carry no audit entries (the
 * bench measures reads, and hundreds of thousands of audit entries would only slow the seeding down).
 */
import type { StaffRole } from '@/core/access/roles'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { membersModule } from '@/features/members/module'
import { writePreference } from '@/platform/preferences'
import { lobbyDb } from '@/storage/db'
import type { KeySource } from '@/storage/key-source'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createLobbyStorage } from '@/storage/lobby-storage'
import type { SeedUsers } from './seed-types'
import { memoryClock } from './seed-writes'

export async function foundBenchOrganisation(users: SeedUsers, moreStaff: { name: string; username: string; role: StaffRole }[] = []) {
  const db = lobbyDb()
  // The session's keys, as the app's session-keys.ts holds them: the admin's while founding and creating staff.
  let session: KeySource | undefined
  const storage = createLobbyStorage(db, () => session, navigator.userAgent)

  const org = await createOrganisation(storage, { name: users.admin.name, username: users.admin.username, passphrase: users.admin.passphrase, agreementAccepted: true }, undefined, [membersModule.onFounded!])
  if (!org.ok) throw new Error(`createOrganisation: ${org.problem}`)
  const admin = org.session
  session = keySourceFrom(admin.keyring)
  /** The user ids of the manager, the desk user and `moreStaff`, in that order. */
  const staffIds: string[] = []
  for (const u of [users.manager, users.desk, ...moreStaff]) {
    const made = await createStaff(storage, admin, { name: u.name, username: u.username, role: u.role })
    if (!made.ok) throw new Error(`createStaff ${u.username}: ${made.problem}`)
    staffIds.push(made.userId)
    if (u !== users.desk) continue
    const first = await signIn(storage, u.username, made.setupCode)
    if (first.status !== 'setup-required') throw new Error(`${u.username}: expected a first sign-in, got ${first.status}`)
    const done = await completeFirstSignIn(storage, first.pending, { passphrase: users.desk.passphrase, agreementAccepted: true })
    if (!done.ok) throw new Error(`${u.username}: first sign-in refused: ${done.problem}`)
  }
  session = undefined
  // CONF-7: the device's idle lock at a day (Settings lets a user choose it). The benches run their timed steps
  // from the page itself, with no touch the idle timer counts, and a slow step alone can outlast the default.
  writePreference('idleLockSeconds', String(24 * 3600))

  // The desk user's keys, as the app holds them after sign-in.
  const signedIn = await signIn(storage, users.desk.username, users.desk.passphrase)
  if (signedIn.status !== 'signed-in') throw new Error(`${users.desk.username}: sign-in gave ${signedIn.status}`)
  const keys = keySourceFrom(signedIn.session.keyring)
  const { deviceId } = await storage.deviceIdentity()
  const clock = memoryClock(deviceId)
  return { storage, staffIds, deskUserId: signedIn.session.userId, deviceId, clock, ctx: { db, keys: () => keys, clock } }
}
