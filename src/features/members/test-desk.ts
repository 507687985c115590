import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { createOrganisation } from '@/identity/organisation'
import { membersModule } from './module'

/** Argon2id at a test's cost: the real parameters take seconds per sign-in. */
export const testCost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

/** Tests only: an organisation founded with the membership desk's founding step, signed in as its admin. */
export async function deskOrganisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, testCost, [membersModule.onFounded!])
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  return { storage: t.storage, db: t.db, session: org.session }
}
