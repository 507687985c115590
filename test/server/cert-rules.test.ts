import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminGet, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let desk1: SignedIn
let boss: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
  boss = await signedInUser(lobby, 'boss', ['manager'])
})
afterAll(() => lobby?.stop())

describe('CONF-9: key certificates in lobby_org', () => {
  const cert = { _id: 'cert:desk1', type: 'cert', v: 1, orgId: 'o', userId: 'desk1', role: 'frontdesk', ecdh: { kty: 'EC' }, ecdsa: { kty: 'EC' }, at: 't', sig: 's', by: 'boss' }

  it('only an admin or manager writes one, in their own name; the front desk cannot vouch for itself', async () => {
    expect((await desk1.call('PUT', 'lobby_org/cert:desk1', { ...cert, by: 'desk1' })).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_org/cert:desk1', { ...cert, by: 'desk1' })).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_org/cert:desk1', cert)).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/cert:desk1')).body
    expect((await desk1.call('PUT', 'lobby_org/cert:desk1', { ...cert, _rev, by: 'desk1', role: 'manager' })).status).toBe(403)
    // Re-certified by a manager when the certifier leaves.
    expect((await boss.call('PUT', 'lobby_org/cert:desk1', { ...cert, _rev, at: 't2' })).status).toBe(201)
  })

  it('refuses one without a signature or an id of another user', async () => {
    const { sig: _sig, ...unsigned } = cert
    expect((await boss.call('PUT', 'lobby_org/cert:desk2', { ...unsigned, _id: 'cert:desk2', userId: 'desk2' })).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_org/cert:desk3', { ...cert, _id: 'cert:desk3' })).status).toBe(403)
  })
})
