import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { open } from '@/crypto/envelope'
import { keyLookup } from '@/crypto/keyring'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { deactivateStaff, finishPendingDepartures, reencryptRealm, resumeDepartures, type DepartureServer } from './deactivate-staff'
import { completeFirstSignIn } from './first-sign-in'
import { acceptGrants, openGrant, sealGrant } from './key-grants'
import { createOrganisation } from './organisation'
import { setPin, unlockWithPin } from './pin'
import { PermissionError, type Session } from './session'
import { signIn } from './sign-in'
import { createStaff } from './staff-accounts'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const adminPass = 'front desk keeps the keys 2026'
const passphrases = { leaver: 'green tea every single morning', stayer: 'jasmine tea every single evening', boss: 'oolong tea after each meeting' }

/** One device: an admin, a manager and two front-desk users who have all signed in once. */
async function organisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: adminPass, agreementAccepted: true }, cost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const users: Record<string, Session> = {}
  for (const [username, role] of [['leaver', 'frontdesk'], ['stayer', 'frontdesk'], ['boss', 'manager']] as const) {
    const created = await createStaff(t.storage, org.session, { name: username, username, role }, cost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, username, created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: passphrases[username], agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    users[username] = done.session
  }
  return { ...t, admin: org.session, users: users as Record<'leaver' | 'stayer' | 'boss', Session> }
}

const fakeServer = (): DepartureServer & { disabled: string[] } => {
  const disabled: string[] = []
  return { disabled, disable: async (t) => void disabled.push(t.userId), withdrawn: async () => false }
}

describe('CONF-9: deactivation and key rotation (one device, no server)', { timeout: 30_000 }, () => {
  it('deactivates, rotates the realms the leaver held, wraps them to every remaining holder but the leaver', async () => {
    const { storage, admin, users } = await organisation()
    const server = fakeServer()
    const result = await deactivateStaff(storage, admin, users.leaver.userId, server)
    if (!result.ok) throw new Error(result.problem)
    expect(result.server).toBe('disabled')
    expect(server.disabled).toEqual([users.leaver.userId])
    expect((await storage.signIns.getAccount(users.leaver.userId))?.status).toBe('deactivated')
    expect(result.rotations.map((r) => r.kid)).toEqual(['directory:2', 'desk:2', 'field:2'])
    for (const r of result.rotations) expect(new Set(r.holders)).toEqual(new Set([admin.userId, users.stayer.userId, users.boss.userId]))
    expect(await storage.grants.addressedTo(users.leaver.userId)).toEqual([])
    // The leaver's ECDH key opens none of the grants, even one they could fetch.
    const stayerGrant = (await storage.grants.addressedTo(users.stayer.userId))[0]!
    await expect(openGrant({ ...stayerGrant, userId: users.leaver.userId }, users.leaver.keyring)).rejects.toMatchObject({ name: 'CryptoError' })
    // The leaver can no longer sign in on this device.
    expect(await signIn(storage, 'leaver', passphrases.leaver)).toMatchObject({ status: 'refused', reason: 'deactivated' })
    // Nothing can be repeated, and nobody deactivates themselves.
    expect(await deactivateStaff(storage, admin, users.leaver.userId)).toEqual({ ok: false, problem: 'already-deactivated' })
    expect(await deactivateStaff(storage, admin, admin.userId)).toEqual({ ok: false, problem: 'self' })
  })

  it('Issue 9 §5: a deactivation and a resume started together on one device rotate each realm once (the claim is the user\'s, so only the device keeps them apart)', async () => {
    const { storage, admin, users } = await organisation()
    // The sync server as the real one answers: an epoch claimed by this user is this user's, however often asked.
    const claims = new Map<string, string>()
    let resumed: Promise<{ rotations: { kid: string }[] }[]> | undefined
    const server: DepartureServer = {
      ...fakeServer(),
      claimEpoch: async (kid, { by, device }) => {
        // A sync round ends while the deactivation rotates: it resumes the departures it finds pending.
        resumed ??= resumeDepartures(storage, admin, server, [])
        const claimant = `${by} on ${device}`
        return (claims.get(kid) ?? (claims.set(kid, claimant), claimant)) === claimant ? 'claimed' : 'taken'
      },
    }
    const result = await deactivateStaff(storage, admin, users.leaver.userId, server, [])
    const others = (await resumed) ?? []
    if (!result.ok) throw new Error(result.problem)
    const minted = [...result.rotations, ...others.flatMap((o) => o.rotations)].map((r) => r.kid).sort()
    expect(minted).toEqual(['desk:2', 'directory:2', 'field:2'])
    expect((await storage.grants.addressedTo(users.stayer.userId)).map((g) => g.kid).sort()).toEqual(['desk:2', 'directory:2', 'field:2'])
  })

  describe('two tabs of one device', () => {
    afterEach(() => vi.unstubAllGlobals())

    /** The browser's Web Locks: one manager for the whole origin, every tab's request of a name waits its turn. */
    function originLocks() {
      const queues = new Map<string, Promise<unknown>>()
      const requested: string[] = []
      const request = (name: string, work: () => Promise<unknown>) => {
        requested.push(name)
        const turn = (queues.get(name) ?? Promise.resolve()).then(() => work())
        queues.set(name, turn.catch(() => undefined))
        return turn
      }
      return { requested, request }
    }

    /** A tab: its own copy of the module (its own in-memory queue), as a second browser tab has. */
    async function tab() {
      vi.resetModules()
      return import('./deactivate-staff')
    }

    it('Issue 9 §5: a deactivation in one tab and a resume in another rotate each realm once (the claim is this user\'s on this device in both)', async () => {
      const { storage, admin, users } = await organisation()
      const locks = originLocks()
      vi.stubGlobal('navigator', { locks })
      const [first, second] = [await tab(), await tab()]
      const again = await signIn(storage, 'admin', adminPass)
      if (again.status !== 'signed-in') throw new Error(again.status)
      const claims = new Map<string, string>()
      let resumed: Promise<{ rotations: { kid: string }[] }[]> | undefined
      const server: DepartureServer = {
        ...fakeServer(),
        claimEpoch: async (kid, { by, device }) => {
          // The other tab's sync round ends while this one rotates: it resumes the departures it finds pending.
          resumed ??= second.resumeDepartures(storage, again.session, server, [])
          const claimant = `${by} on ${device}`
          return (claims.get(kid) ?? (claims.set(kid, claimant), claimant)) === claimant ? 'claimed' : 'taken'
        },
      }
      const result = await first.deactivateStaff(storage, admin, users.leaver.userId, server, [])
      const others = (await resumed) ?? []
      if (!result.ok) throw new Error(result.problem)
      const minted = [...result.rotations, ...others.flatMap((o) => o.rotations)].map((r) => r.kid).sort()
      expect(minted).toEqual(['desk:2', 'directory:2', 'field:2'])
      expect(new Set(locks.requested)).toEqual(new Set(['lobby-rotation']))
    })
  })

  it('a grant is taken in memory after a PIN-like unlock (no KEK) and kept; with the KEK it is locked into the keyring and deleted', async () => {
    const { storage, admin, users } = await organisation()
    await deactivateStaff(storage, admin, users.leaver.userId)
    const stayer = users.stayer
    const withoutKek = { ...stayer, kek: undefined }
    const inMemory = await acceptGrants(storage, withoutKek)
    expect({ ...inMemory, accepted: inMemory.accepted.sort() }).toEqual({ accepted: ['desk:2', 'directory:2', 'field:2'], relocked: false })
    expect(stayer.keyring.realmKeys.has('directory:2')).toBe(true)
    expect(await storage.grants.addressedTo(stayer.userId)).toHaveLength(3)
    expect(await acceptGrants(storage, stayer)).toEqual({ accepted: [], relocked: true })
    expect(await storage.grants.addressedTo(stayer.userId)).toEqual([])
    const again = await signIn(storage, 'stayer', passphrases.stayer)
    if (again.status !== 'signed-in') throw new Error(again.status)
    expect([...again.session.keyring.realmKeys.keys()].sort()).toEqual(['desk:1', 'desk:2', 'directory:1', 'directory:2', 'field:1', 'field:2'])
    expect([...again.session.keyring.indexKeys.keys()].sort()).toEqual(['desk', 'desk:2', 'directory', 'directory:2', 'field', 'field:2'])
  })

  it('a PIN box set before the rotation still gets the new keys on this device after the grant is gone', async () => {
    const { storage, admin, users } = await organisation()
    const stayer = users.stayer
    expect(await setPin(storage, stayer, '482913', cost)).toBeNull()
    await deactivateStaff(storage, admin, users.leaver.userId)
    expect(await acceptGrants(storage, stayer)).toMatchObject({ relocked: true })
    expect(await storage.grants.addressedTo(stayer.userId)).toEqual([])
    const pin = await unlockWithPin(storage, stayer.userId, '482913')
    if (!pin.ok) throw new Error(pin.refusal.reason)
    expect(pin.keyring.realmKeys.has('directory:2')).toBe(false) // the PIN box predates the rotation…
    await acceptGrants(storage, { userId: stayer.userId, keyring: pin.keyring })
    expect(pin.keyring.realmKeys.has('directory:2')).toBe(true) // …and the device-local copy fills the gap
  })

  it('new records use the new epoch; lookups find records under either epoch; re-encryption moves them all and the old keyring opens none', async () => {
    const { db, storage, admin, users, setKeys } = await organisation()
    const before = await storage.people.put({ name: '欧阳娜娜', phone: '13912345678', createdAt: '2026-11-28T09:00:00Z' })
    await deactivateStaff(storage, admin, users.leaver.userId)
    const after = await storage.people.put({ name: '张三', phone: '13800138000', createdAt: '2026-11-29T09:00:00Z' })
    expect((await db.records.get(after))?.kid).toBe('directory:2')
    expect((await db.records.get(before))?.kid).toBe('directory:1')
    expect((await storage.people.findBy('phone', '139 1234 5678')).map((s) => s.id)).toEqual([before])
    expect((await storage.people.findBy('phone', '13800138000')).map((s) => s.id)).toEqual([after])

    const done = await reencryptRealm(storage, 'directory', 1, { batchSize: 2 })
    expect(done).toMatchObject({ finished: true, skipped: 0 })
    expect(done.done).toBe(done.total)
    const directory = (await db.records.toArray()).filter((r) => r.realm === 'directory')
    expect(directory.every((r) => r.kid === 'directory:2')).toBe(true)
    for (const r of directory) await expect(open(r, keyLookup(users.leaver.keyring))).rejects.toMatchObject({ code: 'unknown-key' })
    // Blind indexes were recomputed with the new index key: found with it alone.
    setKeys({ ...keySourceFrom(admin.keyring), indexKeys: undefined })
    expect((await storage.people.findBy('phone', '13912345678')).map((s) => s.id)).toEqual([before])
    expect(await storage.people.get(before)).toMatchObject({ name: '欧阳娜娜' })
  })

  it('staff created after a rotation receive every epoch, index keys included', async () => {
    const { storage, admin, users, setKeys } = await organisation()
    const old = await storage.people.put({ name: '李四', phone: '13700137000', createdAt: '2026-11-28T09:00:00Z' })
    await deactivateStaff(storage, admin, users.leaver.userId)
    const created = await createStaff(storage, admin, { name: 'newbie', username: 'newbie', role: 'frontdesk' }, cost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(storage, 'newbie', created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    expect([...first.pending.keyring.indexKeys.keys()].sort()).toEqual(['desk', 'desk:2', 'directory', 'directory:2', 'field', 'field:2'])
    setKeys(keySourceFrom(first.pending.keyring))
    expect((await storage.people.findBy('phone', '13700137000')).map((s) => s.id)).toEqual([old])
  })

  it('a manager deactivates but leaves the server part to an admin, and cannot deactivate an admin; the front desk cannot at all', async () => {
    const { storage, admin, users } = await organisation()
    const boss = users.boss
    expect(await deactivateStaff(storage, boss, admin.userId)).toEqual({ ok: false, problem: 'not-allowed' })
    await expect(deactivateStaff(storage, users.stayer, users.leaver.userId)).rejects.toBeInstanceOf(PermissionError)
    const result = await deactivateStaff(storage, boss, users.leaver.userId, fakeServer())
    expect(result).toMatchObject({ ok: true, server: 'admin-needed' })
    const server = fakeServer()
    expect(await finishPendingDepartures(storage, boss, server)).toEqual([])
    expect(await finishPendingDepartures(storage, admin, server)).toEqual([users.leaver.userId])
    // The admin takes in the keys the manager minted.
    await acceptGrants(storage, admin)
    expect(admin.keyring.realmKeys.has('directory:2')).toBe(true)
  })
})

const managerPass = { m1: 'black coffee every single morning', m2: 'green tea every single afternoon', m3: 'warm milk every single night', desk: 'orange juice at every single break' }

/** One device: an admin, three managers (m2 will leave) and a front-desk user, all signed in once. */
async function managers() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: adminPass, agreementAccepted: true }, cost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const users: Record<string, Session> = {}
  for (const [username, role] of [['m1', 'manager'], ['m2', 'manager'], ['m3', 'manager'], ['desk', 'frontdesk']] as const) {
    const created = await createStaff(t.storage, org.session, { name: username, username, role }, cost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, username, created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: managerPass[username], agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    users[username] = done.session
  }
  return { ...t, admin: org.session, users: users as Record<'m1' | 'm2' | 'm3' | 'desk', Session> }
}

/** The audit actions `keys` can read, by entry id (undefined: sealed to a key not held). */
async function readable(storage: ReturnType<typeof createTestStorage>['storage'], keys: Session['keyring']['auditPrivate']) {
  return new Map((await storage.audit.read(keys ?? new Map())).map((r) => [r.entry._id, r.event?.action]))
}

describe('CONF-9: a departing manager and the audit key', { timeout: 30_000 }, () => {
  it('an admin deactivates manager m2: new entries are sealed to audit:2, which m2 cannot open and m1, m3 and the admin can; old entries stay readable', async () => {
    const { storage, admin, users } = await managers()
    const before = (await storage.audit.append({ action: 'lock', by: users.m1.userId }))!
    const m2Old = users.m2.keyring.auditPrivate
    expect([...(m2Old?.keys() ?? [])]).toEqual(['audit:1'])

    const result = await deactivateStaff(storage, admin, users.m2.userId, fakeServer())
    if (!result.ok) throw new Error(result.problem)
    expect(result.audit).toMatchObject({ fromKid: 'audit:1', kid: 'audit:2', published: true })
    expect(new Set(result.audit?.holders)).toEqual(new Set([admin.userId, users.m1.userId, users.m3.userId]))
    expect(await storage.signIns.getOrg()).toMatchObject({ auditKid: 'audit:2' })
    expect(await storage.grants.addressedTo(users.m2.userId)).toEqual([])
    expect((await storage.grants.addressedTo(users.desk.userId)).filter((g) => g.kid.startsWith('audit'))).toEqual([])

    const after = (await storage.audit.append({ action: 'reveal', by: users.m1.userId, recordId: 'p1' }))!
    expect([before.akid, after.akid]).toEqual(['audit:1', 'audit:2'])
    // m2's old keyring reads what was written before, nothing after.
    expect((await readable(storage, m2Old)).get(before._id)).toBe('lock')
    expect((await readable(storage, m2Old)).get(after._id)).toBeUndefined()
    // The acting admin took in their grant at once; m1 and m3 take theirs in (as after a sync) and read both.
    expect([...(admin.keyring.auditPrivate?.keys() ?? [])].sort()).toEqual(['audit:1', 'audit:2'])
    for (const m of [users.m1, users.m3]) {
      expect(await acceptGrants(storage, m)).toMatchObject({ accepted: expect.arrayContaining(['audit:2', 'desk:2']), relocked: true })
      const read = await readable(storage, m.keyring.auditPrivate)
      expect([read.get(before._id), read.get(after._id)]).toEqual(['lock', 'reveal'])
    }
    // Locked into m1's stored keyring: a later passphrase sign-in has both keys.
    const again = await signIn(storage, 'm1', managerPass.m1)
    if (again.status !== 'signed-in') throw new Error(again.status)
    expect([...(again.session.keyring.auditPrivate?.keys() ?? [])].sort()).toEqual(['audit:1', 'audit:2'])
    // A manager created afterwards by m1 gets every audit key; a front-desk user none.
    const created = await createStaff(storage, again.session, { name: 'm4', username: 'm4', role: 'manager' }, cost)
    if (!created.ok) throw new Error(created.problem)
    const m4 = await signIn(storage, 'm4', created.setupCode)
    if (m4.status !== 'setup-required') throw new Error(m4.status)
    expect([...(m4.pending.keyring.auditPrivate?.keys() ?? [])].sort()).toEqual(['audit:1', 'audit:2'])
    expect(users.desk.keyring.auditPrivate).toBeUndefined()
    // The rotation is audited, sealed to the new key.
    const rotate = (await storage.audit.read(admin.keyring.auditPrivate!)).find((r) => r.event?.action === 'key.rotate' && r.event.recordId === 'audit:2')
    expect(rotate?.entry.akid).toBe('audit:2')
  })

  it('a manager deactivates m2: entries keep the old key until an admin device publishes audit:2; a key minted by a departed manager is never published', async () => {
    const { storage, admin, users } = await managers()
    const m2Old = users.m2.keyring.auditPrivate
    const result = await deactivateStaff(storage, users.m1, users.m2.userId, fakeServer())
    expect(result).toMatchObject({ ok: true, server: 'admin-needed', audit: { kid: 'audit:2', published: false } })
    if (!result.ok) throw new Error(result.problem)
    // The acting manager holds the new key already; the founding admin, its custodian, gets it too.
    expect(new Set(result.audit?.holders)).toEqual(new Set([admin.userId, users.m1.userId, users.m3.userId]))
    expect(users.m1.keyring.auditPrivate?.has('audit:2')).toBe(true)
    expect((await storage.signIns.getOrg())?.auditKid).toBe('audit:1')
    expect((await storage.audit.append({ action: 'lock', by: users.desk.userId }))?.akid).toBe('audit:1')

    // m2's device, still syncing until an admin disables the account, offers its own key: refused.
    const forged = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
    const publicJwk = await crypto.subtle.exportKey('jwk', forged.publicKey)
    await storage.grants.putAuditKey({ _id: 'audit-key:audit:3', type: 'audit-key', kid: 'audit:3', publicJwk, by: users.m2.userId, createdAt: '2026-12-01T00:00:00Z' })

    expect(await finishPendingDepartures(storage, users.m1, fakeServer())).toEqual([])
    expect((await storage.signIns.getOrg())?.auditKid).toBe('audit:1')
    expect(await finishPendingDepartures(storage, admin, fakeServer())).toEqual([users.m2.userId])
    expect((await storage.signIns.getOrg())?.auditKid).toBe('audit:2')

    const after = (await storage.audit.append({ action: 'unlock', by: users.desk.userId }))!
    expect(after.akid).toBe('audit:2')
    expect((await readable(storage, m2Old)).get(after._id)).toBeUndefined()
    expect((await readable(storage, users.m1.keyring.auditPrivate)).get(after._id)).toBe('unlock')
    await acceptGrants(storage, users.m3)
    expect((await readable(storage, users.m3.keyring.auditPrivate)).get(after._id)).toBe('unlock')
  })

  it('a front-desk leaver does not rotate the audit key', async () => {
    const { storage, admin, users } = await managers()
    const result = await deactivateStaff(storage, admin, users.desk.userId)
    expect(result).toMatchObject({ ok: true })
    expect(result.ok && result.audit).toBeUndefined()
    expect((await storage.signIns.getOrg())?.auditKid).toBe('audit:1')
  })

  it('an audit grant that does not hold an audit key is refused as malformed', async () => {
    const { storage, admin, users } = await managers()
    const keyring = await storage.signIns.getKeyring(users.m1.userId)
    const bad = await sealGrant({ userId: keyring!.userId, ecdh: keyring!.publicKeys.ecdh }, { kid: 'audit:2', realmKey: 'x', indexKeyId: 'directory:2', indexKey: 'y' }, admin)
    await expect(openGrant(bad, users.m1.keyring)).rejects.toMatchObject({ code: 'malformed' })
  })
})
