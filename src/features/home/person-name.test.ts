import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOrganisation } from '@/identity/organisation'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { personName } from './person-name'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

describe('the app greets people by their name, not their sign-in name (issue 10)', { timeout: 30_000 }, () => {
  it('the founder and a colleague are greeted by the names on their staff profiles', async () => {
    const t = createTestStorage()
    const org = await createOrganisation(t.storage, { name: ' 王芳 ', username: 'wangadmin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost)
    if (!org.ok) throw new Error(org.problem)
    t.setKeys(keySourceFrom(org.session.keyring))
    expect(await personName(t.storage, org.session)).toBe('王芳')

    const staff = await createStaff(t.storage, org.session, { name: '李静', username: 'desk1', role: 'frontdesk' }, cost)
    if (!staff.ok) throw new Error(staff.problem)
    expect(await personName(t.storage, { userId: staff.userId, username: 'desk1' })).toBe('李静')

    // Their first sign-in with the setup code ("欢迎，desk1" before): the open keyring reads the profile.
    t.setKeys(undefined)
    const first = await signIn(t.storage, 'desk1', staff.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    expect(await personName(t.storage.withKeys(keySourceFrom(first.pending.keyring)), first.pending)).toBe('李静')
  })

  it('without a readable profile (keys not open, profile not synced yet) the sign-in name stands in', async () => {
    const t = createTestStorage()
    expect(await personName(t.storage, { userId: 'u-unknown', username: 'desk1' })).toBe('desk1')
  })
})
