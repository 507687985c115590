// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { normaliseSetupCode } from '../../src/core/access/setup-code'
import { deriveFromSecret } from '../../src/crypto/kdf'
import { checkKdfParams } from '../../src/crypto/kdf-params'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { signIn } from '../../src/identity/sign-in'
import { loginHash } from '../../src/storage/sign-ins.repo'
import type { LoginDoc } from '../../src/storage/documents'
import { channelsFor } from '../../src/sync/channels'
import { changeOwnServerPassword } from '../../src/sync/server-account'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, cost, foundOrganisation } from './organisation'

const newPassphrase = 'green tea at the front desk'

/**
 * Issue 9 §5, CONF-8: the first sign-in replaces the setup code's Argon2id
 * parameters in the public login document. That must be an update of the
 * revision the server holds, never a rival leaf: a conflict whose winner may be
 * the setup code's parameters, and then no device can join with the passphrase.
 */
describe('the login document after a first sign-in on a joined device (CONF-8)', () => {
  const server = eachTestSyncServer()

  /** The admin founds the organisation on device A, adds a colleague and syncs. */
  async function founded() {
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const desk = await addStaff(a, server.admin, admin, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')
    const orgId = (await a.storage.signIns.getOrg())!.orgId
    return { a, admin, desk, loginId: `login:${await loginHash(orgId, 'li.desk')}` }
  }

  /** The login document as the server stores it, and how many leaves it has. */
  async function onServer(loginId: string) {
    const path = `lobby_public/${encodeURIComponent(loginId)}`
    const { body: doc } = await server.admin.request('GET', `${path}?conflicts=true`)
    const { body: leaves } = await server.admin.request('GET', `${path}?open_revs=all`)
    return { doc: doc as LoginDoc & { _conflicts?: string[] }, leaves: (leaves as { ok?: unknown }[]).filter((l) => l.ok).length }
  }

  /** src/sync/join.ts on a fresh device: the login document by id (anonymous), the server password from the secret, then a pull. */
  async function joins(loginId: string, userId: string, secret: string) {
    const c = testDevice(server.dbUrl)
    const login = (await (await c.request(`lobby_public/${encodeURIComponent(loginId)}`)).json()) as LoginDoc
    const { serverPassword } = await deriveFromSecret(normaliseSetupCode(secret), checkKdfParams(login.kdf))
    const passphrase = await deriveFromSecret(secret, checkKdfParams(login.kdf))
    if (!(await c.login(userId, serverPassword)).ok && !(await c.login(userId, passphrase.serverPassword)).ok) return undefined
    expect((await (await c.engineFor(undefined, [])).runOnce()).state).toBe('idle')
    return c
  }

  /** The colleague's first sign-in on `device` with the setup code; the server password moves to the passphrase's. */
  async function firstSignIn(device: ReturnType<typeof testDevice>, desk: { setupCode: string; serverPassword: string }) {
    const first = await signIn(device.storage, 'li.desk', desk.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(device.storage, first.pending, { passphrase: newPassphrase, agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    return done.session
  }

  /** src/sync/organisation-server.ts moveServerPassword: from the setup code's server password to the passphrase's. */
  async function moveServerPassword(device: ReturnType<typeof testDevice>, desk: { userId: string; serverPassword: string }, to: string) {
    expect((await device.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    await changeOwnServerPassword(server.dbUrl, desk.userId, to, device.fetch)
    expect((await device.login(desk.userId, to)).ok).toBe(true)
  }

  it('a fresh device joins with the setup code, sets its passphrase and syncs: one leaf with the new parameters, and another device joins with the passphrase', async () => {
    const { a, admin, desk, loginId } = await founded()
    const b = (await joins(loginId, desk.userId, desk.setupCode))!
    const session = await firstSignIn(b, desk)
    await moveServerPassword(b, desk, session.serverPassword!)
    expect((await (await b.engineFor(session)).runOnce()).state).toBe('idle')
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')

    const { doc, leaves } = await onServer(loginId)
    expect(doc._conflicts).toBeUndefined()
    expect(leaves).toBe(1)
    expect(doc.kdf).toEqual((await b.storage.signIns.getKeyring(desk.userId))!.locked.kdf)
    const c = await joins(loginId, desk.userId, newPassphrase)
    expect(c).toBeDefined()
    expect((await signIn(c!.storage, 'li.desk', newPassphrase)).status).toBe('signed-in')
  })

  it('the join keeps the login document it fetched, with its revision: the first sign-in updates it even before lobby_public is pulled', async () => {
    const { desk, loginId } = await founded()
    const b = testDevice(server.dbUrl)
    const fetched = (await (await b.request(`lobby_public/${encodeURIComponent(loginId)}`)).json()) as LoginDoc
    expect((await b.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    await b.storage.signIns.keepLogin(fetched) // src/sync/join.ts, after signing in to the server
    const withoutPublic = channelsFor([], false).filter((ch) => ch.database !== 'lobby_public')
    expect((await (await b.engineFor(undefined, [], { channels: withoutPublic })).runOnce()).state).toBe('idle')
    await b.db.org.put(await (await b.request('lobby_public/org')).json())

    const session = await firstSignIn(b, desk)
    await moveServerPassword(b, desk, session.serverPassword!)
    expect((await (await b.engineFor(session)).runOnce()).state).toBe('idle')
    const { doc, leaves } = await onServer(loginId)
    expect(leaves).toBe(1)
    expect(doc._rev).toMatch(/^2-/)
    expect(doc.kdf).toEqual((await b.storage.signIns.getKeyring(desk.userId))!.locked.kdf)
  })

  it('a device that never received the login document sets its passphrase offline: no rival leaf when it syncs, the parameters go out on its next sign-in', async () => {
    const { desk, loginId } = await founded()
    // Joined with accounts and keyrings only: the device holds no revision of the login document.
    const b = testDevice(server.dbUrl)
    expect((await b.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    const withoutPublic = channelsFor([], false).filter((ch) => ch.database !== 'lobby_public')
    expect((await (await b.engineFor(undefined, [], { channels: withoutPublic })).runOnce()).state).toBe('idle')
    await b.db.org.put(await (await b.request('lobby_public/org')).json()) // the organisation document, fetched by id as the join does
    expect(await b.db.org.get(loginId)).toBeUndefined()

    b.setOnline(false)
    const session = await firstSignIn(b, desk)
    b.setOnline(true)
    await moveServerPassword(b, desk, session.serverPassword!)
    expect((await (await b.engineFor(session)).runOnce()).state).toBe('idle')
    const afterSync = await onServer(loginId)
    expect(afterSync.doc._conflicts).toBeUndefined()
    expect(afterSync.leaves).toBe(1)

    // The next sign-in on this device, now holding the revision, publishes the passphrase's parameters over it.
    const again = await signIn(b.storage, 'li.desk', newPassphrase)
    if (again.status !== 'signed-in') throw new Error(`expected signed-in, got ${again.status}`)
    expect((await (await b.engineFor(again.session)).runOnce()).state).toBe('idle')
    const { doc, leaves } = await onServer(loginId)
    expect(doc._conflicts).toBeUndefined()
    expect(leaves).toBe(1)
    expect(doc._rev).toMatch(/^2-/)
    expect(doc.kdf).toEqual((await b.storage.signIns.getKeyring(desk.userId))!.locked.kdf)
    expect(await joins(loginId, desk.userId, newPassphrase)).toBeDefined()
  })
})
