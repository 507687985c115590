// @vitest-environment node
import 'fake-indexeddb/auto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createServerUser } from '../../server/provision/users.js'
import { createOrganisation } from '../../src/identity/organisation'
import { createStaff } from '../../src/identity/staff-accounts'
import { recordsOfType } from '../../src/storage/records-of-type'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { testDevice } from './device'
import { firstSignIn } from './organisation'
import { startLobbyServer } from '../support/lobby-server'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const total = 2000

describe('sync survives the server going away mid-replication', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c()
  })

  it(`kill the server while a device pulls ${total} records, restart it: every record arrives, exactly once`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lobby-resume-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    let running = await startLobbyServer({ dataDir })
    const { dbUrl: base, admin } = running

    const a = testDevice(base)
    const org = await createOrganisation(a.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost)
    if (!org.ok) throw new Error(org.problem)
    a.setKeys(keySourceFrom(org.session.keyring))
    await createServerUser(admin, { name: org.session.userId, password: org.session.serverPassword!, roles: ['admin'] })
    const desk = await createStaff(a.storage, org.session, { name: '李前台', username: 'li.desk', role: 'frontdesk' }, cost)
    if (!desk.ok) throw new Error(desk.problem)
    await createServerUser(admin, { name: desk.userId, password: desk.serverPassword, roles: ['frontdesk'] })
    for (let i = 0; i < total; i++) {
      await a.storage.people.put({ name: `访客${i}`, phone: `139${String(i).padStart(8, '0')}`, createdAt: '2026-11-28T09:00:00Z' })
    }
    expect((await a.login(org.session.userId, org.session.serverPassword!)).ok).toBe(true)
    expect(await (await a.engineFor(org.session)).runOnce()).toMatchObject({ state: 'idle', pending: 0 })

    const b = testDevice(base)
    const done = { session: await firstSignIn(b, desk, 'li.desk') }
    const engine = await b.engineFor(done.session)

    // Pull, and pull the plug once part of the directory has arrived.
    const round = engine.runOnce()
    // What the device holds of the directory (people and staff profiles), straight from the server's feed.
    const directory = async () => (await recordsOfType(b.db, 'person').count()) + (await recordsOfType(b.db, 'staff').count())
    await vi.waitFor(async () => expect(await directory()).toBeGreaterThanOrEqual(300), { timeout: 60_000, interval: 5 })
    await running.stop()
    const interrupted = await round
    expect(interrupted.state).toBe('offline')
    const partial = await directory()
    expect(partial).toBeLessThan(total)

    running = await startLobbyServer({ dataDir, port: running.port })
    cleanup.push(() => running.stop())
    expect((await engine.runOnce()).state).toBe('idle')
    const people = await b.storage.people.list()
    expect(people.length).toBe(total)
    expect(new Set(people.map((p) => p.id)).size).toBe(total)
    expect(new Set(people.map((p) => p.record.name)).size).toBe(total)
    // Besides the people: two staff profiles (the server's validation design document is never applied). Nothing twice.
    expect(await directory()).toBe(total + 2)
    expect((await b.db.records.toArray()).filter((r) => r.realm === 'directory')).toHaveLength(total + 2)
  }, 180_000)
})
