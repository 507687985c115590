// @vitest-environment node
// Issue 9 §5, CONF-9: two managers rotate the same realm while offline, each
// minting the next epoch; then both sync. Every record sealed under either
// rotation must stay readable to every holder of the realm.
import { describe, expect, it } from 'vitest'
import type { Member } from '../../src/core/membership/types'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { acceptGrants } from '../../src/identity/key-grants'
import { rotateRealm } from '../../src/identity/key-rotation'
import { signIn } from '../../src/identity/sign-in'
import type { Session } from '../../src/identity/session'
import type { StaffRole } from '../../src/core/access/roles'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { claimEpochOnServer } from '../../src/sync/epoch-claim'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, cost, foundOrganisation } from './organisation'

type Device = ReturnType<typeof testDevice>
const member = (memberNo: string): Member => ({ personId: `person:${memberNo}`, memberNo, cardSerial: 1, createdAt: 1 })

describe('two offline rotations of one realm (issue 9 §5, CONF-9)', () => {
  const server = eachTestSyncServer()

  /** A fresh device for a colleague: pulls their keyring, first sign-in with the setup code. */
  async function joined(who: { userId: string; setupCode: string; serverPassword: string }, username: string) {
    const device = testDevice(server.dbUrl)
    expect((await device.login(who.userId, who.serverPassword)).ok).toBe(true)
    await (await device.engineFor(undefined, [])).runOnce()
    const first = await signIn(device.storage, username, who.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(device.storage, first.pending, { passphrase: `green tea and ${username.length} jasmine leaves`, agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    await server.admin.request('PUT', `_users/org.couchdb.user:${who.userId}`, {
      body: { ...(await server.admin.request('GET', `_users/org.couchdb.user:${who.userId}`)).body, password: done.session.serverPassword },
    })
    expect((await device.login(who.userId, done.session.serverPassword!)).ok).toBe(true)
    device.setKeys(keySourceFrom(done.session.keyring))
    return { device, session: done.session as Session }
  }

  /** A sync round that takes in key grants after the org database, as the app does. */
  async function round(device: Device, session: Session) {
    const engine = await device.engineFor(session, undefined, {
      afterChannel: async (ch) => {
        if (ch.tables.includes('keyrings')) await acceptGrants(device.storage, session)
      },
    })
    return (await engine.runOnce()).state
  }

  it('leaves every record sealed under either rotation readable to every holder of the realm', async () => {
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const staff = async (name: string, username: string, role: StaffRole) => ({ ...(await addStaff(a, server.admin, admin, { name, username, role })), username })
    const boss = await staff('王店长', 'wang.manager', 'manager')
    const front = await staff('李前台', 'li.desk', 'frontdesk')
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    expect(await round(a, admin)).toBe('idle')
    const { device: m, session: manager } = await joined(boss, boss.username)
    const { device: f, session: desk } = await joined(front, front.username)
    for (const [device, session] of [[m, manager], [f, desk]] as const) expect(await round(device, session)).toBe('idle')

    // Both offline: each deactivates someone and rotates `desk` (claiming the epoch through the
    // server where it can), takes in their own grant, and admits a member under the newest key.
    const online = new Map<Device, boolean>([[a, false], [m, false]])
    const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed: offline'))
    const verdicts: string[] = []
    const claimFor = (device: Device, session: Session) => async (kid: string) => {
      const claimant = { by: session.userId, device: (await device.storage.deviceIdentity()).deviceId }
      const verdict = await claimEpochOnServer(server.dbUrl, kid, claimant, online.get(device) ? device.fetch : offline)
      verdicts.push(`${session.role} ${kid} ${verdict}`)
      return verdict
    }
    const rotated = new Map<Device, string>()
    const rotate = async (device: Device, session: Session) => {
      if (rotated.has(device)) return
      await acceptGrants(device.storage, session)
      const rotation = await rotateRealm(device.storage, session, 'desk', '', claimFor(device, session))
      if (rotation) rotated.set(device, rotation.kid)
      await acceptGrants(device.storage, session)
    }
    a.setOnline(false)
    m.setOnline(false)
    await rotate(a, admin)
    await rotate(m, manager)
    const byAdmin = [await a.storage.desk.members.put(member('M-1'))]
    const byManager = [await m.storage.desk.members.put(member('M-2'))]

    // Back online: whoever has not rotated yet tries again after each round, as a pending departure does.
    for (const device of [a, m]) {
      device.setOnline(true)
      online.set(device, true)
    }
    for (let i = 0; i < 2; i++) {
      for (const [device, session] of [[a, admin], [m, manager]] as const) {
        expect(await round(device, session)).toBe('idle')
        await rotate(device, session)
      }
    }
    byAdmin.push(await a.storage.desk.members.put(member('M-3')))
    byManager.push(await m.storage.desk.members.put(member('M-4')))
    for (const [device, session] of [[m, manager], [a, admin], [f, desk], [m, manager]] as const) expect(await round(device, session)).toBe('idle')

    // Two rotations, two epochs: one key per key id, everywhere.
    // Offline, neither minted; online, the admin's claim on desk:2 came first, the manager's was refused, and the
    // manager rotated again on top of it once the admin's key had reached them.
    expect(verdicts).toEqual(['admin desk:2 unreachable', 'manager desk:2 unreachable', 'admin desk:2 claimed', 'manager desk:2 taken', 'manager desk:3 claimed'])
    expect([rotated.get(a), rotated.get(m)]).toEqual(['desk:2', 'desk:3'])
    const numbers = ['M-1', 'M-3', 'M-2', 'M-4']
    for (const [who, device] of [['admin', a], ['manager', m], ['front desk', f]] as const) {
      const read = await Promise.all([...byAdmin, ...byManager].map(async (id) => (await device.storage.desk.members.get(id))?.memberNo))
      expect([who, read]).toEqual([who, numbers])
      expect([who, await device.db.quarantine.count()]).toEqual([who, 0])
    }
  }, 90_000)
})
