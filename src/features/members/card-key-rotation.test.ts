import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { open } from '@/crypto/envelope'
import { keyLookup } from '@/crypto/keyring'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { deactivateStaff, resumeDepartures } from '@/identity/deactivate-staff'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import type { Session } from '@/identity/session'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import type { StaffRole } from '@/core/access/roles'
import { cardKeyId } from '@/storage/desk-records.repo'
import { membersModule } from './module'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

/** One device: the founding admin, and one colleague of `role` who has signed in once. */
async function organisation(role: StaffRole) {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost, [membersModule.onFounded!])
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const created = await createStaff(t.storage, org.session, { name: 'leaver', username: 'leaver', role }, cost)
  if (!created.ok) throw new Error(created.problem)
  const first = await signIn(t.storage, 'leaver', created.setupCode)
  if (first.status !== 'setup-required') throw new Error(first.status)
  const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: 'green tea every single morning', agreementAccepted: true }, cost)
  if (!done.ok) throw new Error(done.problem)
  return { ...t, admin: org.session, leaver: done.session as Session }
}

describe('MEM-8 the card key is rotated when someone holding the desk realm leaves', () => {
  it('MEM-8: a departing front-desk colleague: a new card key of the next epoch, sealed under the new desk key they never held', async () => {
    const { db, storage, admin, leaver } = await organisation('frontdesk')
    expect((await storage.desk.cardKeys.list()).map((k) => k.epoch)).toEqual([1])
    await deactivateStaff(storage, admin, leaver.userId, undefined, membersModule.departureSteps)
    const keys = await storage.desk.cardKeys.list()
    expect(keys.map((k) => k.epoch)).toEqual([1, 2])
    expect(keys[1]!.privateJwk.d).not.toBe(keys[0]!.privateJwk.d)
    const sealed = (await db.records.get(cardKeyId(2)))!
    expect(sealed.kid).toBe('desk:2')
    await expect(open(sealed, keyLookup(leaver.keyring))).rejects.toMatchObject({ code: 'unknown-key' })
  })

  it('MEM-8: a departing colleague who never held the desk realm leaves the card key as it is', async () => {
    const { storage, admin, leaver } = await organisation('technician')
    await deactivateStaff(storage, admin, leaver.userId, undefined, membersModule.departureSteps)
    expect((await storage.desk.cardKeys.list()).map((k) => k.epoch)).toEqual([1])
  })

  it('MEM-8: a departure recorded as `card-key` pending (by an earlier version, or a device without the desk) is finished by the desk module step', async () => {
    const { storage, admin, leaver } = await organisation('frontdesk')
    await deactivateStaff(storage, admin, leaver.userId, undefined, [])
    expect((await storage.desk.cardKeys.list()).map((k) => k.epoch)).toEqual([1])
    const account = (await storage.signIns.getAccount(leaver.userId))!
    await storage.signIns.putAccount({ ...account, departure: { ...account.departure!, pending: ['card-key'] } })
    expect(await resumeDepartures(storage, admin, undefined, [])).toEqual([])
    expect(await resumeDepartures(storage, admin, undefined, membersModule.departureSteps)).toMatchObject([{ userId: leaver.userId, left: [] }])
    expect((await storage.desk.cardKeys.list()).map((k) => k.epoch)).toEqual([1, 2])
  })
})
