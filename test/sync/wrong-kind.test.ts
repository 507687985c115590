// @vitest-environment node
// Issue 8 §2: documents of the wrong kind in a realm database. A front-desk user put `org`, `device`,
// `account` and `keyring` documents into lobby_desk; the admin's device filed them by type and took
// them in (its audit entries sealed to the attacker's key, itself wiped as revoked, its owner refused).
import { describe, expect, it } from 'vitest'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, foundOrganisation } from './organisation'


describe('documents of the wrong kind in a realm database (issue 8 §2, CONF-2, CONF-10)', () => {
  const server = eachTestSyncServer()

  /** The admin's device founds the organisation and syncs; a front-desk user gets a server account. */
  async function founded() {
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const desk = await addStaff(a, server.admin, admin, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    // The real quarantine of the app: kept aside and audited.
    const engine = await a.engineFor(admin, undefined, { quarantine: a.storage.syncPort.quarantine })
    expect((await engine.runOnce()).state).toBe('idle')
    return { a, admin, desk, engine, deviceId: (await a.storage.deviceIdentity()).deviceId }
  }

  /** What the front desk wrote: typed documents dressed as envelopes of the desk realm. */
  function takeover(adminId: string, deviceId: string, by: string) {
    const clear = { realm: 'desk', kid: 'desk:1', v: 1, by, ct: 'c2VhbGVk' }
    const attackerJwk = { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'BBBB' }
    return [
      { ...clear, _id: 'org', type: 'org', orgId: 'evil', auditPublicJwk: attackerJwk },
      { ...clear, _id: `device:${deviceId}`, type: 'device', deviceId, publicJwk: attackerJwk, revoked: { by, at: '2026-12-06T00:00:00Z' } },
      { ...clear, _id: `account:${adminId}`, type: 'account', userId: adminId, login: 'x', role: 'frontdesk', status: 'deactivated' },
      { ...clear, _id: `keyring:${adminId}`, type: 'keyring', userId: adminId, publicKeys: { ecdh: attackerJwk, ecdsa: attackerJwk } },
    ]
  }

  it('the server refuses them from a front-desk user', async () => {
    const { admin, desk, deviceId } = await founded()
    const li = testDevice(server.dbUrl)
    expect((await li.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    const docs = takeover(admin.userId, deviceId, desk.userId)
    for (const doc of docs) {
      const res = await li.request(`lobby_desk/${encodeURIComponent(doc._id)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) })
      expect(res.status, doc._id).toBe(403)
    }
    const { body } = await server.admin.request('GET', 'lobby_desk/_all_docs')
    const stored = body.rows.map((r: { id: string }) => r.id)
    for (const doc of docs) expect(stored).not.toContain(doc._id)
  })

  it('a device that finds them in lobby_desk anyway (put there by whoever runs the server) quarantines and audits them, and applies none', async () => {
    const { a, admin, desk, engine, deviceId } = await founded()
    const orgBefore = await a.db.org.get('org')
    const accountBefore = await a.storage.signIns.getAccount(admin.userId)
    const keyringBefore = await a.storage.signIns.getKeyring(admin.userId)
    await server.admin.request('POST', 'lobby_desk/_bulk_docs', { body: { docs: takeover(admin.userId, deviceId, desk.userId) } })

    expect((await engine.runOnce()).state).toBe('idle')
    expect(await a.storage.devices.isRevoked(deviceId)).toBe(false)
    expect(await a.db.org.get('org')).toEqual(orgBefore)
    expect(await a.storage.signIns.getAccount(admin.userId)).toEqual(accountBefore)
    expect(await a.storage.signIns.getKeyring(admin.userId)).toEqual(keyringBefore)

    const quarantined = await a.storage.quarantined()
    expect(quarantined.map((q) => q.docId).sort()).toEqual([`account:${admin.userId}`, `device:${deviceId}`, `keyring:${admin.userId}`, 'org'].sort())
    for (const q of quarantined) expect(q).toMatchObject({ database: 'lobby_desk', reason: expect.stringMatching(/does not belong/) })
    const audited = (await a.storage.audit.read(admin.keyring.auditPrivate!)).filter((r) => r.event?.action === 'quarantine')
    expect(audited.map((r) => r.event?.recordId).sort()).toEqual(quarantined.map((q) => q.docId).sort())
  })

  it('a sealed record of another realm, or its tombstone, in lobby_desk does not replace or delete the record of that realm', async () => {
    const { a, admin, engine } = await founded()
    const id = await a.storage.people.put({ name: '欧阳娜娜', phone: '13912345678', createdAt: '2026-11-28T09:00:00Z' })
    await engine.runOnce()
    const { body: first } = await server.admin.request('GET', `lobby_directory/${id}`)
    await a.storage.people.put({ name: '欧阳娜娜', phone: '13800138000', createdAt: '2026-11-28T09:00:00Z' }, id)
    await engine.runOnce()

    // The older version of the directory record, replayed through the desk's database: a rollback.
    const { _rev: _drop, ...replayed } = first
    await server.admin.request('PUT', `lobby_desk/${id}`, { body: replayed })
    expect((await engine.runOnce()).state).toBe('idle')
    expect(await a.storage.people.get(id)).toMatchObject({ phone: '13800138000' })

    // A tombstone of it in the desk's database.
    const other = await a.storage.people.put({ name: '张三', createdAt: '2026-11-28T09:00:00Z' })
    await engine.runOnce()
    await server.admin.request('POST', 'lobby_desk/_bulk_docs', { body: { docs: [{ _id: other, _rev: '1-aa', _deleted: true }], new_edits: false } })
    expect((await engine.runOnce()).state).toBe('idle')
    expect(await a.storage.people.get(other)).toMatchObject({ name: '张三' })

    const quarantined = await a.storage.quarantined()
    expect(quarantined.map((q) => [q.database, q.docId]).sort()).toEqual([['lobby_desk', id], ['lobby_desk', other]].sort())
    expect((await a.storage.audit.read(admin.keyring.auditPrivate!)).filter((r) => r.event?.action === 'quarantine')).toHaveLength(2)
  })
  it('the typed databases are held to their own types: an org document in lobby_org, an account in lobby_public, a record in lobby_org are quarantined', async () => {
    const { a, admin, engine } = await founded()
    const id = await a.storage.people.put({ name: '欧阳娜娜', phone: '13912345678', createdAt: '2026-11-28T09:00:00Z' })
    await engine.runOnce()
    const orgBefore = await a.db.org.get('org')
    const accountBefore = await a.storage.signIns.getAccount(admin.userId)
    const personBefore = await a.db.records.get(id)
    const { body: person } = await server.admin.request('GET', `lobby_directory/${id}`)
    const { _rev: _drop, ...copied } = person
    await server.admin.request('PUT', 'lobby_org/org', { body: { ...orgBefore, _rev: undefined, orgId: 'evil' } })
    await server.admin.request('PUT', `lobby_public/account:${admin.userId}`, { body: { ...accountBefore, _rev: undefined, status: 'deactivated' } })
    await server.admin.request('PUT', `lobby_org/${id}`, { body: { ...copied, ct: personBefore!.ct } })

    expect((await engine.runOnce()).state).toBe('idle')
    expect(await a.db.org.get('org')).toEqual(orgBefore)
    expect(await a.storage.signIns.getAccount(admin.userId)).toEqual(accountBefore)
    expect(await a.db.records.get(id)).toEqual(personBefore)
    expect((await a.storage.quarantined()).map((q) => [q.database, q.docId]).sort()).toEqual(
      [['lobby_org', 'org'], ['lobby_public', `account:${admin.userId}`], ['lobby_org', id]].sort(),
    )
  })
})
