import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { completeFirstSignIn } from './first-sign-in'
import { createOrganisation } from './organisation'
import { setPin } from './pin'
import { signIn } from './sign-in'
import { createStaff } from './staff-accounts'

// The cheapest Argon2id cost the bounds allow keeps these tests quick; production uses the default.
const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const adminPass = 'front desk keeps the keys 2026'
const deskPass = 'tea with milk and no sugar'

async function orgWithDeskUser() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: adminPass, agreementAccepted: true }, cost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const staff = await createStaff(t.storage, org.session, { name: '李前台', username: 'li.desk', role: 'frontdesk' }, cost)
  if (!staff.ok) throw new Error(staff.problem)
  t.setKeys(undefined)
  return { ...t, admin: org.session, staff }
}

// Several Argon2id derivations per test: seconds each on a busy machine (as in deactivate-staff.test.ts).
describe('accounts and sign-in', { timeout: 30_000 }, () => {
  it('refuses a weak passphrase for the first admin with the reason', async () => {
    const t = createTestStorage()
    expect(await createOrganisation(t.storage, { name: 'A', username: 'admin', passphrase: 'short', agreementAccepted: true }, cost)).toEqual({ ok: false, problem: 'too-short' })
  })

  it('CONF-8: a new staff member signs in with the setup code, must accept the agreement, then uses their own passphrase', async () => {
    const { storage, staff } = await orgWithDeskUser()
    const first = await signIn(storage, 'LI.DESK', staff.setupCode.toLowerCase())
    expect(first.status).toBe('setup-required')
    if (first.status !== 'setup-required') return
    expect(await completeFirstSignIn(storage, first.pending, { passphrase: deskPass, agreementAccepted: false }, cost)).toEqual({ ok: false, problem: 'agreement-required' })
    const done = await completeFirstSignIn(storage, first.pending, { passphrase: deskPass, agreementAccepted: true }, cost)
    expect(done.ok).toBe(true)
    expect((await storage.signIns.getAccount(staff.userId))?.agreementAcceptedAt).toBeTypeOf('string')
    // The setup code no longer works; the passphrase does.
    expect((await signIn(storage, 'li.desk', staff.setupCode)).status).toBe('refused')
    const again = await signIn(storage, 'li.desk', deskPass)
    expect(again.status).toBe('signed-in')
    if (again.status === 'signed-in') expect(again.session.role).toBe('frontdesk')
  })

  it('CONF-3: the front desk keyring holds directory and desk keys only', async () => {
    const { storage, staff } = await orgWithDeskUser()
    const first = await signIn(storage, 'li.desk', staff.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    expect([...first.pending.keyring.realmKeys.keys()].sort()).toEqual(['desk:1', 'directory:1', 'field:1'])
    expect(first.pending.keyring.auditPrivate).toBeUndefined()
  })

  it('CONF-7: wrong passphrases make the next attempt wait, without saying whether the name exists', async () => {
    const { storage } = await orgWithDeskUser()
    const t0 = 1_000_000
    for (let i = 0; i < 3; i++) expect(await signIn(storage, 'admin', 'wrong passphrase here', t0 + i)).toEqual({ status: 'refused', reason: 'wrong-credentials' })
    expect(await signIn(storage, 'admin', adminPass, t0 + 1000)).toEqual({ status: 'refused', reason: 'wait', seconds: 5 })
    expect((await signIn(storage, 'admin', adminPass, t0 + 10_000)).status).toBe('signed-in')
    expect(await signIn(storage, 'nobody', 'whatever it may be', t0)).toEqual({ status: 'refused', reason: 'wrong-credentials' })
  })

  it('CONF-7: a PIN unlocks on this device; the fifth wrong PIN requires the passphrase', async () => {
    const { storage, admin } = await orgWithDeskUser()
    expect(await setPin(storage, admin, '1111', cost)).toBe('too-simple')
    expect(await setPin(storage, admin, '2580', cost)).toBeNull()
    expect((await signIn(storage, 'admin', '2580')).status).toBe('signed-in')
    for (let left = 4; left >= 1; left--) expect(await signIn(storage, 'admin', '9999')).toEqual({ status: 'refused', reason: 'wrong-pin', attemptsLeft: left })
    expect(await signIn(storage, 'admin', '9999')).toEqual({ status: 'refused', reason: 'pin-disabled' })
    expect(await signIn(storage, 'admin', '2580')).toEqual({ status: 'refused', reason: 'no-pin' })
    expect((await signIn(storage, 'admin', adminPass)).status).toBe('signed-in')
  })
})
