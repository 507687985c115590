import { checkPassphrase } from '@/core/access/passphrase-policy'
import { normaliseSetupCode } from '@/core/access/setup-code'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { featureStepsOf } from '@/app/compose-modules'
import { createOrganisation } from '@/identity/organisation'
import { membersModule } from '@/features/members/module'
import type { Session } from '@/identity/session'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { loginHash } from '@/storage/sign-ins.repo'
import { databaseNameFor } from '@/sync/remote-names'
import { createServerAccount } from '@/sync/server-account'
import { askForTechRealm, techRealmOutcome } from '@/sync/tech-realms'
import { docPath, type CouchClient } from '../../server/provision/http-client.js'
import { applyTechRealm } from '../../server/provision/tech-realms.js'
import { createServerUser } from '../../server/provision/users.js'
import { demoDevice, type DemoDevice } from './device'
import type { DemoSignIn } from './sign-ins'

export interface SignedIn {
  spec: DemoSignIn
  device: DemoDevice
  session: Session
}

/**
 * The demo organisation, made the way the app makes one: the admin founds it
 * on their device and connects it to the server (SettingsSyncServer.vue), creates
 * each staff account and its server account (staff.store.ts), and syncs; then each
 * staff member joins from a device of their own with their setup code (JoinPage.vue),
 * signs in for the first time, accepts the agreement and sets their passphrase
 * (FirstSignInPage.vue), the server password moves from the code's to the
 * passphrase's, and the device syncs as them.
 * Argon2id at the app's cost throughout.
 */
export async function foundDemoOrganisation(base: string, serverAdmin: CouchClient, signIns: readonly DemoSignIn[], out: (line: string) => void): Promise<SignedIn[]> {
  for (const s of signIns) {
    const problem = checkPassphrase(s.passphrase, { username: s.username, name: s.name })
    if (problem) throw new Error(`The demo passphrase of ${s.username} is refused by the passphrase policy: ${problem}`)
  }
  const [adminSpec, ...staffSpecs] = signIns
  if (adminSpec?.role !== 'admin') throw new Error('The first demo sign-in must be the admin')

  const a = demoDevice(base, adminSpec.username)
  // Founded as the app founds (app/main.ts registers the modules' steps): the desk it seeds gets its defaults and card key.
  const founding = featureStepsOf([membersModule]).founding
  const org = await createOrganisation(a.storage, { name: adminSpec.name, username: adminSpec.username, passphrase: adminSpec.passphrase, agreementAccepted: true }, undefined, founding)
  if (!org.ok) throw new Error(`createOrganisation: ${org.problem}`)
  const admin = org.session
  await a.activate(admin)
  await createServerUser(serverAdmin, { name: admin.userId, password: admin.serverPassword!, roles: ['admin'] })
  if (!(await a.login(admin.userId, admin.serverPassword!)).ok) throw new Error('The admin cannot sign in to the server')
  out(`  ${adminSpec.username}: organisation founded, connected to the server`)

  const created = []
  for (const spec of staffSpecs) {
    const staff = await createStaff(a.storage, admin, { name: spec.name, username: spec.username, role: spec.role })
    if (!staff.ok) throw new Error(`createStaff ${spec.username}: ${staff.problem}`)
    await createServerAccount(base, { name: staff.userId, password: staff.serverPassword, roles: [spec.role] }, undefined, a.fetch)
    // Issue 15 §3: a technician's own database, as the Staff page asks for it (staff.store.ts).
    if (staff.techRealm) await askForTechnicianDatabase(base, serverAdmin, a, admin.userId, staff.userId, out)
    created.push({ spec, staff })
  }
  await a.sync(admin)
  out(`  ${adminSpec.username}: created ${created.map((c) => c.spec.username).join(', ')} and their server accounts; synced`)

  // Each staff member joins from a fresh device of their own with the setup code and signs in there for the
  // first time (JoinPage.vue, then FirstSignInPage.vue): their login document is republished as an update of
  // the revision the join fetched. The code as typed without its dashes: one Argon2id derivation, not two.
  const signedIn: SignedIn[] = [{ spec: adminSpec, device: a, session: admin }]
  const orgId = (await a.storage.signIns.getOrg())!.orgId
  for (const { spec, staff } of created) {
    const device = demoDevice(base, spec.username)
    if (!(await device.join(spec.username, normaliseSetupCode(staff.setupCode)))) throw new Error(`${spec.username} cannot join with their setup code`)
    const first = await signIn(device.storage, spec.username, staff.setupCode)
    if (first.status !== 'setup-required') throw new Error(`${spec.username}: expected a first sign-in, got ${first.status}`)
    const done = await completeFirstSignIn(device.storage, first.pending, { passphrase: spec.passphrase, agreementAccepted: true })
    if (!done.ok) throw new Error(`${spec.username}: first sign-in refused: ${done.problem}`)
    await device.moveServerPassword(done.session.userId, done.previousServerPassword, done.session.serverPassword!)
    await device.activate(done.session)
    await device.sync(done.session)
    signedIn.push({ spec, device, session: done.session })
    await refuseLoginConflict(serverAdmin, orgId, spec.username)
    out(`  ${spec.username}: joined a fresh device with the setup code, first sign-in (agreement, own passphrase, server password moved); synced`)
  }
  return signedIn
}

/** The follower makes the database; on a plain CouchDB without one, the demo takes the request as it would. */
async function askForTechnicianDatabase(base: string, serverAdmin: CouchClient, a: DemoDevice, by: string, userId: string, out: (line: string) => void): Promise<void> {
  await askForTechRealm(base, { userId, by, at: Date.now() }, a.fetch)
  const outcome = await techRealmOutcome(base, userId, { fetchFn: a.fetch, timeoutMs: 10_000 })
  if (outcome.state === 'refused') throw new Error(`the technician's database was refused: ${outcome.reason}`)
  if (outcome.state === 'ready') return
  const { body } = await serverAdmin.request('GET', docPath(databaseNameFor('signin'), `tech-realm:${userId}`))
  const result = await applyTechRealm(serverAdmin, body)
  if (result.outcome !== 'applied') throw new Error(`the technician's database was refused: ${result.reason}`)
  out('  (no follower answered on this server: the demo made the technician\'s database as it would; run npm run provision -- --follow beside CouchDB)')
}

/** CONF-8: the republished login document is an update of the server's revision, never a rival leaf. */
async function refuseLoginConflict(serverAdmin: CouchClient, orgId: string, username: string): Promise<void> {
  const { body } = await serverAdmin.request('GET', `${docPath(databaseNameFor('public'), `login:${await loginHash(orgId, username)}`)}?conflicts=true`)
  if ((body as { _conflicts?: string[] })._conflicts?.length) throw new Error(`${username}: the first sign-in left a conflict in the login document`)
}

/** A staff member joins from a fresh device with their passphrase and signs in, as in the app's Join page. */
export async function joinFresh(base: string, spec: DemoSignIn): Promise<SignedIn> {
  const device = demoDevice(base, spec.username)
  if (!(await device.join(spec.username, spec.passphrase))) throw new Error(`${spec.username} cannot join with their passphrase`)
  const result = await signIn(device.storage, spec.username, spec.passphrase)
  if (result.status !== 'signed-in') throw new Error(`${spec.username}: sign-in on a fresh device gave ${result.status}`)
  await device.activate(result.session)
  await device.sync(result.session)
  return { spec, device, session: result.session }
}
