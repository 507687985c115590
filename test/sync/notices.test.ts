// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { realmsByRole, readsAudit, type StaffRole } from '../../src/core/access/roles'
import { openSealed } from '../../src/crypto/sealed-box'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import type { Session } from '../../src/identity/session'
import { signIn } from '../../src/identity/sign-in'
import type { NoticeDoc } from '../../src/storage/documents'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { channelsFor } from '../../src/sync/channels'
import { noticesChannel, watchedChannel, watchRemote } from '../../src/sync/remote-watch'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, cost, foundOrganisation } from './organisation'

const server = eachTestSyncServer()
const stops: AbortController[] = []
afterEach(() => stops.splice(0).forEach((c) => c.abort()))

type Device = ReturnType<typeof testDevice>
const visitor = { visitId: 'visit:v1', name: '欧阳娜娜', place: 'Lobby' }

/** A fresh device on which `staff` signs in for the first time, after pulling the organisation. */
async function joined(staff: { userId: string; setupCode: string; serverPassword: string }, username: string) {
  const device = testDevice(server.dbUrl)
  expect((await device.login(staff.userId, staff.serverPassword)).ok).toBe(true)
  await (await device.engineFor(undefined, [])).runOnce()
  const first = await signIn(device.storage, username, staff.setupCode)
  if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
  const done = await completeFirstSignIn(device.storage, first.pending, { passphrase: `green tea every single morning ${username.length}`, agreementAccepted: true }, cost)
  if (!done.ok) throw new Error(done.problem)
  device.setKeys(keySourceFrom(done.session.keyring))
  return { device, session: done.session as Session }
}

/**
 * The device's sync as the browser runs it (browser-sync.ts): rounds one at a time, the one feed between them
 * (the desk database for a desk device, the organisation's otherwise, and the organisation's too while a notice
 * this device sent waits for its acknowledgement), and the sent mark once this user's notices reached the server.
 */
async function live(device: Device, session: Session) {
  const role = session.role as StaffRole
  const channels = channelsFor(realmsByRole[role], readsAudit(role), undefined, session.userId)
  const engine = await device.engineFor(session, undefined, {
    afterChannel: async (ch) => {
      if (ch.push && !ch.pull && ch.tables.includes('notices')) await device.storage.notices.notePushed()
    },
  })
  let rounds = 0
  let queue = Promise.resolve()
  const round = () => (queue = queue.then(async () => void (await engine.runOnce(), rounds++)))
  const watched = watchedChannel(channels)!
  const org = noticesChannel(channels)!
  const stop = new AbortController()
  stops.push(stop)
  let endPoll = () => {}
  void watchRemote({
    url: `${server.dbUrl}${watched.database}`,
    fetch: device.fetch,
    onChange: () => void round(),
    signal: stop.signal,
    sharedPollMs: 500,
    also: watched === org ? undefined : async () => ((await device.storage.notices.awaitingAck()) ? `${server.dbUrl}${org.database}` : undefined),
    interrupt: (end) => (endPoll = end),
  })
  return { round, rounds: () => rounds, watched: watched.database, afterSend: () => endPoll() }
}

describe('REC-3: a notice reaches its host within seconds, and the acknowledgement the desk', () => {
  it('desk (A) sends, agent (B) receives in a round its feed started, acknowledges, A sees it; the server holds ciphertext only', { timeout: 90_000 }, async () => {
    const admin = testDevice(server.dbUrl)
    const adminSession = await foundOrganisation(admin, server.admin)
    const desk = await addStaff(admin, server.admin, adminSession, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    const agent = await addStaff(admin, server.admin, adminSession, { name: '张经纪', username: 'zhang.agent', role: 'agent' })
    expect((await admin.login(adminSession.userId, adminSession.serverPassword!)).ok).toBe(true)
    expect((await (await admin.engineFor(adminSession)).runOnce()).state).toBe('idle')

    const a = await joined(desk, 'li.desk')
    const b = await joined(agent, 'zhang.agent')
    const syncA = await live(a.device, a.session)
    const syncB = await live(b.device, b.session)
    expect([syncA.watched, syncB.watched]).toEqual(['lobby_desk', 'lobby_org'])
    await Promise.all([syncA.round(), syncB.round()])

    const id = await a.device.storage.notices.send({ to: agent.userId, kind: 'visitor-arrived', body: visitor, at: Date.now() })
    expect((await a.device.storage.notices.statusOf([id])).get(id)).toEqual({ sent: false })
    const roundsOfB = syncB.rounds()
    await syncA.round()
    syncA.afterSend()
    expect((await a.device.storage.notices.statusOf([id])).get(id)).toEqual({ sent: true })

    // B's feed on the organisation's database starts the round that brings the notice: no 30-second wait.
    await vi.waitFor(async () => expect(await b.device.storage.notices.mine()).toHaveLength(1), { timeout: 10_000, interval: 100 })
    expect(syncB.rounds()).toBeGreaterThan(roundsOfB)
    expect((await b.device.storage.notices.mine())[0]).toMatchObject({ id, from: desk.userId, kind: 'visitor-arrived', body: visitor })

    await b.device.storage.notices.acknowledge(id, Date.now())
    await syncB.round()
    // A watches its desk database, and the organisation's too while its notice waits: the ack comes in a round that started.
    await vi.waitFor(async () => expect((await a.device.storage.notices.statusOf([id])).get(id)).toMatchObject({ sent: true, ackedBy: agent.userId }), { timeout: 10_000, interval: 100 })
    expect((await a.device.storage.notices.statusOf([id])).get(id)?.ackedDevice).toMatch(new RegExp(`^${agent.userId}:`))

    // The server holds the notice as ciphertext: the visitor's name is nowhere in lobby_org.
    const { body } = await server.admin.request('GET', 'lobby_org/_all_docs?include_docs=true')
    const raw = JSON.stringify(body)
    expect(raw).toContain(id)
    expect(raw).not.toContain(visitor.name)

    // A third staff member (the admin) replicates it and cannot open it.
    await (await admin.engineFor(adminSession)).runOnce()
    admin.setKeys(keySourceFrom(adminSession.keyring))
    expect(await admin.storage.notices.mine()).toEqual([])
    const held = (await admin.db.notices.get(id)) as NoticeDoc
    await expect(openSealed(adminSession.keyring.userKeys.ecdh.privateKey, held.box, `notice|${id}|${held.by}`)).rejects.toMatchObject({ code: 'tampered' })
  })

  it('an acknowledgement forged by another staff member is refused by the server (403), and one slipped in past it by the client', { timeout: 90_000 }, async () => {
    const admin = testDevice(server.dbUrl)
    const adminSession = await foundOrganisation(admin, server.admin)
    const desk = await addStaff(admin, server.admin, adminSession, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    const agent = await addStaff(admin, server.admin, adminSession, { name: '张经纪', username: 'zhang.agent', role: 'agent' })
    expect((await admin.login(adminSession.userId, adminSession.serverPassword!)).ok).toBe(true)
    expect((await (await admin.engineFor(adminSession)).runOnce()).state).toBe('idle')
    const a = await joined(desk, 'li.desk')
    const engineA = await a.device.engineFor(a.session)
    const id = await a.device.storage.notices.send({ to: agent.userId, kind: 'visitor-arrived', body: visitor, at: Date.now() })
    expect((await engineA.runOnce()).state).toBe('idle')
    const nid = id.split(':')[2]
    const forged = { _id: `notice-ack:${agent.userId}:${nid}`, type: 'notice-ack', by: agent.userId, nid, at: Date.now(), device: `${agent.userId}:x`, sig: 'AAAA' }

    // The desk user writes the agent's acknowledgement: refused, whichever name it gives.
    expect((await a.device.request(`lobby_org/${forged._id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) })).status).toBe(403)
    expect((await a.device.request(`lobby_org/${forged._id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...forged, by: desk.userId }) })).status).toBe(403)
    // Whoever runs the server writes it anyway: the desk's device does not believe it.
    expect((await server.admin.request('PUT', `lobby_org/${forged._id}`, { body: forged })).status).toBe(201)
    expect((await engineA.runOnce()).state).toBe('idle')
    expect(await a.device.db.notices.get(forged._id)).toBeDefined()
    expect((await a.device.storage.notices.statusOf([id])).get(id)?.ackedAt).toBeUndefined()
    expect((await a.device.storage.quarantined()).map((q) => q.docId)).toContain(forged._id)
  })

  it('on a shared tablet, another user\'s round leaves the notice for its author\'s own (the server would refuse it)', { timeout: 90_000 }, async () => {
    const tablet = testDevice(server.dbUrl)
    const adminSession = await foundOrganisation(tablet, server.admin)
    const desk = await addStaff(tablet, server.admin, adminSession, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    const agent = await addStaff(tablet, server.admin, adminSession, { name: '张经纪', username: 'zhang.agent', role: 'agent' })
    const first = await signIn(tablet.storage, 'li.desk', desk.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(tablet.storage, first.pending, { passphrase: 'green tea every single morning 7', agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    tablet.setKeys(keySourceFrom(done.session.keyring))
    const id = await tablet.storage.notices.send({ to: agent.userId, kind: 'visitor-arrived', body: visitor, at: Date.now() })

    // The desk user locks; the admin signs in on the same tablet and syncs.
    tablet.setKeys(keySourceFrom(adminSession.keyring))
    expect((await tablet.login(adminSession.userId, adminSession.serverPassword!)).ok).toBe(true)
    expect((await (await tablet.engineFor(adminSession)).runOnce()).state).toBe('idle')
    expect((await server.admin.request('GET', `lobby_org/${id}`, { ok: [404] })).status).toBe(404)

    tablet.setKeys(keySourceFrom(done.session.keyring))
    expect((await tablet.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    expect((await (await tablet.engineFor(done.session as Session)).runOnce()).state).toBe('idle')
    expect((await server.admin.request('GET', `lobby_org/${id}`)).body.by).toBe(desk.userId)
  })
})
