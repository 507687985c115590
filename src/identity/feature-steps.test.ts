import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { deactivateStaff, resumeDepartures } from './deactivate-staff'
import type { DepartureStep, FoundingStep } from './feature-steps'
import { createOrganisation } from './organisation'
import { orgWithSignedInColleague, testFounder, testKdfCost } from './testing'

// Issue 9: identity imports no feature; founding and departures run the steps the features' modules add, passed in.

/** One device: the founding admin and a front-desk colleague who has signed in once. */
const organisation = () => orgWithSignedInColleague('frontdesk')

describe('founding runs the steps features add', () => {
  it('runs each founding step once, with the new orgId and the founder keys, so it can seal records', async () => {
    const t = createTestStorage()
    const seen: { orgId: string; userId: string }[] = []
    const step: FoundingStep = async ({ storage, session, orgId }) => {
      seen.push({ orgId, userId: session.userId })
      await storage.desk.settings.save({ ...(await import('@/core/membership/defaults')).defaultMembershipSettings() })
    }
    const org = await createOrganisation(t.storage, testFounder, testKdfCost, [step])
    if (!org.ok) throw new Error(org.problem)
    t.setKeys(keySourceFrom(org.session.keyring))
    expect(seen).toEqual([{ orgId: (await t.storage.signIns.getOrg())!.orgId, userId: org.session.userId }])
    expect(await t.storage.desk.settings.get()).toBeTruthy()
  })

  it('founds with no feature step at all: identity itself makes no desk records', async () => {
    const { storage } = await organisation()
    expect(await storage.desk.cardKeys.list()).toEqual([])
    expect(await storage.desk.settings.get()).toBeUndefined()
  })
})

describe('CONF-9: a departure runs the steps features add', { timeout: 30_000 }, () => {
  it('records the step as pending, runs it after the steps it follows with the acting session, then strikes it off', async () => {
    const { storage, admin, leaver } = await organisation()
    const runs: { pending: string[]; holdsNewDeskKey: boolean; leaver: string }[] = []
    const step: DepartureStep = {
      name: 'feature-key',
      neededFor: (role) => role === 'frontdesk',
      after: ['realm:desk'],
      run: async (ctx) => {
        const pending = (await ctx.storage.signIns.getAccount(leaver.userId))?.departure?.pending ?? []
        runs.push({ pending, holdsNewDeskKey: ctx.session.keyring.realmKeys.has('desk:2'), leaver: ctx.leaver })
      },
    }
    expect(await deactivateStaff(storage, admin, leaver.userId, undefined, [step])).toMatchObject({ ok: true })
    expect(runs).toEqual([{ pending: ['feature-key'], holdsNewDeskKey: true, leaver: leaver.userId }])
    expect((await storage.signIns.getAccount(leaver.userId))?.departure?.pending).toEqual([])
  })

  it('a step that is not this user’s to finish stays pending and is finished when departures resume', async () => {
    const { storage, admin, leaver } = await organisation()
    let allowed = false
    const step: DepartureStep = { name: 'feature-key', neededFor: () => true, run: async () => allowed }
    await deactivateStaff(storage, admin, leaver.userId, undefined, [step])
    expect((await storage.signIns.getAccount(leaver.userId))?.departure?.pending).toEqual(['feature-key'])
    allowed = true
    expect(await resumeDepartures(storage, admin, undefined, [step])).toEqual([{ userId: leaver.userId, rotations: [], left: [] }])
  })

  it('leaves out a step not needed for the leaver’s role, and never runs it', async () => {
    const { storage, admin, leaver } = await organisation()
    let ran = false
    const step: DepartureStep = { name: 'feature-key', neededFor: (role) => role === 'manager', run: async () => void (ran = true) }
    await deactivateStaff(storage, admin, leaver.userId, undefined, [step])
    expect(ran).toBe(false)
    expect((await storage.signIns.getAccount(leaver.userId))?.departure?.pending).toEqual([])
  })
})
