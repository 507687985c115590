// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { drainLegacyReplicas } from '../../src/sync/legacy-replicas'
import type { PouchDoc } from '../../src/sync/pouch-port'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { firstSignIn, foundedWithDesk } from './organisation'

/** Issue 13: the device reads the server's feed straight into Dexie and pushes straight from it, with no local replica. */
describe('issue 13: sync without a local replica', () => {
  const server = eachTestSyncServer()

  async function twoDevices() {
    const a = testDevice(server.dbUrl)
    const { admin, desk, engineA } = await foundedWithDesk(a, server.admin)
    const b = testDevice(server.dbUrl)
    const deskSession = await firstSignIn(b, desk, 'li.desk')
    const engineB = await b.engineFor(deskSession)
    return { a, b, admin, engineA, engineB }
  }

  it('opens no local database: every document is held once on the device, in Dexie', async () => {
    const { a, b, engineA, engineB } = await twoDevices()
    const id = await a.storage.people.put({ name: '欧阳娜娜', phone: '13912345678', createdAt: '2026-11-28T09:00:00Z' })
    expect((await engineA.runOnce()).state).toBe('idle')
    expect((await engineB.runOnce()).state).toBe('idle')
    expect(await b.storage.people.get(id)).toMatchObject({ name: '欧阳娜娜' })
    for (const device of [a, b]) expect(device.openedDatabases().filter((name) => !/^https?:/.test(name))).toEqual([])
  })

  it('a pushed row carries the revision the server holds, so the next pull skips it', async () => {
    const { a, engineA } = await twoDevices()
    const id = await a.storage.people.put({ name: '张三', phone: '13800138000', createdAt: '2026-11-28T09:00:00Z' })
    expect((await engineA.runOnce()).state).toBe('idle')
    const { body } = await server.admin.request('GET', `lobby_directory/${id}`)
    const row = await a.db.records.get(id)
    expect(row?._rev).toBe(body._rev)
    expect(row?._local).toBeUndefined()
    // An edit goes out as a child of that revision: no conflict on the server.
    await a.storage.people.put({ name: '张三', phone: '13900139000', createdAt: '2026-11-28T09:00:00Z' }, id)
    expect((await engineA.runOnce()).state).toBe('idle')
    const { body: after } = await server.admin.request('GET', `lobby_directory/${id}?conflicts=true`)
    expect(after._rev).toMatch(/^2-/)
    expect(after._conflicts).toBeUndefined()
    expect((await a.db.records.get(id))?._rev).toBe(after._rev)
  })

  it('a refused row is marked, not sent again, and set aside (not lost) when the server\'s own version arrives', async () => {
    const { a, b, engineA, engineB } = await twoDevices()
    expect((await engineB.runOnce()).state).toBe('idle')
    // Staff profiles are for managers: the server refuses one written by the front desk.
    await b.storage.staff.put({ userId: 'x', name: '冒充', username: 'fake', role: 'admin' }, 'staff:x')
    expect(await engineB.runOnce()).toMatchObject({ state: 'error', error: 'forbidden' })
    expect((await b.db.records.get('staff:x'))?._refused).toMatch(/forbidden/)
    // Not sent again: the next round is clean, and nothing waits.
    expect(await engineB.runOnce()).toMatchObject({ state: 'idle', pending: 0 })
    expect(await b.storage.staff.get('staff:x')).toMatchObject({ name: '冒充' })
    // The admin writes the real profile under that id: B takes the server's and keeps its own aside.
    await a.storage.staff.put({ userId: 'x', name: '真名', username: 'real', role: 'frontdesk' }, 'staff:x')
    expect((await engineA.runOnce()).state).toBe('idle')
    expect((await engineB.runOnce()).state).toBe('idle')
    expect(await b.storage.staff.get('staff:x')).toMatchObject({ name: '真名' })
    expect(await b.storage.quarantined()).toEqual([expect.objectContaining({ docId: 'staff:x', reason: expect.stringMatching(/^refused by the server/) })])
  })

  it('a replica kept by a device from before issue 13 is pushed to the server once, then deleted', async () => {
    const { a, engineA } = await twoDevices()
    const id = await a.storage.people.put({ name: '王五', phone: '13700137000', createdAt: '2026-11-28T09:00:00Z' })
    // As the old engine did: the row handed to a local replica (mark cleared), and then the network was gone.
    const row = (await a.db.records.get(id))!
    const { _local: _handed, ...doc } = row
    const legacy = new a.Pouch('lobby-local-lobby_directory')
    const { rev } = await legacy.put(doc as PouchDoc)
    await a.db.records.put({ ...doc, _rev: rev })
    expect((await engineA.runOnce()).state).toBe('idle')
    await expect(server.admin.request('GET', `lobby_directory/${id}`)).rejects.toThrow(/404/) // only the old replica had it
    expect(await drainLegacyReplicas(a.Pouch, engineA.remote, ['lobby-local-lobby_directory'])).toEqual([])
    const { body } = await server.admin.request('GET', `lobby_directory/${id}`)
    expect(body._rev).toBe(rev)
    expect((await new a.Pouch('lobby-local-lobby_directory').info()).doc_count).toBe(0)
  })
})
