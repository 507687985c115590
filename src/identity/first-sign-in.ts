import { checkPassphrase, type PassphraseProblem } from '@/core/access/passphrase-policy'
import { deriveFromSecret } from '@/crypto/kdf'
import { defaultKdfCost, newKdfParams, type KdfCost } from '@/crypto/kdf-params'
import { lockKeyring } from '@/crypto/keyring'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { PendingSetup, Session } from './session'

export type CompleteSetupResult = { ok: true; session: Session; previousServerPassword: string } | { ok: false; problem: PassphraseProblem | 'agreement-required' }

/**
 * CONF-8: the first sign-in ends only after the user accepts the
 * confidentiality agreement and replaces the setup code with their own
 * passphrase; both are recorded.
 */
export async function completeFirstSignIn(
  storage: LobbyStorage,
  pending: PendingSetup,
  input: { passphrase: string; agreementAccepted: boolean },
  cost: KdfCost = defaultKdfCost,
): Promise<CompleteSetupResult> {
  if (!input.agreementAccepted) return { ok: false, problem: 'agreement-required' }
  const problem = checkPassphrase(input.passphrase, { username: pending.username })
  if (problem) return { ok: false, problem }
  const [account, keyringDoc] = await Promise.all([storage.signIns.getAccount(pending.userId), storage.signIns.getKeyring(pending.userId)])
  if (!account || !keyringDoc) throw new Error('The account disappeared during setup')

  const kdf = newKdfParams(cost)
  const { kek, serverPassword } = await deriveFromSecret(input.passphrase, kdf)
  const locked = await lockKeyring(pending.keyring.secrets, kek, kdf)
  const now = new Date().toISOString()
  await storage.signIns.putKeyring({ ...keyringDoc, locked })
  const { agreement } = (await storage.orgSettings.read()).settings
  await storage.signIns.putAccount({ ...account, setup: 'done', agreementAcceptedAt: now, agreementVersion: agreement.version })
  await storage.signIns.republishLogin(account.login, pending.userId, kdf)
  await storage.audit.append({ action: 'agreement.accept', by: pending.userId, recordId: account._id, recordType: 'account' })
  await storage.audit.append({ action: 'key.change', by: pending.userId, recordId: keyringDoc._id, recordType: 'keyring', detail: 'passphrase-set' })
  await storage.audit.append({ action: 'sign-in', by: pending.userId })
  // The caller must also move the server account to the new server password (see sync/server-account.ts).
  return { ok: true, session: { userId: pending.userId, username: pending.username, role: pending.role, keyring: pending.keyring, serverPassword, kek }, previousServerPassword: pending.serverPassword }
}
