// @vitest-environment node
// validate_doc_update and _security as provisioned, over HTTP with session
// cookies, against the embedded server (which provisions itself on start).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provisionPersonalRealm } from '../../server/provision/databases.js'
import { adminClient, adminGet, anonymous, auditEntry, envelope, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let desk1: SignedIn
let agent1: SignedIn
let boss: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
  agent1 = await signedInUser(lobby, 'agent1', ['agent'])
  boss = await signedInUser(lobby, 'boss', ['manager'])
})
afterAll(() => lobby?.stop())

const reasonOf = async (res: Response) => (await res.json()).reason as string

describe('realm databases (envelopes)', () => {
  it('take a front-desk envelope in lobby_desk signed by its author', async () => {
    const res = await desk1.call('PUT', 'lobby_desk/note:v1', envelope('note:v1', 'desk', 'desk1'))
    expect(res.status).toBe(201)
    expect((await adminGet(lobby, 'lobby_desk/note:v1')).body).toMatchObject({ by: 'desk1', ct: 'c2VhbGVk' })
  })

  it('refuse an envelope signed by someone else (403), and write nothing', async () => {
    const res = await desk1.call('PUT', 'lobby_desk/note:v2', envelope('note:v2', 'desk', 'agent1'))
    expect(res.status).toBe(403)
    expect(await reasonOf(res)).toBe('Field "by" must be the signed-in user (desk1), on deletions too.')
    expect((await adminGet(lobby, 'lobby_desk/note:v2')).status).toBe(404)
  })

  it('refuse an envelope without ciphertext (403), naming the field', async () => {
    const bare: Record<string, unknown> = envelope('note:v3', 'desk', 'desk1')
    delete bare.ct
    const res = await desk1.call('PUT', 'lobby_desk/note:v3', bare)
    expect(res.status).toBe(403)
    expect(await reasonOf(res)).toContain('Missing field "ct"')
    expect((await adminGet(lobby, 'lobby_desk/note:v3')).status).toBe(404)
  })

  it('refuse an envelope of another realm or key', async () => {
    expect((await desk1.call('PUT', 'lobby_desk/note:v4', envelope('note:v4', 'accounts', 'desk1'))).status).toBe(403)
    expect((await desk1.call('PUT', 'lobby_desk/note:v4', envelope('note:v4', 'desk', 'desk1', { kid: 'accounts:1' }))).status).toBe(403)
    expect((await adminGet(lobby, 'lobby_desk/note:v4')).status).toBe(404)
  })

  it('keep the front desk out of lobby_accounts (401: not a member), reading and writing', async () => {
    const res = await desk1.call('PUT', 'lobby_accounts/note:a1', envelope('note:a1', 'accounts', 'desk1'))
    expect(res.status).toBe(401)
    expect((await desk1.call('GET', 'lobby_accounts/_all_docs')).status).toBe(401)
    expect((await adminGet(lobby, 'lobby_accounts/note:a1')).status).toBe(404)
  })

  it('keep an agent out of lobby_desk (401: not a member), and let them write lobby_accounts', async () => {
    expect((await agent1.call('PUT', 'lobby_desk/note:v5', envelope('note:v5', 'desk', 'agent1'))).status).toBe(401)
    // express-pouchdb answers a batch per document (CouchDB refuses the whole request with 401).
    const bulk = await agent1.call('POST', 'lobby_desk/_bulk_docs', { docs: [envelope('note:v6', 'desk', 'agent1')] })
    expect(bulk.status).toBe(201)
    expect(await bulk.json()).toEqual([{ id: 'note:v6', error: 'unauthorized', reason: 'You are not authorized to access this db.' }])
    expect((await adminGet(lobby, 'lobby_desk/note:v5')).status).toBe(404)
    expect((await adminGet(lobby, 'lobby_desk/note:v6')).status).toBe(404)
    expect((await agent1.call('PUT', 'lobby_accounts/note:a2', envelope('note:a2', 'accounts', 'agent1'))).status).toBe(201)
  })

  it('take updates and tombstones from any writer who signs them, and bare deletions from nobody', async () => {
    const { _rev } = (await adminGet(lobby, 'lobby_desk/note:v1')).body
    const update = await boss.call('PUT', 'lobby_desk/note:v1', envelope('note:v1', 'desk', 'boss', { _rev, ct: 'bmV3' }))
    expect(update.status).toBe(201)
    const rev2 = (await update.json()).rev
    const bare = await desk1.call('DELETE', `lobby_desk/note:v1?rev=${rev2}`)
    expect(bare.status).toBe(403)
    const tombstone = { _id: 'note:v1', _rev: rev2, _deleted: true, type: 'note', realm: 'desk', by: 'desk1' }
    expect((await desk1.call('POST', 'lobby_desk/_bulk_docs', { docs: [tombstone] })).status).toBe(201)
    expect((await adminGet(lobby, 'lobby_desk/note:v1')).status).toBe(404)
  })

  it('keep staff profiles in lobby_directory to managers and admins', async () => {
    const staff = envelope('staff:s1', 'directory', 'desk1', { type: 'staff' })
    expect((await desk1.call('PUT', 'lobby_directory/staff:s1', staff)).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_directory/staff:s1', { ...staff, by: 'boss' })).status).toBe(201)
    expect((await desk1.call('PUT', 'lobby_directory/person:p1', envelope('person:p1', 'directory', 'desk1', { type: 'person' }))).status).toBe(201)
  })

  it('MEM-6, MEM-3: take ledger entries and check-ins in lobby_desk once, and refuse any change or deletion of them', async () => {
    for (const type of ['ledger', 'checkin', 'checkout', 'service-log']) {
      const id = `${type}:e1`
      const created = await desk1.call('PUT', `lobby_desk/${id}`, envelope(id, 'desk', 'desk1', { type }))
      expect(created.status).toBe(201)
      const rev = ((await created.json()) as { rev: string }).rev
      const edit = await desk1.call('PUT', `lobby_desk/${id}`, envelope(id, 'desk', 'desk1', { type, _rev: rev, ct: 'b3RoZXI' }))
      expect(edit.status).toBe(403)
      expect(await reasonOf(edit)).toBe(`Documents of type "${type}" are events: they cannot be changed or deleted.`)
      const managerEdit = await boss.call('PUT', `lobby_desk/${id}`, envelope(id, 'desk', 'boss', { type, _rev: rev }))
      expect(managerEdit.status).toBe(403)
      const removal = await desk1.call('DELETE', `lobby_desk/${id}?rev=${rev}`)
      expect(removal.status).toBe(403)
      // Disguised as another type, it is still the same event.
      const retyped = await desk1.call('PUT', `lobby_desk/${id}`, envelope(id, 'desk', 'desk1', { type: 'member', _rev: rev }))
      expect(retyped.status).toBe(403)
    }
  })

  it('MEM-9, MEM-1, MEM-8: keep blacklisting, membership settings and the card key in lobby_desk to managers', async () => {
    for (const type of ['blacklist', 'membership-settings', 'card-key']) {
      const id = `${type}:m1`
      expect((await desk1.call('PUT', `lobby_desk/${id}`, envelope(id, 'desk', 'desk1', { type }))).status).toBe(403)
      expect((await boss.call('PUT', `lobby_desk/${id}`, envelope(id, 'desk', 'boss', { type }))).status).toBe(201)
    }
    // Members and waiting lists are the desk's own, and change over time.
    const member = await desk1.call('PUT', 'lobby_desk/member:m1', envelope('member:m1', 'desk', 'desk1', { type: 'member' }))
    expect(member.status).toBe(201)
    const rev = ((await member.json()) as { rev: string }).rev
    expect((await desk1.call('PUT', 'lobby_desk/member:m1', envelope('member:m1', 'desk', 'desk1', { type: 'member', _rev: rev }))).status).toBe(201)
  })

  it('keep design documents and _security to the server admin', async () => {
    expect((await boss.call('PUT', 'lobby_desk/_design/lobby', { validate_doc_update: 'function () {}' })).status).toBe(401)
    const takeover = { _rev: '0-1', security: { admins: { names: ['desk1'] }, members: { roles: ['frontdesk'] } } }
    expect((await desk1.call('PUT', 'lobby_desk/_local/_security', takeover)).status).toBe(403)
    expect((await adminGet(lobby, 'lobby_desk/_security')).body.admins).toEqual({ names: [], roles: [] })
  })
})

describe('lobby_audit', () => {
  it('takes new entries from the staff member they name, not from another (CONF-6; owned devices: audit-ownership.test.ts)', async () => {
    expect((await desk1.call('PUT', 'lobby_audit/audit:d1', auditEntry('audit:d1', 'desk1'))).status).toBe(201)
    expect((await agent1.call('PUT', 'lobby_audit/audit:a1', auditEntry('audit:a1', 'desk1'))).status).toBe(403)
    const unsigned: Record<string, unknown> = auditEntry('audit:d2', 'desk1')
    delete unsigned.sig
    const res = await desk1.call('PUT', 'lobby_audit/audit:d2', unsigned)
    expect(res.status).toBe(403)
    expect(await reasonOf(res)).toContain('Missing field "sig"')
  })

  it('refuses any update or deletion (403), even by a manager or the server admin', async () => {
    const stored = (await adminGet(lobby, 'lobby_audit/audit:d1')).body
    const changed = { ...stored, hash: 'b3RoZXI' }
    expect((await desk1.call('PUT', 'lobby_audit/audit:d1', changed)).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_audit/audit:d1', { ...changed, by: 'boss' })).status).toBe(403)
    const asAdmin = adminClient(lobby)
    await expect(asAdmin.request('PUT', 'lobby_audit/audit%3Ad1', { body: changed })).rejects.toMatchObject({ status: 403 })

    expect((await desk1.call('DELETE', `lobby_audit/audit:d1?rev=${stored._rev}`)).status).toBe(403)
    const tombstone = { _id: 'audit:d1', _rev: stored._rev, _deleted: true, type: 'audit', realm: 'audit', by: 'desk1' }
    const bulk = await desk1.call('POST', 'lobby_audit/_bulk_docs', { docs: [tombstone] })
    expect((await bulk.json())[0]).toMatchObject({ error: 'forbidden', reason: 'Audit entries cannot be changed or deleted.' })
    await expect(asAdmin.request('DELETE', `lobby_audit/audit%3Ad1?rev=${stored._rev}`)).rejects.toMatchObject({ status: 403 })
    expect((await adminGet(lobby, 'lobby_audit/audit:d1')).body).toEqual(stored)
  })
})

describe('lobby_org', () => {
  const keyring = (userId: string, extra: object = {}) =>
    ({ _id: `keyring:${userId}`, type: 'keyring', userId, publicKeys: { ecdh: {}, ecdsa: {} }, locked: { ct: 'x' }, ...extra })

  it('lets a manager create a keyring, only its owner change it, and nobody else', async () => {
    expect((await boss.call('PUT', 'lobby_org/keyring:desk1', keyring('desk1'))).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/keyring:desk1')).body
    const relocked = keyring('desk1', { _rev, locked: { ct: 'y' } })

    const byOther = await agent1.call('PUT', 'lobby_org/keyring:desk1', relocked)
    expect(byOther.status).toBe(403)
    expect((await boss.call('PUT', 'lobby_org/keyring:desk1', relocked)).status).toBe(403)
    expect((await agent1.call('DELETE', `lobby_org/keyring:desk1?rev=${_rev}`)).status).toBe(403)
    expect((await adminGet(lobby, 'lobby_org/keyring:desk1')).body.locked).toEqual({ ct: 'x' })

    const own = await desk1.call('PUT', 'lobby_org/keyring:desk1', relocked)
    expect(own.status).toBe(201)
    expect((await adminGet(lobby, 'lobby_org/keyring:desk1')).body.locked).toEqual({ ct: 'y' })
  })

  it('lets users create their own keyring, not someone else’s', async () => {
    expect((await agent1.call('PUT', 'lobby_org/keyring:agent1', keyring('agent1'))).status).toBe(201)
    expect((await agent1.call('PUT', 'lobby_org/keyring:boss', keyring('boss'))).status).toBe(403)
  })

  it('lets managers write accounts, and owners record their own sign-in but not their role', async () => {
    const account = { _id: 'account:desk1', type: 'account', userId: 'desk1', login: 'h', role: 'frontdesk', status: 'active', setup: 'pending', createdBy: 'boss', createdAt: 't' }
    expect((await desk1.call('PUT', 'lobby_org/account:desk1', account)).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_org/account:desk1', account)).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/account:desk1')).body
    const promoted = await desk1.call('PUT', 'lobby_org/account:desk1', { ...account, _rev, role: 'manager' })
    expect(promoted.status).toBe(403)
    expect(await reasonOf(promoted)).toContain('"role"')
    expect((await desk1.call('PUT', 'lobby_org/account:desk1', { ...account, _rev, setup: 'done', agreementAcceptedAt: 't2' })).status).toBe(201)
  })

  it('lets anyone register a device, and only its registrant change it', async () => {
    const device = { _id: 'device:d1', type: 'device', deviceId: 'd1', publicJwk: { kty: 'EC' }, userAgent: 'x', registeredAt: 't', by: 'desk1' }
    expect((await desk1.call('PUT', 'lobby_org/device:d1', device)).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/device:d1')).body
    expect((await agent1.call('PUT', 'lobby_org/device:d1', { ...device, _rev, by: 'agent1' })).status).toBe(403)
    expect((await desk1.call('PUT', 'lobby_org/device:d1', { ...device, _rev, userAgent: 'y' })).status).toBe(201)
  })

  it('lets managers grant keys, never changed, withdrawn by the recipient', async () => {
    const grant = { _id: 'grant:agent1:desk:1', type: 'grant', userId: 'agent1', kid: 'desk:1', box: { ct: 'k' }, by: 'boss' }
    expect((await desk1.call('PUT', 'lobby_org/grant:agent1:desk:1', { ...grant, by: 'desk1' })).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_org/grant:agent1:desk:1', grant)).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/grant:agent1:desk:1')).body
    expect((await boss.call('PUT', 'lobby_org/grant:agent1:desk:1', { ...grant, _rev, box: { ct: 'other' } })).status).toBe(403)
    const tombstone = { _id: grant._id, _rev, _deleted: true, type: 'grant', by: 'agent1' }
    expect((await agent1.call('POST', 'lobby_org/_bulk_docs', { docs: [tombstone] })).status).toBe(201)
    expect((await adminGet(lobby, 'lobby_org/grant:agent1:desk:1')).status).toBe(404)
  })

  it('is closed to anonymous readers', async () => {
    expect((await anonymous(lobby, 'GET', 'lobby_org/_all_docs')).status).toBe(401)
  })
})

describe('personal realms', () => {
  let member: SignedIn
  let other: SignedIn
  let database: string
  beforeAll(async () => {
    member = await signedInUser(lobby, 'Mb-7_q', ['member'])
    other = await signedInUser(lobby, 'mb-7_q', ['member']) // differs only in case
    database = (await provisionPersonalRealm(adminClient(lobby), 'member', 'Mb-7_q')).database
    await provisionPersonalRealm(adminClient(lobby), 'member', 'mb-7_q')
  })

  it('are created on demand, idempotently, under a hex name', async () => {
    expect(database).toBe(`lobby_member_${Buffer.from('Mb-7_q').toString('hex')}`)
    expect((await provisionPersonalRealm(adminClient(lobby), 'member', 'Mb-7_q')).changes).toEqual([])
  })

  it('take envelopes of that realm from the staff who serve members, and are read by that member alone among non-staff', async () => {
    const realm = 'member:Mb-7_q'
    expect((await desk1.call('PUT', `${database}/note:st1`, envelope('note:st1', realm, 'desk1'))).status).toBe(201)
    expect((await desk1.call('PUT', `${database}/note:st2`, envelope('note:st2', 'member:mb-7_q', 'desk1'))).status).toBe(403)
    expect((await member.call('GET', `${database}/note:st1`)).status).toBe(200)
    expect((await other.call('GET', `${database}/note:st1`)).status).toBe(401)
    // Issue 14: the broadband counter writes a subscriber's bills there too.
    expect((await agent1.call('GET', `${database}/note:st1`)).status).toBe(200)
    expect((await member.call('PUT', `${database}/dispute:d1`, envelope('dispute:d1', realm, 'Mb-7_q', { type: 'dispute' }))).status).toBe(201)
    expect((await other.call('PUT', `${database}/note:d2`, envelope('note:d2', realm, 'mb-7_q'))).status).toBe(401)
  })
})
