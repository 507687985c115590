import { secondsUntilNextAttempt } from '@/core/access/unlock-throttle'
import { isCryptoError } from '@/crypto/errors'
import { deriveFromSecret } from '@/crypto/kdf'
import { unlockKeyring } from '@/crypto/keyring'
import { loginHash } from '@/storage/sign-ins.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { looksLikePin, unlockWithPin } from './pin'
import type { PendingSetup, Session } from './session'
import { normaliseSetupCode } from './setup-code'
import { checkRoot, departedHere, establishRoot } from './trust'

export type SignInRefusal =
  | { reason: 'wrong-credentials' }
  | { reason: 'deactivated' }
  | { reason: 'wait'; seconds: number }
  | { reason: 'wrong-pin'; attemptsLeft: number }
  | { reason: 'pin-disabled' }
  | { reason: 'no-pin' }
  /** CONF-9: this device pinned another root of trust than the organisation now names: someone swapped it. */
  | { reason: 'untrusted-root' }

export type SignInResult =
  | { status: 'signed-in'; session: Session }
  | { status: 'setup-required'; pending: PendingSetup }
  | ({ status: 'refused' } & SignInRefusal)

/**
 * Sign in with a name and a passphrase (or, on a device where the user set
 * one, a PIN; or, the first time, the setup code). A wrong answer never says
 * whether the name exists; repeated ones make the next attempt wait (CONF-7).
 */
export async function signIn(storage: LobbyStorage, username: string, secret: string, now = Date.now()): Promise<SignInResult> {
  const org = await storage.signIns.getOrg()
  if (!org) return { status: 'refused', reason: 'wrong-credentials' }
  if ((await checkRoot(storage)).status === 'mismatch') {
    await storage.audit.append({ action: 'sign-in.failed', by: 'anonymous', detail: 'root of trust differs from the one pinned' })
    return { status: 'refused', reason: 'untrusted-root' }
  }
  const login = await loginHash(org.orgId, username)
  const failures = await storage.unlockState.getFailures(login)
  const wait = secondsUntilNextAttempt(failures.failures, failures.lastFailureAt, now)
  if (wait > 0) return { status: 'refused', reason: 'wait', seconds: wait }

  const fail = async (by: string): Promise<SignInResult> => {
    await storage.unlockState.putFailures(login, { failures: failures.failures + 1, lastFailureAt: now })
    await storage.audit.append({ action: 'sign-in.failed', by })
    return { status: 'refused', reason: 'wrong-credentials' }
  }

  const account = await storage.signIns.findAccountByLogin(login)
  const keyringDoc = account && (await storage.signIns.getKeyring(account.userId))
  if (!account || !keyringDoc) return fail('anonymous')
  if (account.status !== 'active' || (await departedHere(storage)).has(account.userId)) {
    await storage.audit.append({ action: 'sign-in.failed', by: account.userId, detail: 'deactivated' })
    return { status: 'refused', reason: 'deactivated' }
  }
  const who = { userId: account.userId, username: username.trim(), role: account.role }

  if (account.setup === 'done' && looksLikePin(secret)) {
    const result = await unlockWithPin(storage, account.userId, secret)
    if (!result.ok) return { status: 'refused', ...result.refusal }
    await storage.audit.append({ action: 'sign-in', by: account.userId, detail: 'pin' })
    return { status: 'signed-in', session: { ...who, keyring: result.keyring } }
  }

  const typed = account.setup === 'pending' ? normaliseSetupCode(secret) : secret
  let keyring
  let serverPassword: string
  let kek: CryptoKey
  try {
    const derived = await deriveFromSecret(typed, keyringDoc.locked.kdf)
    serverPassword = derived.serverPassword
    kek = derived.kek
    keyring = await unlockKeyring(keyringDoc.locked, derived.kek)
  } catch (e) {
    if (isCryptoError(e, 'wrong-secret')) return fail(account.userId)
    throw e
  }
  await storage.unlockState.clearFailures(login)
  if (account.setup === 'pending') return { status: 'setup-required', pending: { ...who, keyring, serverPassword } }
  await storage.audit.append({ action: 'sign-in', by: account.userId })
  // CONF-8: a passphrase set on this device before it held its login document's revision is published now, if it has one.
  await storage.signIns.publishPendingLogins(account.userId)
  const session: Session = { ...who, keyring, serverPassword, kek }
  await establishRoot(storage, session) // an organisation founded before certificates gets its root now
  return { status: 'signed-in', session }
}
