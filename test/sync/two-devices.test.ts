// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, firstSignIn, foundOrganisation } from './organisation'


describe('sync between two devices through the embedded server (CONF-2, CONF-3)', () => {
  const server = eachTestSyncServer()

  /** Device A: the admin founds the organisation and a front-desk account; both get server users. */
  async function founded() {
    const a = testDevice(server.dbUrl)
    const adminSession = await foundOrganisation(a, server.admin)
    const desk = await addStaff(a, server.admin, adminSession, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    expect((await a.login(adminSession.userId, adminSession.serverPassword!)).ok).toBe(true)
    return { a, adminSession, desk }
  }

  /** Device B: a fresh device signs in as the front-desk user with the setup code, after pulling its keyring. */
  async function joined(desk: { userId: string; setupCode: string; serverPassword: string }) {
    const b = testDevice(server.dbUrl)
    return { b, deskSession: await firstSignIn(b, desk, 'li.desk') }
  }

  it('a record created on A arrives on B, decrypted; the server holds only ciphertext', async () => {
    const { a, adminSession, desk } = await founded()
    // The org database needs to reach the server before B can find its keyring there.
    const id = await a.storage.people.put({ name: '欧阳娜娜', phone: '13912345678', createdAt: '2026-11-28T09:00:00Z' })
    const ra = await (await a.engineFor(adminSession)).runOnce()
    expect(ra).toMatchObject({ state: 'idle', pending: 0 })

    const { b, deskSession } = await joined(desk)
    expect((await (await b.engineFor(deskSession)).runOnce()).state).toBe('idle')
    expect(await b.storage.people.get(id)).toMatchObject({ name: '欧阳娜娜', phone: '13912345678' })
    // The first sign-in on B republished the login document as an update of the admin's version, not a rival one.
    const account = await b.storage.signIns.getAccount(desk.userId)
    const { body: login } = await server.admin.request('GET', `lobby_public/login:${account!.login}?conflicts=true`)
    expect(login._conflicts).toBeUndefined()
    expect(login._rev).toMatch(/^2-/)
    expect(login.kdf.salt).toBe((await b.storage.signIns.getKeyring(desk.userId))!.locked.kdf.salt)
    expect((await b.storage.people.findBy('phone', '139 1234 5678')).map((s) => s.id)).toEqual([id])

    const { body } = await server.admin.request('GET', 'lobby_directory/_all_docs?include_docs=true')
    const raw = JSON.stringify(body)
    expect(raw).toContain(id)
    for (const clear of ['欧阳娜娜', '13912345678']) expect(raw).not.toContain(clear)
  })

  it('a front-desk device gets no replica of the accounts realm', async () => {
    const { a, adminSession, desk } = await founded()
    await (await a.engineFor(adminSession)).runOnce()
    const { b, deskSession } = await joined(desk)
    const engine = await b.engineFor(deskSession)
    expect((await engine.runOnce()).state).toBe('idle')
    // The device never opened the accounts realm's database, on the server or locally…
    const dbs = b.openedDatabases()
    expect(dbs.some((n) => n.includes('lobby_accounts'))).toBe(false)
    expect(dbs.some((n) => n.includes('lobby_desk'))).toBe(true)
    // …and the server would refuse it anyway, even with the user's own session (CONF-3 on the server).
    expect((await b.request('lobby_desk/_all_docs')).status).toBe(200) // the session is good…
    expect([401, 403]).toContain((await b.request('lobby_accounts/_all_docs')).status) // …and still refused here
  })

  it('offline edits of the same person on both devices converge field by field, with the merge audited', async () => {
    const { a, adminSession, desk } = await founded()
    const id = await a.storage.people.put({ name: '张三', phone: '13800138000', notes: '', createdAt: '2026-11-28T09:00:00Z' })
    const engineA = await a.engineFor(adminSession)
    await engineA.runOnce()
    const { b, deskSession } = await joined(desk)
    const engineB = await b.engineFor(deskSession)
    await engineB.runOnce()

    // Both offline: A changes the phone and the organisation, B the notes and (later) the organisation.
    a.setOnline(false)
    b.setOnline(false)
    await a.storage.people.put({ name: '张三', phone: '13900139000', notes: '', organisation: 'A 单位', createdAt: '2026-11-28T09:00:00Z' }, id)
    const aEditedAt = Date.now()
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(aEditedAt)) // B's edit must carry the later clock
    await b.storage.people.put({ name: '张三', phone: '13800138000', notes: '常客', organisation: 'B 单位', createdAt: '2026-11-28T09:00:00Z' }, id)
    expect((await engineA.runOnce()).state).toBe('offline')
    a.setOnline(true)
    b.setOnline(true)
    for (let i = 0; i < 2; i++) {
      await engineA.runOnce()
      await engineB.runOnce()
    }
    const onA = await a.storage.people.get(id)
    const onB = await b.storage.people.get(id)
    expect(onA).toEqual(onB)
    expect(onA).toMatchObject({ phone: '13900139000', notes: '常客', organisation: 'B 单位' })
    // The merge is made once, on the server, by whichever device pulled the conflict first, and audited there.
    const audited = [...(await a.storage.audit.read(adminSession.keyring.auditPrivate!)), ...(await b.storage.audit.read(adminSession.keyring.auditPrivate!))]
    const merges = audited.filter((r) => r.event?.action === 'conflict.merge')
    expect(merges.length).toBeGreaterThan(0)
    expect(merges[0]!.event?.recordId).toBe(id)
  })

  it('a change the server refuses is reported as refused (in words), and stays on the device', async () => {
    const { a, adminSession, desk } = await founded()
    await (await a.engineFor(adminSession)).runOnce()
    const { b, deskSession } = await joined(desk)
    const engine = await b.engineFor(deskSession)
    expect((await engine.runOnce()).state).toBe('idle')
    // Staff profiles are for managers: the server's validation refuses one written by the front desk.
    await b.storage.staff.put({ userId: 'x', name: '冒充', username: 'fake', role: 'admin' }, 'staff:x')
    const status = await engine.runOnce()
    expect(status).toMatchObject({ state: 'error', error: 'forbidden' })
    expect(status.detail).toMatch(/refused/)
    expect(await b.storage.staff.get('staff:x')).toMatchObject({ name: '冒充' }) // nothing is lost on the device
  })

  it('CONF-10: an admin revokes a device; the device learns it at its next sync', async () => {
    const { a, adminSession, desk } = await founded()
    await (await a.engineFor(adminSession)).runOnce()
    const { b, deskSession } = await joined(desk)
    const engineB = await b.engineFor(deskSession)
    await engineB.runOnce()
    // The front-desk user's device on B (CONF-6: a device belongs to one user); revoking it wipes all of B.
    const bDevice = (await b.storage.userDevice(deskSession.userId)).deviceId
    expect(await b.storage.devices.isRevoked(bDevice)).toBe(false)

    const engineA = await a.engineFor(adminSession)
    await engineA.runOnce() // A now knows B's device
    await a.storage.devices.revoke(bDevice, adminSession.userId)
    expect((await engineA.runOnce()).state).toBe('idle') // the server let the admin change someone else's device document
    await engineB.runOnce()
    expect(await b.storage.devices.isRevoked(bDevice)).toBe(true)
    expect(await b.storage.devices.isRevoked(...(await b.storage.localDeviceIds()))).toBe(true)
  })

  it('CONF-2: a tampered envelope injected on the server is quarantined on the device, never applied', async () => {
    const { a, adminSession, desk } = await founded()
    const id = await a.storage.people.put({ name: '王五', phone: '13700137000', createdAt: '2026-11-28T09:00:00Z' })
    await (await a.engineFor(adminSession)).runOnce()
    const { body: stored } = await server.admin.request('GET', `lobby_directory/${id}`)
    const ct = String(stored.ct)
    const flipped = ct.slice(0, 20) + (ct[20] === 'A' ? 'B' : 'A') + ct.slice(21)
    await server.admin.request('PUT', `lobby_directory/${id}`, { body: { ...stored, ct: flipped, by: adminSession.userId } })

    const { b, deskSession } = await joined(desk)
    await (await b.engineFor(deskSession)).runOnce()
    expect(await b.storage.people.get(id)).toBeUndefined()
    const q = await b.storage.quarantined()
    expect(q.map((x) => [x.database, x.docId])).toEqual([['lobby_directory', id]])
    expect(q[0]!.reason).toMatch(/tampered|authentication/)
  })
})
