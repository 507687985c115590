import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { toBase64Url, utf8 } from '@/crypto/bytes'
import { currentKid } from '@/crypto/keyring'
import { exportRawKey, generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import { openSealed, sealTo } from '@/crypto/sealed-box'
import { exportUserKeyPairs, generateUserKeyPairs, importEcdhPublicKey } from '@/crypto/user-keys'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { deactivateStaff } from './deactivate-staff'
import { completeFirstSignIn } from './first-sign-in'
import { acceptGrants, grantContext, sealGrant } from './key-grants'
import { createOrganisation } from './organisation'
import type { Session } from './session'
import { signIn } from './sign-in'
import { createStaff } from './staff-accounts'
import * as deactivation from './deactivate-staff'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const adminPass = 'front desk keeps the keys 2026'
const pass = (name: string) => `tea every single morning at ${name.length * 7} past`

/** One device: the founding admin, a manager, two agents and two front-desk users who have all signed in once. */
async function organisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: adminPass, agreementAccepted: true }, cost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const users: Record<string, Session> = {}
  const roles = [['desk1', 'frontdesk'], ['desk2', 'frontdesk'], ['agent1', 'agent'], ['agent2', 'agent'], ['boss', 'manager']] as const
  for (const [username, role] of roles) {
    const created = await createStaff(t.storage, org.session, { name: username, username, role }, cost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, username, created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: pass(username), agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    users[username] = done.session
  }
  return { ...t, admin: org.session, users: users as Record<(typeof roles)[number][0], Session> }
}

/** What an attacker writes without any signing key: a realm key of their choosing sealed to the victim's ECDH public key. */
async function forgedGrant(to: { userId: string; ecdh: JsonWebKey }, kid: string, by: string) {
  const realm = kid.slice(0, kid.lastIndexOf(':'))
  const epoch = kid.slice(kid.lastIndexOf(':') + 1)
  const keys = {
    kid,
    realmKey: toBase64Url(await exportRawKey(await generateRealmKey())),
    indexKeyId: `${realm}:${epoch}`,
    indexKey: toBase64Url(await exportRawKey(await generateIndexKey())),
  }
  const box = await sealTo(await importEcdhPublicKey(to.ecdh), utf8(JSON.stringify(keys)), grantContext(to.userId, kid))
  return { _id: `grant:${to.userId}:${kid}`, type: 'grant' as const, userId: to.userId, kid, by, box, createdAt: new Date().toISOString() }
}

describe('CONF-9 root of trust: keys nobody vouches for are refused', { timeout: 30_000 }, () => {
  it('a front-desk user seals a desk key of their choosing (epoch 99) to the admin: the admin never adopts it', async () => {
    const { storage, admin, users } = await organisation()
    const adminKeyring = (await storage.signIns.getKeyring(admin.userId))!
    await storage.grants.put(await forgedGrant({ userId: admin.userId, ecdh: adminKeyring.publicKeys.ecdh }, 'desk:99', users.desk1.userId))
    await storage.grants.put(await forgedGrant({ userId: admin.userId, ecdh: adminKeyring.publicKeys.ecdh }, 'desk:2', users.desk1.userId))
    const result = await acceptGrants(storage, admin)
    expect(result.accepted).toEqual([])
    expect(currentKid(admin.keyring, 'desk')).toBe('desk:1')
    expect(admin.keyring.realmKeys.has('desk:99')).toBe(false)
    // …and the forged grants are set aside and audited, once.
    await acceptGrants(storage, admin)
    const quarantined = (await storage.quarantined()).map((q) => q.docId).sort()
    expect(quarantined).toEqual([`grant:${admin.userId}:desk:2`, `grant:${admin.userId}:desk:99`])
    const audited = (await storage.audit.read(admin.keyring.auditPrivate!)).filter((r) => r.event?.action === 'quarantine')
    expect(audited).toHaveLength(2)
  })

  it('a keyring planted with the front desk’s own public key never makes a rotation hand them the accounts key', async () => {
    const { storage, admin, users } = await organisation()
    const victim = (await storage.signIns.getKeyring(users.agent2.userId))!
    const attacker = (await storage.signIns.getKeyring(users.desk1.userId))!
    await storage.signIns.putKeyring({ ...victim, publicKeys: attacker.publicKeys })
    const result = await deactivateStaff(storage, admin, users.agent1.userId)
    if (!result.ok) throw new Error(result.problem)
    const accounts = result.rotations.find((r) => r.realm === 'accounts')!
    expect(accounts.kid).toBe('accounts:2')
    expect((await storage.grants.addressedTo(users.desk1.userId)).map((g) => g.kid)).toEqual(['directory:2', 'field:2'])
    for (const grant of (await storage.grants.all()).filter((g) => g.userId !== users.desk1.userId)) {
      // Whatever was sealed to anyone else, the front-desk user's private key opens none of it.
      await expect(openSealed(users.desk1.keyring.userKeys.ecdh.privateKey, grant.box, grantContext(grant.userId, grant.kid))).rejects.toMatchObject({ name: 'CryptoError' })
    }
    // agent2 still gets the new key, sealed to their certified key.
    const forAgent2 = await acceptGrants(storage, users.agent2)
    expect(forAgent2.accepted).toContain('accounts:2')
  })

  it('an epoch of 2^53 in a grant nobody signed does not stop the departure rotation', async () => {
    const { storage, admin, users } = await organisation()
    const adminKeyring = (await storage.signIns.getKeyring(admin.userId))!
    await storage.grants.put(await forgedGrant({ userId: admin.userId, ecdh: adminKeyring.publicKeys.ecdh }, `desk:${Number.MAX_SAFE_INTEGER}`, users.desk1.userId))
    const result = await deactivateStaff(storage, admin, users.desk2.userId)
    if (!result.ok) throw new Error(result.problem)
    expect(result.rotations.map((r) => r.kid)).toEqual(['directory:2', 'desk:2', 'field:2'])
    expect(currentKid(admin.keyring, 'desk')).toBe('desk:2')
  })

  it('a departure interrupted mid-rotation is recorded, the leaver stays out, and resuming finishes it', async () => {
    const { storage, admin, users } = await organisation()
    // The rotation of `desk` fails after `directory` was done (a crash, a full disk…).
    const putAll = storage.grants.putAll
    const spy = vi.spyOn(storage.grants, 'putAll').mockImplementation(async (grants) => {
      if (grants[0]?.kid.startsWith('desk:')) throw new Error('disk full')
      return putAll(grants)
    })
    await expect(deactivateStaff(storage, admin, users.desk2.userId)).rejects.toThrow('disk full')
    spy.mockRestore()
    expect((await storage.signIns.getAccount(users.desk2.userId))?.status).toBe('deactivated')
    expect(await signIn(storage, 'desk2', pass('desk2'))).toMatchObject({ status: 'refused', reason: 'deactivated' })
    expect(typeof deactivation.resumeDepartures).toBe('function')

    const resumed = await deactivation.resumeDepartures(storage, admin)
    expect(resumed.map((r) => r.userId)).toEqual([users.desk2.userId])
    expect(currentKid(admin.keyring, 'desk')).toBe('desk:2')
    expect(currentKid(admin.keyring, 'directory')).toBe('directory:2')
    // Nothing left to do; the leaver never got a grant and still cannot sign in.
    expect(await deactivation.resumeDepartures(storage, admin)).toEqual([])
    expect(await storage.grants.addressedTo(users.desk2.userId)).toEqual([])
    expect(await signIn(storage, 'desk2', pass('desk2'))).toMatchObject({ status: 'refused', reason: 'deactivated' })
    const desk1 = await acceptGrants(storage, users.desk1)
    expect(desk1.accepted.sort()).toEqual(['desk:2', 'directory:2', 'field:2'])
  })

  it('signed grants still follow the role and epoch rules: no grant from the front desk, no accounts key to the front desk, no epoch jump', async () => {
    const { storage, admin, users } = await organisation()
    const seal = async (to: Session, kid: string, by: Session) => {
      const cert = (await storage.signIns.getCert(to.userId))!
      const realm = kid.slice(0, kid.lastIndexOf(':'))
      const keys = { kid, realmKey: toBase64Url(await exportRawKey(await generateRealmKey())), indexKeyId: kid, indexKey: toBase64Url(await exportRawKey(await generateIndexKey())) }
      expect(realm).not.toBe('')
      return sealGrant({ userId: to.userId, ecdh: cert.ecdh }, keys, by)
    }
    await storage.grants.put(await seal(admin, 'desk:2', users.desk1)) // a front-desk user signs, with their own certified key
    await storage.grants.put(await seal(users.desk2, 'accounts:2', admin)) // the admin hands the front desk a realm it must never hold
    await storage.grants.put(await seal(users.desk2, 'desk:5', admin)) // an epoch that does not follow one held
    expect((await acceptGrants(storage, admin)).accepted).toEqual([])
    expect((await acceptGrants(storage, users.desk2)).accepted).toEqual([])
    expect(users.desk2.keyring.realmKeys.has('accounts:2')).toBe(false)
    const reasons = (await storage.quarantined()).map((q) => q.reason).sort()
    expect(reasons).toEqual(['grant: a admin may not grant accounts:2 to a frontdesk', 'grant: a frontdesk may not grant desk:2 to a admin', 'grant: epoch 5 does not follow one held'])
    // The same admin's grant of the next epoch is taken in.
    await storage.grants.put(await seal(users.desk2, 'desk:2', admin))
    expect((await acceptGrants(storage, users.desk2)).accepted).toEqual(['desk:2'])
  })

  it('an organisation founded before certificates: the founder’s next sign-in sets the root and certifies the active accounts; a keyring planted after that gets nothing', async () => {
    const { db, storage, admin, users } = await organisation()
    // Today's data as it was before this change: no root in the organisation, no certificates, nothing pinned.
    const org = (await storage.signIns.getOrg())!
    delete (org as { root?: unknown }).root
    await storage.signIns.putOrg(org)
    await db.keyrings.filter((r) => (r as { type: string }).type === 'cert').delete()
    await db.local.delete('trust-root')
    const signedIn = await signIn(storage, 'admin', adminPass)
    if (signedIn.status !== 'signed-in') throw new Error(signedIn.status)
    expect((await storage.signIns.getOrg())?.root?.userId).toBe(admin.userId)
    expect((await storage.signIns.listCerts()).map((c) => c.userId).sort()).toEqual([admin.userId, ...Object.values(users).map((u) => u.userId)].sort())
    // Now a keyring swapped on the server is ignored: the rotation seals to the certified key.
    const attacker = (await storage.signIns.getKeyring(users.desk1.userId))!
    const victim = (await storage.signIns.getKeyring(users.agent2.userId))!
    await storage.signIns.putKeyring({ ...victim, publicKeys: attacker.publicKeys })
    const result = await deactivateStaff(storage, signedIn.session, users.agent1.userId)
    if (!result.ok) throw new Error(result.problem)
    const grant = (await storage.grants.addressedTo(users.agent2.userId)).find((g) => g.kid === 'accounts:2')!
    await expect(openSealed(users.desk1.keyring.userKeys.ecdh.privateKey, grant.box, grantContext(grant.userId, grant.kid))).rejects.toMatchObject({ name: 'CryptoError' })
  })

  it('accounts a departed manager certified are certified again first, so they still receive the new keys', async () => {
    const { storage, admin, users } = await organisation()
    const made = await createStaff(storage, users.boss, { name: 'desk3', username: 'desk3', role: 'frontdesk' }, cost)
    if (!made.ok) throw new Error(made.problem)
    const first = await signIn(storage, 'desk3', made.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const desk3 = await completeFirstSignIn(storage, first.pending, { passphrase: pass('desk three'), agreementAccepted: true }, cost)
    if (!desk3.ok) throw new Error(desk3.problem)
    expect((await storage.signIns.getCert(made.userId))?.by).toBe(users.boss.userId)
    const result = await deactivateStaff(storage, admin, users.boss.userId)
    if (!result.ok) throw new Error(result.problem)
    expect((await storage.signIns.getCert(made.userId))?.by).toBe(admin.userId)
    expect(result.rotations.find((r) => r.realm === 'desk')?.holders).toContain(made.userId)
    expect((await acceptGrants(storage, desk3.session)).accepted).toContain('desk:2')
    expect((await storage.signIns.getAccount(users.boss.userId))?.departure?.pending).toEqual([])
  })

  it('a departed account marked active again by whoever can write the server never gets another key on a device that saw it leave', async () => {
    const { storage, admin, users } = await organisation()
    const first = await deactivateStaff(storage, admin, users.desk2.userId)
    if (!first.ok) throw new Error(first.problem)
    // The server operator (or anyone writing account documents) brings the old account document back.
    const gone = (await storage.signIns.getAccount(users.desk2.userId))!
    await storage.signIns.putAccount({ ...gone, status: 'active' })
    expect(await signIn(storage, 'desk2', pass('desk2'))).toMatchObject({ status: 'refused', reason: 'deactivated' })
    const second = await deactivateStaff(storage, admin, users.desk1.userId)
    if (!second.ok) throw new Error(second.problem)
    for (const r of second.rotations) expect(r.holders).not.toContain(users.desk2.userId)
    expect(await storage.grants.addressedTo(users.desk2.userId)).toEqual([])
  })

  it('the root account cannot be deactivated: every certificate leads back to it', async () => {
    const { storage, admin } = await organisation()
    const second = await createStaff(storage, admin, { name: 'admin2', username: 'admin2', role: 'admin' }, cost)
    if (!second.ok) throw new Error(second.problem)
    const first = await signIn(storage, 'admin2', second.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(storage, first.pending, { passphrase: pass('second admin'), agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    expect(await deactivateStaff(storage, done.session, admin.userId)).toEqual({ ok: false, problem: 'not-allowed' })
  })

  it('a sign-in that meets another root than the one pinned on this device refuses and says so', async () => {
    const { storage } = await organisation()
    const org = (await storage.signIns.getOrg())!
    const other = await exportUserKeyPairs(await generateUserKeyPairs())
    const root = (org as unknown as { root?: { userId: string } }).root
    expect(root).toBeDefined()
    await storage.signIns.putOrg({ ...org, root: { userId: root!.userId, publicJwk: other.ecdsa.publicJwk } } as typeof org)
    expect(await signIn(storage, 'admin', adminPass)).toMatchObject({ status: 'refused', reason: 'untrusted-root' })
  })
})
