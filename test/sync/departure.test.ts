// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createServerUser } from '../../server/provision/users.js'
import { open, type Envelope } from '../../src/crypto/envelope'
import { keyLookup } from '../../src/crypto/keyring'
import { deactivateStaff, reencryptRealm, type DepartureServer } from '../../src/identity/deactivate-staff'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { acceptGrants } from '../../src/identity/key-grants'
import { signIn } from '../../src/identity/sign-in'
import { createStaff } from '../../src/identity/staff-accounts'
import type { Session } from '../../src/identity/session'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import type { ReencryptProgress } from '../../src/storage/reencrypt'
import { disableDepartedAccount, loginWithdrawn, refusalDetail } from '../../src/sync/departure-server'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, cost, foundOrganisation } from './organisation'

const people = [
  { name: '欧阳娜娜', phone: '13912345678' },
  { name: '张三', phone: '13800138000' },
  { name: '李四', phone: '13700137000' },
  { name: '王五', phone: '13600136000' },
]

describe('CONF-9: a departed employee (deactivation, key rotation, re-encryption) through the embedded server', () => {
  const server = eachTestSyncServer()

  /** Device A: the admin founds the organisation with two front-desk accounts, D (who will leave) and E (who stays). */
  async function founded() {
    const a = testDevice(server.dbUrl)
    const org = { session: await foundOrganisation(a, server.admin) }
    const staff = async (name: string, username: string) => ({ ...(await addStaff(a, server.admin, org.session, { name, username, role: 'frontdesk' })), username })
    const d = await staff('李前台', 'li.desk')
    const e = await staff('赵前台', 'zhao.desk')
    expect((await a.login(org.session.userId, org.session.serverPassword!)).ok).toBe(true)
    const ids: string[] = []
    for (const p of people.slice(0, 3)) ids.push(await a.storage.people.put({ ...p, createdAt: '2026-11-28T09:00:00Z' }))
    expect((await (await a.engineFor(org.session)).runOnce()).state).toBe('idle')
    return { a, admin: org.session, d, e, ids }
  }

  /** A fresh device for a front-desk user: pulls its keyring, first sign-in with the setup code, own passphrase. */
  async function joined(who: { userId: string; setupCode: string; serverPassword: string; username: string }, passphrase: string) {
    const device = testDevice(server.dbUrl)
    expect((await device.login(who.userId, who.serverPassword)).ok).toBe(true)
    await (await device.engineFor(undefined, [])).runOnce()
    const first = await signIn(device.storage, who.username, who.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(device.storage, first.pending, { passphrase, agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    // The server password follows the passphrase, as the app does after a first sign-in.
    await server.admin.request('PUT', `_users/org.couchdb.user:${who.userId}`, {
      body: { ...(await server.admin.request('GET', `_users/org.couchdb.user:${who.userId}`)).body, password: done.session.serverPassword },
    })
    expect((await device.login(who.userId, done.session.serverPassword!)).ok).toBe(true)
    device.setKeys(keySourceFrom(done.session.keyring))
    return { device, session: done.session as Session }
  }

  /** The sync engine of a device whose user takes in key grants after the org database, as the app does. */
  function engineWithGrants(device: ReturnType<typeof testDevice>, session: Session) {
    return device.engineFor(session, undefined, {
      afterChannel: async (ch) => {
        if (ch.tables.includes('keyrings')) await acceptGrants(device.storage, session)
      },
    })
  }

  const departureServer = (a: ReturnType<typeof testDevice>): DepartureServer => ({
    disable: (target) => disableDepartedAccount(server.dbUrl, target, a.fetch),
    withdrawn: (login) => loginWithdrawn(server.dbUrl, login),
  })

  async function serverEnvelope(id: string): Promise<Envelope> {
    return (await server.admin.request('GET', `lobby_directory/${encodeURIComponent(id)}`)).body as Envelope
  }

  it('CONF-9: the departed user can no longer sync, new data is under a key their old keyring lacks, the remaining user reads it', async () => {
    const { a, admin, d, e, ids } = await founded()
    const { device: b, session: dSession } = await joined(d, 'green tea at the front desk')
    const engineB = await b.engineFor(dSession)
    expect((await engineB.runOnce()).state).toBe('idle')
    expect(await b.storage.people.get(ids[0]!)).toMatchObject({ name: people[0]!.name })
    const { device: c, session: eSession } = await joined(e, 'jasmine tea at the front desk')
    const engineC = await engineWithGrants(c, eSession)
    expect((await engineC.runOnce()).state).toBe('idle')

    // The admin deactivates D: account, rotation of every realm a front desk holds, server account.
    const result = await deactivateStaff(a.storage, admin, d.userId, departureServer(a))
    if (!result.ok) throw new Error(result.problem)
    expect(result.server).toBe('disabled')
    expect(result.rotations.map((r) => [r.realm, r.fromEpoch, r.kid])).toEqual([
      ['directory', 1, 'directory:2'],
      ['desk', 1, 'desk:2'],
      ['field', 1, 'field:2'],
    ])
    for (const r of result.rotations) expect(new Set(r.holders)).toEqual(new Set([admin.userId, e.userId]))
    expect((await a.storage.signIns.getAccount(d.userId))?.status).toBe('deactivated')
    // The admin's own grant was taken in at once: in memory and in the stored keyring (the session holds the KEK).
    expect(admin.keyring.realmKeys.has('directory:2')).toBe(true)
    expect(await a.storage.grants.addressedTo(admin.userId)).toEqual([])
    const again = await signIn(a.storage, 'admin', 'front desk keeps the keys 2026')
    if (again.status !== 'signed-in') throw new Error(again.status)
    expect([...again.session.keyring.realmKeys.keys()].sort()).toEqual(['accounts:1', 'desk:1', 'desk:2', 'directory:1', 'directory:2', 'field:1', 'field:2'])

    // A new person written after the rotation is sealed under the new epoch.
    const newId = await a.storage.people.put({ ...people[3]!, createdAt: '2026-11-29T09:00:00Z' })
    expect((await a.engineFor(admin).then((en) => en.runOnce())).state).toBe('idle')
    expect((await serverEnvelope(newId)).kid).toBe('directory:2')

    // D's old device: its next sync is refused, and the refusal says why.
    const refused = await engineB.runOnce()
    expect(refused).toMatchObject({ state: 'error', error: 'unauthorized' })
    const relogin = await b.login(d.userId, dSession.serverPassword!)
    expect(relogin.ok).toBe(false)
    const dLogin = (await b.storage.signIns.getAccount(d.userId))!.login
    expect(await refusalDetail(server.dbUrl, dLogin, relogin.ok ? '' : relogin.reason)).toBe('deactivated')
    // An account never published on this server (its organisation not connected yet) says so instead.
    expect(await refusalDetail(server.dbUrl, 'a-login-never-published', 'Name or password is incorrect.')).toBe('not-connected')
    expect(await loginWithdrawn(server.dbUrl, (await a.storage.signIns.getAccount(e.userId))!.login)).toBe(false)
    const { body: users } = await server.admin.request('GET', `_users/org.couchdb.user:${d.userId}`)
    expect(users.roles).toEqual([])
    // …and their old keyring cannot open what was written after the rotation.
    await expect(open(await serverEnvelope(newId), keyLookup(dSession.keyring))).rejects.toMatchObject({ name: 'CryptoError', code: 'unknown-key' })
    expect(await b.storage.people.get(newId)).toBeUndefined()

    // E's device takes in its grant during the next round, before the directory arrives: nothing is quarantined.
    expect((await engineC.runOnce()).state).toBe('idle')
    expect(await c.storage.people.get(newId)).toMatchObject({ name: people[3]!.name, phone: people[3]!.phone })
    expect((await c.storage.people.findBy('phone', people[3]!.phone)).map((s) => s.id)).toEqual([newId]) // index of epoch 2
    expect((await c.storage.people.findBy('phone', people[0]!.phone)).map((s) => s.id)).toEqual([ids[0]]) // index of epoch 1
    expect(await c.db.quarantine.count()).toBe(0)
    // The grant is deleted by its recipient once locked into their stored keyring.
    expect(await c.storage.grants.addressedTo(e.userId)).toEqual([])
    await engineC.runOnce()
    const grantDoc = await server.admin.request('GET', `lobby_org/${encodeURIComponent(`grant:${e.userId}:directory:2`)}`, { ok: [404] })
    expect(grantDoc.status).toBe(404)
    const eAgain = await signIn(c.storage, 'zhao.desk', 'jasmine tea at the front desk')
    if (eAgain.status !== 'signed-in') throw new Error(eAgain.status)
    expect([...eAgain.session.keyring.realmKeys.keys()].sort()).toEqual(['desk:1', 'desk:2', 'directory:1', 'directory:2', 'field:1', 'field:2'])

    const audit = (await a.storage.audit.read(admin.keyring.auditPrivate!)).map((r) => r.event?.action)
    expect(audit).toEqual(expect.arrayContaining(['staff.deactivate', 'key.rotate']))
  })

  it('CONF-9: re-encryption moves old records to the new epoch in batches, resumes from its cursor, and the remaining user still reads them all', async () => {
    const { a, admin, d, e, ids } = await founded()
    const { device: c, session: eSession } = await joined(e, 'jasmine tea at the front desk')
    const engineC = await engineWithGrants(c, eSession)
    expect((await engineC.runOnce()).state).toBe('idle')
    const result = await deactivateStaff(a.storage, admin, d.userId, departureServer(a))
    if (!result.ok) throw new Error(result.problem)
    ids.push(await a.storage.people.put({ ...people[3]!, createdAt: '2026-11-29T09:00:00Z' }))

    const directory = async () => (await a.db.records.toArray()).filter((r) => r.realm === 'directory' && !r._deleted)
    const total = (await directory()).length // 3 staff profiles + 4 people
    expect(total).toBe(7)
    expect((await directory()).filter((r) => r.kid === 'directory:2')).toHaveLength(1)

    // Interrupted after its first batch (a reload, a lock): the cursor stays in device-local state.
    const stop = new AbortController()
    const seen: ReencryptProgress[] = []
    const first = await reencryptRealm(a.storage, 'directory', 1, {
      batchSize: 3,
      signal: stop.signal,
      onProgress: (p) => {
        seen.push(p)
        if (seen.length === 2) stop.abort() // the report after batch 1
      },
    })
    expect(first).toMatchObject({ finished: false, total })
    expect(await a.storage.reencrypt.pending()).toEqual([{ realm: 'directory', fromEpoch: 1, toKid: 'directory:2' }])
    const afterFirst = await directory()
    const moved = afterFirst.filter((r) => r.kid === 'directory:2')
    expect(moved.length).toBeGreaterThan(1)
    expect(moved.length).toBeLessThan(total)
    const sealedInBatch1 = new Map(moved.map((r) => [r._id, r.ct]))

    // Resumed: it goes on from the cursor (the first batch is not sealed again) and finishes.
    const progress: ReencryptProgress[] = []
    const second = await reencryptRealm(a.storage, 'directory', 1, { batchSize: 3, onProgress: (p) => progress.push(p) })
    expect(progress[0]!.done).toBe(first.done)
    expect(second).toMatchObject({ finished: true, done: total, total, skipped: 0 })
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((x, y) => x - y))
    const afterAll = await directory()
    expect(afterAll.every((r) => r.kid === 'directory:2')).toBe(true)
    for (const [id, ct] of sealedInBatch1) expect(afterAll.find((r) => r._id === id)?.ct).toBe(ct)
    expect(await a.storage.reencrypt.pending()).toEqual([])

    // Through the server: every directory envelope is under epoch 2, and E reads and finds every person.
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')
    const { body } = await server.admin.request('GET', 'lobby_directory/_all_docs?include_docs=true')
    const docs = (body.rows as { doc: Envelope & { _deleted?: boolean } }[]).map((r) => r.doc).filter((doc) => doc.realm === 'directory')
    expect(docs).toHaveLength(total)
    expect(docs.every((doc) => doc.kid === 'directory:2')).toBe(true)
    expect((await engineC.runOnce()).state).toBe('idle')
    for (const [i, id] of ids.entries()) {
      expect(await c.storage.people.get(id)).toMatchObject({ name: people[i]!.name })
      expect((await c.storage.people.findBy('phone', people[i]!.phone)).map((s) => s.id)).toEqual([id])
    }
    expect(await c.db.quarantine.count()).toBe(0)
    // A keyring with only epoch 1 (D's) opens none of them now.
    for (const doc of docs) await expect(open(doc, (kid) => (kid === 'directory:1' ? admin.keyring.realmKeys.get(kid) : undefined))).rejects.toMatchObject({ code: 'unknown-key' })
  })

  it('CONF-9: a departed manager\'s old audit key opens nothing written after the rotation; the front desk seals to the new key once it has the new organisation document', async () => {
    const { a, admin, e } = await founded()
    const manager = async (name: string, username: string) => {
      const s = await createStaff(a.storage, admin, { name, username, role: 'manager' }, cost)
      if (!s.ok) throw new Error(s.problem)
      await createServerUser(server.admin, { name: s.userId, password: s.serverPassword, roles: ['manager'] })
      return { ...s, username }
    }
    const m1 = await manager('钱经理', 'qian.boss')
    const m2 = await manager('孙经理', 'sun.boss')
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')
    const { device: m1Device, session: m1Session } = await joined(m1, 'black coffee before the morning meeting')
    const m1Engine = await engineWithGrants(m1Device, m1Session)
    const { device: m2Device, session: m2Session } = await joined(m2, 'green tea before the evening meeting')
    expect((await (await m2Device.engineFor(m2Session)).runOnce()).state).toBe('idle')
    const m2Old = m2Session.keyring.auditPrivate
    const { device: c, session: eSession } = await joined(e, 'jasmine tea at the front desk')
    const engineC = await engineWithGrants(c, eSession)
    expect((await engineC.runOnce()).state).toBe('idle')
    const before = (await c.storage.audit.append({ action: 'lock', by: e.userId }))!
    expect(before.akid).toBe('audit:1')

    // The admin deactivates M2: a new audit key, wrapped to M1 and the admin, published in the organisation document.
    const result = await deactivateStaff(a.storage, admin, m2.userId, departureServer(a))
    if (!result.ok) throw new Error(result.problem)
    expect(result.audit).toMatchObject({ kid: 'audit:2', published: true })
    expect(new Set(result.audit?.holders)).toEqual(new Set([admin.userId, m1.userId]))
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')
    expect((await server.admin.request('GET', 'lobby_public/org')).body).toMatchObject({ auditKid: 'audit:2' })
    expect((await server.admin.request('GET', `lobby_org/${encodeURIComponent('audit-key:audit:2')}`)).body).toMatchObject({ kid: 'audit:2', by: admin.userId })

    // The front desk pulls the new organisation document; what it appends then is sealed to audit:2, and the server takes it.
    expect((await engineC.runOnce()).state).toBe('idle')
    const after = (await c.storage.audit.append({ action: 'unlock', by: e.userId }))!
    expect(after.akid).toBe('audit:2')
    expect((await engineC.runOnce()).state).toBe('idle')
    expect((await server.admin.request('GET', `lobby_audit/${encodeURIComponent(after._id)}`)).body).toMatchObject({ akid: 'audit:2' })

    // M1's device takes in its grant and pulls the audit log: both entries open. M2's old keyring opens only the older one.
    expect((await m1Engine.runOnce()).state).toBe('idle')
    expect([...(m1Session.keyring.auditPrivate?.keys() ?? [])].sort()).toEqual(['audit:1', 'audit:2'])
    const read = new Map((await m1Device.storage.audit.read(m1Session.keyring.auditPrivate!)).map((r) => [r.entry._id, r.event?.action]))
    expect([read.get(before._id), read.get(after._id)]).toEqual(['lock', 'unlock'])
    const old = new Map((await m1Device.storage.audit.read(m2Old!)).map((r) => [r.entry._id, r.event?.action]))
    expect([old.get(before._id), old.get(after._id)]).toEqual(['lock', undefined])
    // …and M2's device can no longer sync to fetch them anyway.
    expect(await (await m2Device.engineFor(m2Session)).runOnce()).toMatchObject({ state: 'error', error: 'unauthorized' })
  })
})
