import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminGet, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let desk: SignedIn
let agent: SignedIn
let tech: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  desk = await signedInUser(lobby, 'desk1', ['frontdesk'])
  agent = await signedInUser(lobby, 'agent1', ['agent'])
  tech = await signedInUser(lobby, 'tech1', ['technician'])
})
afterAll(() => lobby?.stop())

const box = { epk: { kty: 'EC' }, iv: 'aXY', ct: 'Y3Q' }
/** A notice from the desk to the agent: `notice:<to>:<nid>`, written by its author (`by`). */
const notice = (nid: string, extra: Record<string, unknown> = {}) => ({ _id: `notice:agent1:${nid}`, type: 'notice', to: 'agent1', nid, by: 'desk1', box, sig: 's', ...extra })
/** The agent's acknowledgement of it: `notice-ack:<recipient>:<nid>`, written only by the recipient. */
const ack = (nid: string, extra: Record<string, unknown> = {}) => ({ _id: `notice-ack:agent1:${nid}`, type: 'notice-ack', nid, by: 'agent1', at: 1_765_000_000_000, device: 'agent1:d1', sig: 's', ...extra })

describe('REC-3: notices and their acknowledgements in lobby_org', () => {
  it('takes a notice only from the staff member it names as its author', async () => {
    expect((await tech.call('PUT', 'lobby_org/notice:agent1:n1', notice('n1'))).status).toBe(403)
    expect((await desk.call('PUT', 'lobby_org/notice:agent1:n1', notice('n1'))).status).toBe(201)
    // Its id names its recipient: a notice filed under another user's name is refused.
    expect((await desk.call('PUT', 'lobby_org/notice:tech1:n2', { ...notice('n2'), _id: 'notice:tech1:n2' })).status).toBe(403)
    const { sig: _s, ...unsigned } = notice('n3')
    expect((await desk.call('PUT', 'lobby_org/notice:agent1:n3', unsigned)).status).toBe(403)
  })

  it('never lets a notice change or go once written (append-only)', async () => {
    expect((await desk.call('PUT', 'lobby_org/notice:agent1:n4', notice('n4'))).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/notice:agent1:n4')).body
    expect((await desk.call('PUT', 'lobby_org/notice:agent1:n4', { ...notice('n4'), _rev, box: { ...box, ct: 'b3RoZXI' } })).status).toBe(403)
    expect((await desk.call('DELETE', `lobby_org/notice:agent1:n4?rev=${_rev}`)).status).toBe(403)
    // Nor a notice whose first revision arrives as a later one, with a made-up history (a branch the server never saw begin).
    const replayed = { ...notice('n7'), _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', 'bbbb'] } }
    const bulk = await desk.call('POST', 'lobby_org/_bulk_docs', { docs: [replayed], new_edits: false })
    expect(JSON.stringify(await bulk.json())).toContain('forbidden')
    expect((await adminGet(lobby, 'lobby_org/notice:agent1:n7')).status).toBe(404)
  })

  it('takes an acknowledgement from the recipient only: one forged by someone else is refused (403)', async () => {
    expect((await desk.call('PUT', 'lobby_org/notice:agent1:n5', notice('n5'))).status).toBe(201)
    expect((await desk.call('PUT', 'lobby_org/notice-ack:agent1:n5', ack('n5', { by: 'desk1' }))).status).toBe(403)
    expect((await tech.call('PUT', 'lobby_org/notice-ack:agent1:n5', ack('n5', { by: 'tech1' }))).status).toBe(403)
    expect((await tech.call('PUT', 'lobby_org/notice-ack:agent1:n5', ack('n5'))).status).toBe(403)
    expect((await agent.call('PUT', 'lobby_org/notice-ack:agent1:n5', ack('n5'))).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/notice-ack:agent1:n5')).body
    expect((await agent.call('PUT', 'lobby_org/notice-ack:agent1:n5', { ...ack('n5'), _rev, at: 1 })).status).toBe(403)
    expect((await agent.call('DELETE', `lobby_org/notice-ack:agent1:n5?rev=${_rev}`)).status).toBe(403)
  })

  it('refuses notices in a realm database', async () => {
    expect((await desk.call('PUT', 'lobby_desk/notice:agent1:n6', { ...notice('n6'), realm: 'desk', kid: 'desk:1', v: 1, ct: 'Y3Q' })).status).toBe(403)
  })
})
