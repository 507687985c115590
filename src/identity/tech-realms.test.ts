import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { StaffRole } from '@/core/access/roles'
import { open, seal, type Envelope } from '@/crypto/envelope'
import { currentKid, keyLookup, type Keyring } from '@/crypto/keyring'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { deactivateStaff } from './deactivate-staff'
import { completeFirstSignIn } from './first-sign-in'
import { acceptGrants } from './key-grants'
import { createOrganisation } from './organisation'
import type { Session } from './session'
import { signIn } from './sign-in'
import { createStaff } from './staff-accounts'
import { testFounder, testKdfCost } from './testing'

const passphrase = (username: string) => `field notes kept ${[...username].reverse().join('')} 2026`

/** One device: the founding admin, then colleagues created by `by` (the admin unless named), each signed in once. */
async function organisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, testFounder, testKdfCost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const add = async (username: string, role: StaffRole, by: Session = org.session) => {
    const created = await createStaff(t.storage, by, { name: username, username, role }, testKdfCost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, username, created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: passphrase(username), agreementAccepted: true }, testKdfCost)
    if (!done.ok) throw new Error(done.problem)
    return { ...created, session: done.session as Session }
  }
  /** A fresh passphrase sign-in: the keyring as stored (grants taken in at sign-in, as the app does). */
  const again = async (username: string) => {
    const s = await signIn(t.storage, username, username === testFounder.username ? testFounder.passphrase : passphrase(username))
    if (s.status !== 'signed-in') throw new Error(s.status)
    await acceptGrants(t.storage, s.session)
    return s.session
  }
  return { ...t, admin: org.session, add, again }
}

/** A record sealed in `realm` with the newest key of it `keyring` holds, as a device writes one. */
async function sealIn(keyring: Keyring, realm: string, id: string): Promise<Envelope> {
  const kid = currentKid(keyring, realm)
  if (!kid) throw new Error(`no key of ${realm}`)
  return seal({ _id: `job-work:${id}`, type: 'job-work', realm, kid, v: 1, by: keyring.userId }, { workDone: `work ${id}` }, keyring.realmKeys.get(kid)!)
}

const realmKids = (keyring: Keyring) => [...keyring.realmKeys.keys()].sort()

describe('issue 15 §3: a technician\'s own realm key', { timeout: 60_000 }, () => {
  it('a new technician\'s keyring holds only tech:<own>; the creator keeps it; every lead and manager gets a signed grant, nobody else', async () => {
    const { storage, admin, add, again } = await organisation()
    const lead = await add('lead', 'lead')
    const manager = await add('manager', 'manager')
    const agent = await add('agent', 'agent')
    const desk = await add('desk', 'frontdesk')
    const tech = await add('tech', 'technician')
    const realm = `tech:${tech.userId}`
    expect(tech.techRealm).toBe(realm)
    expect(realmKids(tech.session.keyring)).toEqual([`${realm}:1`])
    expect([...tech.session.keyring.indexKeys.keys()]).toEqual([`${realm}:1`])
    expect(tech.session.keyring.auditPrivate).toBeUndefined()

    // The creator took in their own grant at once: in memory and in the stored keyring.
    expect(admin.keyring.realmKeys.has(`${realm}:1`)).toBe(true)
    expect((await again('admin')).keyring.realmKeys.has(`${realm}:1`)).toBe(true)
    const addressed = async (s: { userId: string }) => (await storage.grants.addressedTo(s.userId)).map((g) => g.kid)
    expect(await addressed(lead)).toEqual([`${realm}:1`])
    expect(await addressed(manager)).toEqual([`${realm}:1`])
    for (const other of [agent, desk, tech]) expect(await addressed(other)).toEqual([])
    // The technician's key opens their realm, and it is the same key the others were granted.
    const work = await sealIn(tech.session.keyring, realm, '1')
    expect(await open(work, keyLookup(admin.keyring))).toEqual({ workDone: 'work 1' })
    for (const other of [agent, desk]) await expect(open(work, keyLookup(other.session.keyring))).rejects.toMatchObject({ code: 'unknown-key' })
  })

  it('a lead and a manager open a record sealed in it once they take the grant in; a lead or manager created later is handed it', async () => {
    const { storage, admin, add } = await organisation()
    const lead = await add('lead', 'lead')
    const manager = await add('manager', 'manager')
    const tech = await add('tech', 'technician', manager.session)
    const realm = `tech:${tech.userId}`
    const work = await sealIn(tech.session.keyring, realm, '1')
    await expect(open(work, keyLookup(lead.session.keyring))).rejects.toMatchObject({ code: 'unknown-key' })
    // Created by the manager: the manager kept it; the admin and the lead receive it.
    expect(await open(work, keyLookup(manager.session.keyring))).toEqual({ workDone: 'work 1' })
    for (const who of [lead.session, admin]) {
      expect((await acceptGrants(storage, who)).accepted).toEqual([`${realm}:1`])
      expect(await open(work, keyLookup(who.keyring))).toEqual({ workDone: 'work 1' })
    }
    const later = await add('lead2', 'lead', manager.session)
    expect(realmKids(later.session.keyring)).toContain(`${realm}:1`)
    expect(await open(work, keyLookup(later.session.keyring))).toEqual({ workDone: 'work 1' })
    const laterManager = await add('manager2', 'manager', admin)
    expect(await open(work, keyLookup(laterManager.session.keyring))).toEqual({ workDone: 'work 1' })
    // Another technician gets only their own.
    const other = await add('tech2', 'technician')
    expect(realmKids(other.session.keyring)).toEqual([`tech:${other.userId}:1`])
  })

  it('CONF-9: a lead leaves: each open technician\'s realm gets epoch 2, for the technician and the remaining leads, managers and admins; the leaver\'s keys do not open it', async () => {
    const { storage, admin, add, again } = await organisation()
    const leaver = await add('leaver', 'lead')
    const stayer = await add('stayer', 'lead')
    const manager = await add('manager', 'manager')
    const tech = await add('tech', 'technician')
    const realm = `tech:${tech.userId}`
    for (const who of [leaver, stayer, manager]) await acceptGrants(storage, who.session)
    expect(leaver.session.keyring.realmKeys.has(`${realm}:1`)).toBe(true)

    const result = await deactivateStaff(storage, admin, leaver.userId, undefined, [])
    if (!result.ok) throw new Error(result.problem)
    const rotation = result.rotations.find((r) => r.realm === realm)
    expect(rotation?.kid).toBe(`${realm}:2`)
    expect(new Set(rotation?.holders)).toEqual(new Set([admin.userId, stayer.userId, manager.userId, tech.userId]))
    expect((await storage.signIns.getAccount(leaver.userId))?.departure?.pending).toEqual([])

    // The technician writes under the new epoch once they take it in (their next sign-in).
    const techNow = await again('tech')
    expect(realmKids(techNow.keyring)).toEqual([`${realm}:1`, `${realm}:2`])
    const work = await sealIn(techNow.keyring, realm, '2')
    expect(work.kid).toBe(`${realm}:2`)
    await expect(open(work, keyLookup(leaver.session.keyring))).rejects.toMatchObject({ code: 'unknown-key' })
    for (const who of [stayer.session, manager.session]) {
      await acceptGrants(storage, who)
      expect(await open(work, keyLookup(who.keyring))).toEqual({ workDone: 'work 2' })
    }
    // Older records still open with the older epoch the others keep.
    expect(await open(await sealIn(tech.session.keyring, realm, '1'), keyLookup(stayer.session.keyring))).toEqual({ workDone: 'work 1' })
  })

  it('CONF-9: a technician leaves: nothing is rotated, their realm is closed (no lead or manager created later receives it, no later departure rotates it)', async () => {
    const { storage, admin, add } = await organisation()
    const lead = await add('lead', 'lead')
    const tech = await add('tech', 'technician')
    const stays = await add('stays', 'technician')
    const closed = `tech:${tech.userId}`
    const open_ = `tech:${stays.userId}`
    await acceptGrants(storage, lead.session)

    const left = await deactivateStaff(storage, admin, tech.userId, undefined, [])
    if (!left.ok) throw new Error(left.problem)
    expect(left.rotations).toEqual([])
    expect(admin.keyring.realmKeys.has(`${closed}:1`)).toBe(true) // what is in it stays readable to those who hold it

    const newLead = await add('newlead', 'lead')
    expect(realmKids(newLead.session.keyring).filter((k) => k.startsWith('tech:'))).toEqual([`${open_}:1`])

    const leadLeft = await deactivateStaff(storage, admin, lead.userId, undefined, [])
    if (!leadLeft.ok) throw new Error(leadLeft.problem)
    expect(leadLeft.rotations.map((r) => r.kid).filter((k) => k.startsWith('tech:'))).toEqual([`${open_}:2`])
  })
})
