import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminGet, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let desk: SignedIn
let desk2: SignedIn
let tech: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  desk = await signedInUser(lobby, 'desk1', ['frontdesk'])
  desk2 = await signedInUser(lobby, 'desk2', ['frontdesk'])
  tech = await signedInUser(lobby, 'tech1', ['technician'])
})
afterAll(() => lobby?.stop())

const box = { epk: { kty: 'EC' }, iv: 'aXY', ct: 'Y3Q' }
/** The desk's incident against agent1: `incident:<to>:<iid>`, sealed to them and to the audit key, signed by its author. */
const incident = (iid: string, extra: Record<string, unknown> = {}) =>
  ({ _id: `incident:agent1:${iid}`, type: 'incident', to: 'agent1', iid, by: 'desk1', box, auditBox: box, akid: 'audit:1', sig: 's', ...extra })

describe('REC-7: incidents in lobby_org, written once by their author', () => {
  it('REC-7: takes an incident only from a desk user naming themselves its author, with both boxes', async () => {
    expect((await tech.call('PUT', 'lobby_org/incident:agent1:i1', { ...incident('i1'), by: 'tech1' })).status).toBe(403)
    expect((await desk2.call('PUT', 'lobby_org/incident:agent1:i1', incident('i1'))).status).toBe(403)
    const { auditBox: _a, ...noAuditCopy } = incident('i1')
    expect((await desk.call('PUT', 'lobby_org/incident:agent1:i1', noAuditCopy)).status).toBe(403)
    expect((await desk.call('PUT', 'lobby_org/incident:agent1:i1', { ...incident('i1'), to: 'tech1' })).status).toBe(403)
    expect((await desk.call('PUT', 'lobby_org/incident:agent1:i1', incident('i1'))).status).toBe(201)
  })

  it('REC-7: never lets an incident change or go once written (append-only)', async () => {
    expect((await desk.call('PUT', 'lobby_org/incident:agent1:i2', incident('i2'))).status).toBe(201)
    const { _rev } = (await adminGet(lobby, 'lobby_org/incident:agent1:i2')).body
    expect((await desk.call('PUT', 'lobby_org/incident:agent1:i2', { ...incident('i2'), _rev, box: { ...box, ct: 'b3RoZXI' } })).status).toBe(403)
    expect((await desk.call('DELETE', `lobby_org/incident:agent1:i2?rev=${_rev}`)).status).toBe(403)
    const replayed = { ...incident('i3'), _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', 'bbbb'] } }
    const bulk = await desk.call('POST', 'lobby_org/_bulk_docs', { docs: [replayed], new_edits: false })
    expect(JSON.stringify(await bulk.json())).toContain('forbidden')
    expect((await adminGet(lobby, 'lobby_org/incident:agent1:i3')).status).toBe(404)
  })

  it('REC-7: refuses an incident in the desk realm database, where every desk user could read it', async () => {
    expect((await desk.call('PUT', 'lobby_desk/incident:agent1:i4', { ...incident('i4'), realm: 'desk', kid: 'desk:1', v: 1, ct: 'Y3Q' })).status).toBe(403)
  })
})
