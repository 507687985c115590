import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { open } from '@/crypto/envelope'
import { keyLookup } from '@/crypto/keyring'
import { deactivateStaff, resumeDepartures } from '@/identity/deactivate-staff'
import { orgWithSignedInColleague } from '@/identity/testing'
import type { StaffRole } from '@/core/access/roles'
import { cardKeyId } from '@/storage/desk-records.repo'
import { membersModule } from './module'

/** One device: the founding admin (the membership desk's founding step run), and one colleague of `role` who has signed in once. */
const organisation = (role: StaffRole) => orgWithSignedInColleague(role, [membersModule.onFounded!])

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
