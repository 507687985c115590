import { can } from '@/core/access/permissions'
import { codeLifetimeMs } from '@/core/self-service/signin'
import { toBase64Url } from '@/crypto/bytes'
import { deriveFromSecret } from '@/crypto/kdf'
import { defaultKdfCost, type KdfCost } from '@/crypto/kdf-params'
import { lockKeyring } from '@/crypto/keyring'
import { exportRawKey, generateRealmKey, realmKeyId } from '@/crypto/realm-keys'
import { exportUserKeyPairs, generateUserKeyPairs } from '@/crypto/user-keys'
import { memberKdfParams, memberRealm, memberUserId } from '@/identity/member-ids'
import { PermissionError, type Session } from '@/identity/session'
import { newSetupCode, normaliseSetupCode } from '@/identity/setup-code'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { askForMemberSignin, memberSigninOutcome, type SigninOutcome } from '@/sync/member-signins'
import { createSigninRecords, signinIdOf } from './signin-records'
import './member-signins.audit'

export interface SigninDeps {
  /** The sync server's CouchDB root (`…/db/`). */
  serverBase: string
  fetchFn?: typeof fetch
  now?: () => number
  cost?: KdfCost
  /** How long to wait for the server to make the account before saying it will be ready shortly. */
  waitMs?: number
}

export type IssueSigninResult =
  | { ok: true; code: string; signInName: string; userId: string; expiresAt: number; outcome: SigninOutcome; again: boolean }
  | { ok: false; problem: 'name-required' | 'name-taken' | 'no-person' | 'offline' }
  | { ok: false; problem: 'refused'; reason: string }

/**
 * BB-11: staff give a person a sign-in for their own phone (or, when they forgot their password, a new one-time
 * code for the same one: staff check who they are first; no security questions). The code unlocks a keyring that
 * holds only the member's own realm key (CONF-11: never a staff key), and derives the password the server's
 * follower gives the member's account; the member must replace it at first sign-in. Needs the sync server: the
 * account is made there.
 */
export async function issueMemberSignin(
  storage: LobbyStorage,
  session: Session,
  input: { personId: string; signInName: string },
  deps: SigninDeps,
): Promise<IssueSigninResult> {
  if (!can(session.role, 'self.issue')) throw new PermissionError('self.issue')
  const signInName = input.signInName.trim()
  if (signInName === '') return { ok: false, problem: 'name-required' }
  if (!(await storage.people.get(input.personId))) return { ok: false, problem: 'no-person' }
  const org = await storage.signIns.getOrg()
  if (!org) throw new Error('No organisation on this device')
  const userId = await memberUserId(org.orgId, signInName)
  const signins = createSigninRecords(storage.recordContext)
  if ((await signins.findBy('parent', userId)).some((s) => s.record.personId !== input.personId)) return { ok: false, problem: 'name-taken' }

  const previous = await signins.get(signinIdOf(input.personId))
  // The same account again (a forgotten password) keeps its realm key, so what is in its database still opens.
  const same = previous?.userId === userId
  const kid = same ? previous.kid : realmKeyId(memberRealm(userId), 1)
  const realmKey = same ? previous.realmKey : toBase64Url(await exportRawKey(await generateRealmKey()))
  const code = newSetupCode()
  const kdf = await memberKdfParams(org.orgId, userId, deps.cost ?? defaultKdfCost)
  const { kek, serverPassword } = await deriveFromSecret(normaliseSetupCode(code), kdf)
  const userKeys = await exportUserKeyPairs(await generateUserKeyPairs())
  const locked = await lockKeyring({ userId, userKeys, realmKeys: { [kid]: realmKey }, indexKeys: {} }, kek, kdf)
  const now = deps.now?.() ?? Date.now()
  const expiresAt = now + codeLifetimeMs
  try {
    await askForMemberSignin(deps.serverBase, { userId, password: serverPassword, keyring: { setup: 'pending', locked }, by: session.userId, at: now, expiresAt }, deps.fetchFn)
  } catch (e) {
    // fetch rejects with a TypeError when the network is down; an answer from the server is a real refusal.
    if (e instanceof TypeError) return { ok: false, problem: 'offline' }
    throw e
  }
  await signins.put({ personId: input.personId, userId, signInName, kid, realmKey, issuedAt: now, issuedBy: session.userId, codeExpiresAt: expiresAt }, signinIdOf(input.personId))
  await storage.audit.append({ action: 'member-signins.issue', by: session.userId, recordId: signinIdOf(input.personId), recordType: 'person-signin', detail: previous ? 'new code' : 'first' })
  const outcome = await memberSigninOutcome(deps.serverBase, userId, { timeoutMs: deps.waitMs ?? 15_000, fetchFn: deps.fetchFn })
  if (outcome.state === 'refused') return { ok: false, problem: 'refused', reason: outcome.reason }
  return { ok: true, code, signInName, userId, expiresAt, outcome, again: previous !== undefined }
}
