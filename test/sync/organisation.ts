import { createServerUser } from '../../server/provision/users.js'
import type { StaffRole } from '../../src/core/access/roles'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { createOrganisation } from '../../src/identity/organisation'
import { signIn } from '../../src/identity/sign-in'
import type { Session } from '../../src/identity/session'
import { createStaff } from '../../src/identity/staff-accounts'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import type { testDevice } from './device'

/** Argon2id at its floor: these tests are about sync and keys, not key stretching. */
export const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

type Device = ReturnType<typeof testDevice>
/** The server admin's client (RunningLobbyServer['admin']), which creates server accounts as an operator does. */
type ServerAdmin = Parameters<typeof createServerUser>[0]

/** The founding admin on `device`, keys held, with a server account of role admin (not yet signed in to the server). */
export async function foundOrganisation(device: Device, serverAdmin: ServerAdmin): Promise<Session> {
  const org = await createOrganisation(device.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost)
  if (!org.ok) throw new Error(org.problem)
  device.setKeys(keySourceFrom(org.session.keyring))
  await createServerUser(serverAdmin, { name: org.session.userId, password: org.session.serverPassword!, roles: ['admin'] })
  return org.session
}

/** A colleague created by `admin` on `device`, with a server account of their role. */
export async function addStaff(device: Device, serverAdmin: ServerAdmin, admin: Session, staff: { name: string; username: string; role: StaffRole }) {
  const created = await createStaff(device.storage, admin, staff, cost)
  if (!created.ok) throw new Error(created.problem)
  await createServerUser(serverAdmin, { name: created.userId, password: created.serverPassword, roles: [staff.role] })
  return created
}

/**
 * `device`, fresh, signs in for the first time as a colleague `addStaff` created: to the server, then a round of the
 * organisation's database only (its account and keyring), then the setup code and a new passphrase; keys held.
 */
export async function firstSignIn(device: Device, staff: { userId: string; setupCode: string; serverPassword: string }, username: string, passphrase = 'green tea at the front desk'): Promise<Session> {
  if (!(await device.login(staff.userId, staff.serverPassword)).ok) throw new Error(`${username}: the server refused the sign-in`)
  await (await device.engineFor(undefined, [])).runOnce()
  const first = await signIn(device.storage, username, staff.setupCode)
  if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
  const done = await completeFirstSignIn(device.storage, first.pending, { passphrase, agreementAccepted: true }, cost)
  if (!done.ok) throw new Error(done.problem)
  device.setKeys(keySourceFrom(done.session.keyring))
  return done.session as Session
}

/** Device A: the founding admin and a front-desk colleague, with server accounts; A signed in to the server and synced once. */
export async function foundedWithDesk(device: Device, serverAdmin: ServerAdmin) {
  const admin = await foundOrganisation(device, serverAdmin)
  const desk = await addStaff(device, serverAdmin, admin, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
  if (!(await device.login(admin.userId, admin.serverPassword!)).ok) throw new Error('the server refused the admin')
  const engineA = await device.engineFor(admin)
  const first = await engineA.runOnce()
  if (first.state !== 'idle') throw new Error(`the admin's first round ended ${first.state}: ${first.detail ?? ''}`)
  return { admin, desk, engineA }
}
