// @vitest-environment node
// CONF-6 / CONF-10: a device belongs to one user, and the server takes a device's
// documents, audit entries and signed head only from that user (issue 8, section 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminClient, adminGet, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let alice: SignedIn
let bob: SignedIn
let boss: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  alice = await signedInUser(lobby, 'alice', ['frontdesk'])
  bob = await signedInUser(lobby, 'bob', ['frontdesk'])
  boss = await signedInUser(lobby, 'boss', ['manager'])
})
afterAll(() => lobby?.stop())

const reasonOf = async (res: Response) => (await res.json()).reason as string

/** Alice's device on a shared tablet: the owner is the part of the id before the first ':'. */
const aliceDev = 'alice:t1'
const device = (deviceId: string, userId: string, by = userId) =>
  ({ _id: `device:${deviceId}`, type: 'device', deviceId, userId, publicJwk: { kty: 'EC' }, userAgent: 'x', registeredAt: 't', by })
const entry = (id: string, dev: string, by: string, seq = 1) => ({
  _id: id, type: 'audit', realm: 'audit', v: 1, by, dev, seq, prev: 'genesis',
  box: { epk: { kty: 'EC' }, iv: 'aXY', ct: 'Y3Q' }, hash: 'aGFzaA', sig: 'c2ln',
})
const head = (dev: string, seq: number, extra: object = {}) =>
  ({ _id: `audit-head:${dev}`, type: 'audit-head', realm: 'audit', dev, seq, hash: `h${seq}`, sig: 's', ...extra })

describe('CONF-10 device documents belong to one user', () => {
  it('takes a device registered by its owner, and refuses one registered for someone else (403)', async () => {
    expect((await alice.call('PUT', `lobby_org/device:${aliceDev}`, device(aliceDev, 'alice'))).status).toBe(201)
    // Bob names Alice as the owner: he is not her.
    const forAlice = await bob.call('PUT', 'lobby_org/device:alice:t2', device('alice:t2', 'alice', 'bob'))
    expect(forAlice.status).toBe(403)
    // Bob owns it on paper, but its id says it is Alice's.
    const mislabelled = await bob.call('PUT', 'lobby_org/device:alice:t3', device('alice:t3', 'bob'))
    expect(mislabelled.status).toBe(403)
    expect(await reasonOf(mislabelled)).toContain('"bob:')
    expect((await adminGet(lobby, 'lobby_org/device:alice:t2')).status).toBe(404)
    expect((await adminGet(lobby, 'lobby_org/device:alice:t3')).status).toBe(404)
  })

  it('refuses a change to someone else’s device by a non-manager, and anyone’s change of its key or owner', async () => {
    const { _rev } = (await adminGet(lobby, `lobby_org/device:${aliceDev}`)).body
    const stored = { ...device(aliceDev, 'alice'), _rev }
    expect((await bob.call('PUT', `lobby_org/device:${aliceDev}`, { ...stored, by: 'bob', userAgent: 'y' })).status).toBe(403)
    // A manager revokes it (CONF-10) but cannot swap its key or hand it to someone else.
    const swapped = await boss.call('PUT', `lobby_org/device:${aliceDev}`, { ...stored, by: 'boss', publicJwk: { kty: 'EC', x: 'forged' } })
    expect(swapped.status).toBe(403)
    expect(await reasonOf(swapped)).toContain('"publicJwk"')
    expect((await boss.call('PUT', `lobby_org/device:${aliceDev}`, { ...stored, by: 'boss', userId: 'boss' })).status).toBe(403)
    expect((await boss.call('PUT', `lobby_org/device:${aliceDev}`, { ...stored, by: 'boss', revoked: { by: 'boss', at: 't' } })).status).toBe(201)
  })
})

describe('CONF-6 audit entries and heads belong to their device’s user', () => {
  it('takes Alice’s entries from Alice, and refuses them from Bob (403)', async () => {
    expect((await alice.call('PUT', 'lobby_audit/audit:a1', entry('audit:a1', aliceDev, 'alice'))).status).toBe(201)
    // A failed sign-in recorded while nobody was signed in goes into the next user's chain, by "anonymous".
    expect((await alice.call('PUT', 'lobby_audit/audit:a2', entry('audit:a2', aliceDev, 'anonymous', 2))).status).toBe(201)
    const pushedByBob = await bob.call('PUT', 'lobby_audit/audit:a3', entry('audit:a3', aliceDev, 'alice', 3))
    expect(pushedByBob.status).toBe(403)
    expect(await reasonOf(pushedByBob)).toContain('alice')
    // Nor may Alice's device carry entries naming Bob.
    expect((await alice.call('PUT', 'lobby_audit/audit:a4', entry('audit:a4', aliceDev, 'bob', 3))).status).toBe(403)
    expect((await adminGet(lobby, 'lobby_audit/audit:a3')).status).toBe(404)
    expect((await adminGet(lobby, 'lobby_audit/audit:a4')).status).toBe(404)
  })

  it('takes an entry of a device from before devices had owners only from the user it names', async () => {
    expect((await bob.call('PUT', 'lobby_audit/audit:l1', entry('audit:l1', 'legacy1', 'bob'))).status).toBe(201)
    expect((await bob.call('PUT', 'lobby_audit/audit:l2', entry('audit:l2', 'legacy1', 'alice', 2))).status).toBe(403)
    expect((await bob.call('PUT', 'lobby_audit/audit:l3', entry('audit:l3', 'legacy1', 'anonymous', 2))).status).toBe(403)
  })

  it('takes a signed head from its device’s user that only moves forward, and never deletes it', async () => {
    expect((await bob.call('PUT', `lobby_audit/audit-head:${aliceDev}`, head(aliceDev, 2))).status).toBe(403)
    expect((await alice.call('PUT', `lobby_audit/audit-head:${aliceDev}`, head(aliceDev, 2))).status).toBe(201)
    const { _rev } = (await adminGet(lobby, `lobby_audit/audit-head:${aliceDev}`)).body
    const rewound = await alice.call('PUT', `lobby_audit/audit-head:${aliceDev}`, head(aliceDev, 1, { _rev }))
    expect(rewound.status).toBe(403)
    expect((await alice.call('PUT', `lobby_audit/audit-head:${aliceDev}`, head(aliceDev, 2, { _rev, hash: 'other' }))).status).toBe(403)
    expect((await bob.call('PUT', `lobby_audit/audit-head:${aliceDev}`, head(aliceDev, 3, { _rev }))).status).toBe(403)
    expect((await alice.call('PUT', `lobby_audit/audit-head:${aliceDev}`, head(aliceDev, 3, { _rev }))).status).toBe(201)
    const now = (await adminGet(lobby, `lobby_audit/audit-head:${aliceDev}`)).body
    expect(now.seq).toBe(3)
    expect((await alice.call('DELETE', `lobby_audit/audit-head:${aliceDev}?rev=${now._rev}`)).status).toBe(403)
    await expect(adminClient(lobby).request('DELETE', `lobby_audit/audit-head%3Aalice%3At1?rev=${now._rev}`)).rejects.toMatchObject({ status: 403 })
  })
})
