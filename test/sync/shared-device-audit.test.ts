// @vitest-environment node
// CONF-6/CONF-10 (issue 8, section 4): two users on one tablet each have their own device and audit
// chain; each user's sync round pushes only their own, and nothing is lost on the way to the server.
import { describe, expect, it } from 'vitest'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { signIn } from '../../src/identity/sign-in'
import type { AuditEntry } from '../../src/storage/documents'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, cost, foundOrganisation } from './organisation'


describe('CONF-6 one tablet, two users, two audit chains', () => {
  const server = eachTestSyncServer()

  it('pushes each user’s chain and head in their own round only, and loses nothing', async () => {
    const tablet = testDevice(server.dbUrl)
    const admin = await foundOrganisation(tablet, server.admin)
    const desk = await addStaff(tablet, server.admin, admin, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    expect((await tablet.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    expect(await (await tablet.engineFor(admin)).runOnce()).toMatchObject({ state: 'idle', pending: 0 })

    // The admin works on offline, then locks; nobody is signed in when someone mistypes li.desk's setup code.
    await tablet.storage.audit.append({ action: 'lock', by: admin.userId })
    tablet.setKeys(undefined)
    expect((await signIn(tablet.storage, 'li.desk', 'not the setup code')).status).toBe('refused')
    const first = await signIn(tablet.storage, 'li.desk', desk.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(tablet.storage, first.pending, { passphrase: 'green tea at the front desk', agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    tablet.setKeys(keySourceFrom(done.session.keyring))

    // The front desk syncs first: its round must not carry the admin's entries (the server would refuse them).
    expect((await tablet.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    expect(await (await tablet.engineFor(done.session)).runOnce()).toMatchObject({ state: 'idle' })
    // Then the admin, on the same tablet.
    tablet.setKeys(keySourceFrom(admin.keyring))
    expect((await tablet.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    expect(await (await tablet.engineFor(admin)).runOnce()).toMatchObject({ state: 'idle', pending: 0 })

    const local = (await tablet.db.audit.toArray()).filter((e): e is AuditEntry => e.type === 'audit')
    const chains = new Map<string, AuditEntry[]>()
    for (const e of local) chains.set(e.dev, [...(chains.get(e.dev) ?? []), e])
    // One chain per user, each on a device that names them.
    expect([...chains.keys()].map((dev) => dev.split(':')[0]).sort()).toEqual([admin.userId, desk.userId].sort())
    // The failed attempt, held while nobody was signed in, opens li.desk's chain as "anonymous".
    const deskChain = chains.get([...chains.keys()].find((d) => d.startsWith(`${desk.userId}:`))!)!.sort((a, b) => a.seq - b.seq)
    expect(deskChain[0]!.by).toBe('anonymous')
    expect(deskChain.slice(1).every((e) => e.by === desk.userId)).toBe(true)

    const { body } = await server.admin.request('GET', 'lobby_audit/_all_docs')
    const onServer = new Set((body.rows as { id: string }[]).map((r) => r.id))
    expect(local.filter((e) => !onServer.has(e._id)).map((e) => [e.by, e.seq])).toEqual([])
    for (const [dev, chain] of chains) {
      const { body: head } = await server.admin.request('GET', `lobby_audit/${encodeURIComponent(`audit-head:${dev}`)}`)
      expect(head.seq).toBe(Math.max(...chain.map((e) => e.seq)))
    }
    const { body: devices } = await server.admin.request('GET', 'lobby_org/_all_docs?include_docs=true')
    const owners = (devices.rows as { doc: { type: string; userId?: string } }[]).filter((r) => r.doc.type === 'device').map((r) => r.doc.userId)
    expect(owners.sort()).toEqual([admin.userId, desk.userId].sort())
    expect((await tablet.storage.audit.verifyChains()).filter((f) => !f.ok)).toEqual([])
  })

  it('brings the other devices’ signed heads to a manager’s device as audit rows, not as records to quarantine', async () => {
    const tablet = testDevice(server.dbUrl)
    const admin = await foundOrganisation(tablet, server.admin)
    const boss = await addStaff(tablet, server.admin, admin, { name: '赵经理', username: 'zhao', role: 'manager' })
    expect((await tablet.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    expect(await (await tablet.engineFor(admin)).runOnce()).toMatchObject({ state: 'idle', pending: 0 })

    const office = testDevice(server.dbUrl)
    expect((await office.login(boss.userId, boss.serverPassword)).ok).toBe(true)
    await (await office.engineFor(undefined, [])).runOnce()
    const first = await signIn(office.storage, 'zhao', boss.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(office.storage, first.pending, { passphrase: 'audit every single thing', agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    office.setKeys(keySourceFrom(done.session.keyring))
    expect(await (await office.engineFor(done.session)).runOnce()).toMatchObject({ state: 'idle', pending: 0 })

    const adminDev = (await tablet.storage.userDevice(admin.userId)).deviceId
    expect((await office.db.audit.get(`audit-head:${adminDev}`))?.type).toBe('audit-head')
    expect(await office.db.records.get(`audit-head:${adminDev}`)).toBeUndefined()
    expect(await office.db.quarantine.count()).toBe(0)
    expect((await office.storage.audit.verifyChains()).filter((f) => !f.ok)).toEqual([])
  })
})
