// @vitest-environment node
// Issue 15 §3: a technician's own realm end to end through the embedded server: the admin creates the technician
// and asks for their database; the technician's phone replicates only that database; a lead's tablet takes the
// granted key in during a round and replicates it from then on; a lead's departure rotates it.
import { describe, expect, it } from 'vitest'
import { open, type Envelope } from '../../src/crypto/envelope'
import { keyLookup } from '../../src/crypto/keyring'
import { deactivateStaff } from '../../src/identity/deactivate-staff'
import { acceptGrants } from '../../src/identity/key-grants'
import type { Session } from '../../src/identity/session'
import { createSealedRepo } from '../../src/storage/sealed-repo'
import { claimEpochOnServer } from '../../src/sync/epoch-claim'
import { databaseNameFor } from '../../src/sync/remote-names'
import { askForTechRealm, techRealmOutcome } from '../../src/sync/tech-realms'
import { testDevice } from './device'
import { addStaff, firstSignIn, foundOrganisation } from './organisation'
import { eachTestSyncServer } from './sync-server'

type Device = ReturnType<typeof testDevice>

describe('a technician\'s own database and key through the sync server (issue 15 §3)', () => {
  const server = eachTestSyncServer()

  /** The admin on device A creates two leads and a technician, and asks for the technician's database. */
  async function founded() {
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const lead = await addStaff(a, server.admin, admin, { name: '刘组长', username: 'liu.lead', role: 'lead' })
    const lead2 = await addStaff(a, server.admin, admin, { name: '陈组长', username: 'chen.lead', role: 'lead' })
    const tech = await addStaff(a, server.admin, admin, { name: '张师傅', username: 'zhang.tech', role: 'technician' })
    expect(tech.techRealm).toBe(`tech:${tech.userId}`)
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    await askForTechRealm(server.dbUrl, { userId: tech.userId, by: admin.userId, at: Date.now() }, a.fetch)
    expect(await techRealmOutcome(server.dbUrl, tech.userId, { fetchFn: a.fetch, timeoutMs: 5000, pauseMs: 50 })).toEqual({ state: 'ready' })
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')
    return { a, admin, lead, lead2, tech, realm: tech.techRealm!, database: databaseNameFor(tech.techRealm!) }
  }

  /** A device whose user takes in key grants right after the organisation's database, as the app does. */
  const engineWithGrants = (device: Device, session: Session) =>
    device.engineFor(session, undefined, { afterChannel: async (ch) => void (ch.tables.includes('keyrings') && (await acceptGrants(device.storage, session))) })

  const jobWork = (device: Device, realm: string) => createSealedRepo<{ workDone: string }>(device.storage.recordContext, { type: 'job-work', realm, version: 1 })
  const stored = async (database: string, id: string) => (await server.admin.request('GET', `${database}/${encodeURIComponent(id)}`)).body as Envelope

  it('the technician\'s phone replicates their own database only; a lead\'s tablet takes the grant in and reads it in the same round; the admin replicates none', async () => {
    const { a, lead, tech, realm, database } = await founded()
    expect(a.openedDatabases().some((name) => name.includes(database))).toBe(false)

    const phone = testDevice(server.dbUrl)
    const techSession = await firstSignIn(phone, tech, 'zhang.tech')
    expect([...techSession.keyring.realmKeys.keys()]).toEqual([`${realm}:1`])
    const id = await jobWork(phone, realm).put({ workDone: 'replaced the router in the basement' })
    expect((await (await phone.engineFor(techSession)).runOnce()).state).toBe('idle')
    expect((await stored(database, id)).kid).toBe(`${realm}:1`)
    const opened = phone.openedDatabases().filter((name) => name.includes('lobby_') && !/lobby_(org|public|audit)$/.test(name))
    expect(opened.map((name) => name.slice(name.lastIndexOf('/') + 1))).toEqual([database])

    const tablet = testDevice(server.dbUrl)
    const leadSession = await firstSignIn(tablet, lead, 'liu.lead')
    expect(leadSession.keyring.realmKeys.has(`${realm}:1`)).toBe(false)
    expect((await (await engineWithGrants(tablet, leadSession)).runOnce()).state).toBe('idle')
    expect(leadSession.keyring.realmKeys.has(`${realm}:1`)).toBe(true)
    expect(await jobWork(tablet, realm).get(id)).toEqual({ workDone: 'replaced the router in the basement' })
    expect(await tablet.db.quarantine.count()).toBe(0)

    // The lead writes into it (a dispatch's job), and the technician's phone reads it after its next round.
    const jobId = await jobWork(tablet, realm).put({ workDone: 'bring a spare router' })
    expect((await (await engineWithGrants(tablet, leadSession)).runOnce()).state).toBe('idle')
    expect((await (await phone.engineFor(techSession)).runOnce()).state).toBe('idle')
    expect(await jobWork(phone, realm).get(jobId)).toEqual({ workDone: 'bring a spare router' })
  })

  it('CONF-9: a lead leaves; epoch 2 of the technician\'s realm reaches the technician and the other lead, and the leaver\'s old keyring cannot open what is written under it', async () => {
    const { a, admin, lead, lead2, tech, realm, database } = await founded()
    const phone = testDevice(server.dbUrl)
    const techSession = await firstSignIn(phone, tech, 'zhang.tech')
    const leaverTablet = testDevice(server.dbUrl)
    const leaver = await firstSignIn(leaverTablet, lead, 'liu.lead')
    expect((await (await engineWithGrants(leaverTablet, leaver)).runOnce()).state).toBe('idle')
    expect(leaver.keyring.realmKeys.has(`${realm}:1`)).toBe(true)

    const claimEpoch = async (kid: string, claimant: { by: string; device: string }) => claimEpochOnServer(server.dbUrl, kid, claimant, a.fetch)
    const result = await deactivateStaff(a.storage, admin, lead.userId, { disable: async () => {}, withdrawn: async () => false, claimEpoch })
    if (!result.ok) throw new Error(result.problem)
    expect(result.rotations.map((r) => r.kid)).toContain(`${realm}:2`)
    expect((await a.storage.signIns.getAccount(lead.userId))?.departure?.pending).toEqual([])
    expect((await (await a.engineFor(admin)).runOnce()).state).toBe('idle')

    // The technician's phone takes epoch 2 in during its round and writes under it.
    expect((await (await engineWithGrants(phone, techSession)).runOnce()).state).toBe('idle')
    const id = await jobWork(phone, realm).put({ workDone: 'written after the lead left' })
    expect((await (await phone.engineFor(techSession)).runOnce()).state).toBe('idle')
    const envelope = await stored(database, id)
    expect(envelope.kid).toBe(`${realm}:2`)
    await expect(open(envelope, keyLookup(leaver.keyring))).rejects.toMatchObject({ code: 'unknown-key' })

    const tablet = testDevice(server.dbUrl)
    const stayer = await firstSignIn(tablet, lead2, 'chen.lead')
    expect((await (await engineWithGrants(tablet, stayer)).runOnce()).state).toBe('idle')
    expect(await jobWork(tablet, realm).get(id)).toEqual({ workDone: 'written after the lead left' })
    expect(await tablet.db.quarantine.count()).toBe(0)
  })
})
