import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { can, type Permission } from '@/core/access/permissions'
import type { StaffRole } from '@/core/access/roles'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import type { FeatureModule } from '@/features/module'
import { deskSettings } from '@/features/members/desk-slice'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import type { Session } from '@/identity/session'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { keySourceFrom } from '@/storage/keyring-key-source'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { createTestStorage } from '@/storage/testing'
import { routesOf } from './compose-modules'
import { firstOpenGuard } from './first-open'

// The home page is in the first load (imported, not lazy), and what it imports reads the browser at load.
vi.stubGlobal('navigator', { onLine: true, languages: ['en'], language: 'en' })
vi.mock('virtual:pwa-register/vue', () => ({ useRegisterSW: () => ({}) }))
const { modules } = await import('./modules')

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const founder = { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }

/** An organisation founded with no feature step at all (as before the membership desk existed), and its manager signed in on this device. */
async function organisationBeforeTheDesk() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, founder, cost, [])
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const created = await createStaff(t.storage, org.session, { name: '赵经理', username: 'manager', role: 'manager' }, cost)
  if (!created.ok) throw new Error(created.problem)
  const first = await signIn(t.storage, 'manager', created.setupCode)
  if (first.status !== 'setup-required') throw new Error(first.status)
  const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: 'audit every single thing', agreementAccepted: true }, cost)
  if (!done.ok) throw new Error(done.problem)
  t.setKeys(keySourceFrom(done.session.keyring))
  return { ...t, manager: done.session as Session }
}

/** The signed-in user as the guard sees them (the session store's `session`, `isLocked` and `can`). */
const signedIn = (session: Session, role: StaffRole = session.role) => ({ session: { ...session, role }, isLocked: false, can: (p: Permission) => can(role, p) })

/** A navigation to one of the composed routes, as the router hands it to a `beforeResolve` guard. */
function opening(list: readonly FeatureModule[], path: string): RouteLocationNormalized {
  const record = routesOf(list).find((r) => r.path === path)
  if (!record) throw new Error(`no route ${path}`)
  return { matched: [{ meta: record.meta ?? {} }] } as unknown as RouteLocationNormalized
}

/** A feature whose first-open hook counts its runs, and can be made to fail. */
function countingFeature() {
  const runs: { orgId: string; userId: string }[] = []
  let failing = false
  const feature: FeatureModule = {
    name: 'tally',
    routes: [
      { path: '/tally', name: 'tally', component: () => Promise.resolve({}), titleKey: 'nav.tally', permission: 'desk.use' },
      { path: '/tally/:id', name: 'tally-item', component: () => Promise.resolve({}), titleKey: 'nav.tally', permission: 'desk.use' },
    ],
    onFirstOpen: {
      name: 'tally-setup',
      permission: 'settings.manage',
      run: async ({ orgId, session }) => {
        runs.push({ orgId, userId: session.userId })
        if (failing) throw new Error('set-up failed')
      },
    },
  }
  return { feature, runs, fail: (f: boolean) => (failing = f) }
}

describe('issue 9 §1: a module’s onFirstOpen runs once per organisation on this device, before its route resolves', { timeout: 30_000 }, () => {
  it('runs once for the first user who may set the feature up, whichever of its routes they open, and not again after a reload', async () => {
    const { storage, manager } = await organisationBeforeTheDesk()
    const { feature, runs } = countingFeature()
    const orgId = (await storage.signIns.getOrg())!.orgId
    const guard = firstOpenGuard(() => ({ storage, session: signedIn(manager) }))
    await guard(opening([feature], '/tally'))
    await guard(opening([feature], '/tally/:id'))
    await guard(opening([feature], '/tally'))
    expect(runs).toEqual([{ orgId, userId: manager.userId }])
    // The app opened again on this device: the flag is the storage's, not the guard's memory.
    await firstOpenGuard(() => ({ storage, session: signedIn(manager) }))(opening([feature], '/tally'))
    expect(runs).toHaveLength(1)
  })

  it('does not run for a user without the hook’s permission, nor while locked; it runs for the next user who has it', async () => {
    const { storage, manager } = await organisationBeforeTheDesk()
    const { feature, runs } = countingFeature()
    await firstOpenGuard(() => ({ storage, session: signedIn(manager, 'frontdesk') }))(opening([feature], '/tally'))
    await firstOpenGuard(() => ({ storage, session: { ...signedIn(manager), isLocked: true } }))(opening([feature], '/tally'))
    await firstOpenGuard(() => ({ storage, session: { session: undefined, isLocked: false, can: () => false } }))(opening([feature], '/tally'))
    expect(runs).toHaveLength(0)
    await firstOpenGuard(() => ({ storage, session: signedIn(manager) }))(opening([feature], '/tally'))
    expect(runs).toHaveLength(1)
  })

  it('lets the page open after a failed run, and runs again at the next open until one succeeds', async () => {
    const { storage, manager } = await organisationBeforeTheDesk()
    const { feature, runs, fail } = countingFeature()
    const guard = firstOpenGuard(() => ({ storage, session: signedIn(manager) }))
    fail(true)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await expect(guard(opening([feature], '/tally'))).resolves.toBeUndefined()
    warn.mockRestore()
    fail(false)
    await guard(opening([feature], '/tally'))
    await guard(opening([feature], '/tally'))
    expect(runs).toHaveLength(2)
  })
})

describe('MEM-1, MEM-2, MEM-8: an organisation founded before the membership desk gets its defaults and card key when a manager first opens it', { timeout: 30_000 }, () => {
  const deskOf = async (storage: LobbyStorage) => ({ settings: await storage.desk.settings.get(), cardKeys: (await storage.desk.cardKeys.list()).map((k) => k.epoch) })

  it('a front-desk colleague opening /checkin first stores nothing and the desk reads the defaults; the manager’s first /checkin stores them and the card key, once', async () => {
    const { storage, manager } = await organisationBeforeTheDesk()
    expect(await deskOf(storage)).toEqual({ settings: undefined, cardKeys: [] })
    await firstOpenGuard(() => ({ storage, session: signedIn(manager, 'frontdesk') }))(opening(modules, '/checkin'))
    expect(await deskOf(storage)).toEqual({ settings: undefined, cardKeys: [] })
    expect(await deskSettings(storage)).toMatchObject({ settingsSaved: false, settings: { tiers: defaultMembershipSettings().tiers } })

    const guard = firstOpenGuard(() => ({ storage, session: signedIn(manager) }))
    await guard(opening(modules, '/checkin'))
    expect(await deskOf(storage)).toEqual({ settings: defaultMembershipSettings(), cardKeys: [1] })
    await guard(opening(modules, '/members'))
    expect((await deskOf(storage)).cardKeys).toEqual([1])
  })

  it('the manager’s first /members does it too', async () => {
    const { storage, manager } = await organisationBeforeTheDesk()
    await firstOpenGuard(() => ({ storage, session: signedIn(manager) }))(opening(modules, '/members'))
    expect(await deskOf(storage)).toEqual({ settings: defaultMembershipSettings(), cardKeys: [1] })
  })

  it('on a device that joined through a sync server, waits until the desk realm has been pulled (no rival epoch-1 card key)', async () => {
    const { storage, manager } = await organisationBeforeTheDesk()
    await storage.syncPort.cursors.set('lobby_org', 12)
    const guard = firstOpenGuard(() => ({ storage, session: signedIn(manager) }))
    await guard(opening(modules, '/checkin'))
    expect(await deskOf(storage)).toEqual({ settings: undefined, cardKeys: [] })
    await storage.syncPort.cursors.set('lobby_desk', 3)
    await guard(opening(modules, '/checkin'))
    expect(await deskOf(storage)).toEqual({ settings: defaultMembershipSettings(), cardKeys: [1] })
  })
})
