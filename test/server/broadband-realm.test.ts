// @vitest-environment node
// Issue 12 on the server: the broadband records live in lobby_accounts, which agents, leads and managers hold and
// front-desk sessions neither read nor write; the ledger is append-only (BB-2: a correction is a further entry) and
// only managers decide a duplicate charge. Checked through a running server, as a device's sync would meet it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminGet, envelope, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let agent: SignedIn
let lead: SignedIn
let boss: SignedIn
let desk: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  agent = await signedInUser(lobby, 'agent1', ['agent'])
  lead = await signedInUser(lobby, 'lead1', ['lead'])
  boss = await signedInUser(lobby, 'boss', ['manager'])
  desk = await signedInUser(lobby, 'desk1', ['frontdesk'])
})
afterAll(() => lobby?.stop())

/** A sealed broadband record as the app writes it to lobby_accounts. */
const sealed = (type: string, id: string, by: string) => envelope(`${type}:${id}`, 'accounts', by, { type, kid: 'accounts:1' })
const put = (user: SignedIn, doc: { _id: string } & Record<string, unknown>) => user.call('PUT', `lobby_accounts/${encodeURIComponent(doc._id)}`, doc)
const revOf = async (res: Response) => ((await res.json()) as { rev: string }).rev

describe('the accounts database on the server (issue 12)', () => {
  it('BB-2: an agent posts a ledger entry and cannot change or delete it afterwards (append-only)', async () => {
    const entry = sealed('bb-ledger', 'e1', 'agent1')
    const created = await put(agent, entry)
    expect(created.status).toBe(201)
    const rev = await revOf(created)
    expect((await put(agent, { ...entry, _rev: rev, ct: 'Y2hhbmdlZA' })).status).toBe(403)
    expect((await agent.call('DELETE', `lobby_accounts/${encodeURIComponent(entry._id)}?rev=${rev}`)).status).toBe(403)
    expect((await put(boss, { ...entry, _rev: rev, by: 'boss', ct: 'Y2hhbmdlZA' })).status).toBe(403)
    const stored = await adminGet(lobby, `lobby_accounts/${encodeURIComponent(entry._id)}`)
    expect(stored.body).toMatchObject({ _rev: rev, ct: entry.ct })
  })

  it('BB-1: status changes, dunning steps and objections are append-only too', async () => {
    for (const type of ['bb-status', 'bb-dunning', 'bb-objection']) {
      const doc = sealed(type, 'x1', 'agent1')
      const created = await put(agent, doc)
      expect(created.status, type).toBe(201)
      expect((await put(agent, { ...doc, _rev: await revOf(created), ct: 'Y2hhbmdlZA' })).status, type).toBe(403)
    }
  })

  it('BB-1: an agreement is a mutable record: the agent who wrote it may update it', async () => {
    const doc = sealed('bb-agreement', 'a1', 'agent1')
    const created = await put(agent, doc)
    expect(created.status).toBe(201)
    expect((await put(agent, { ...doc, _rev: await revOf(created), ct: 'Y2hhbmdlZA' })).status).toBe(201)
  })

  it('a front-desk session can neither read nor write the accounts database', async () => {
    await put(agent, sealed('bb-ledger', 'e2', 'agent1'))
    for (const path of ['_all_docs?include_docs=true', encodeURIComponent('bb-ledger:e2'), '_changes?include_docs=true']) {
      const read = await desk.call('GET', `lobby_accounts/${path}`)
      expect([401, 403], path).toContain(read.status) // not a member of the database (the embedded server answers 401)
      expect(await read.text(), path).not.toContain('bb-ledger:e2')
    }
    expect([401, 403]).toContain((await put(desk, sealed('bb-ledger', 'd1', 'desk1'))).status)
    expect((await adminGet(lobby, `lobby_accounts/${encodeURIComponent('bb-ledger:d1')}`)).status).toBe(404)
  })

  it('a duplicate-charge review is written by a manager only: an agent and a lead are refused', async () => {
    expect((await put(agent, sealed('bb-duplicate-review', 'r1', 'agent1'))).status).toBe(403)
    expect((await put(lead, sealed('bb-duplicate-review', 'r2', 'lead1'))).status).toBe(403)
    expect((await put(boss, sealed('bb-duplicate-review', 'r3', 'boss'))).status).toBe(201)
    expect((await adminGet(lobby, `lobby_accounts/${encodeURIComponent('bb-duplicate-review:r1')}`)).status).toBe(404)
  })
})
