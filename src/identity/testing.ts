import type { StaffRole } from '@/core/access/roles'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import type { FoundingStep } from './feature-steps'
import { completeFirstSignIn } from './first-sign-in'
import { createOrganisation } from './organisation'
import type { Session } from './session'
import { signIn } from './sign-in'
import { createStaff } from './staff-accounts'

/** Argon2id at its cheapest that still runs: tests sign in many times. */
export const testKdfCost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
/** The founding admin of every test organisation. */
export const testFounder = { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }

/**
 * For tests: one device (a fresh `createTestStorage()`) with an organisation founded by
 * `testFounder` (running `foundingSteps`, as the app runs the features'), and one colleague
 * `leaver` of `role` who has signed in once. The founder's keys are the session's.
 */
export async function orgWithSignedInColleague(role: StaffRole, foundingSteps: readonly FoundingStep[] = []) {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, testFounder, testKdfCost, foundingSteps)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const created = await createStaff(t.storage, org.session, { name: 'leaver', username: 'leaver', role }, testKdfCost)
  if (!created.ok) throw new Error(created.problem)
  const first = await signIn(t.storage, 'leaver', created.setupCode)
  if (first.status !== 'setup-required') throw new Error(first.status)
  const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: 'green tea every single morning', agreementAccepted: true }, testKdfCost)
  if (!done.ok) throw new Error(done.problem)
  return { ...t, admin: org.session, leaver: done.session as Session }
}
