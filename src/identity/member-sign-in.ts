import { checkPassphrase, type PassphraseProblem } from '@/core/access/passphrase-policy'
import { isCryptoError } from '@/crypto/errors'
import { deriveFromSecret } from '@/crypto/kdf'
import type { KdfCost, KdfParams } from '@/crypto/kdf-params'
import { lockKeyring, unlockKeyring, type Keyring, type LockedKeyring } from '@/crypto/keyring'
import { serverLogin } from '@/sync/server-session'
import { memberKdfParams, memberUserId } from './member-ids'
import { normaliseSetupCode } from './setup-code'

/**
 * Issue 14 (BB-11): a member signs in on their own phone. Their server name and salt come from the organisation
 * and what they type (member-ids.ts); the server account and the member's keyring (their realm key only) are the
 * follower's work from the desk's request (server/provision/member-signins.js). The keyring travels in the
 * member's own `_users` document, which only they (and the server's account admins) read: one PUT of it replaces
 * the password and the keyring together, so the one-time code stops working the moment the member's own password
 * starts.
 */

/** The member's keyring as their user document holds it. */
export interface MemberKeyringField {
  setup: 'pending' | 'done'
  locked: LockedKeyring
  /** BB-11: when the member last set their password (epoch ms), for the reminder to change it. */
  passwordSetAt?: number
}

/** What the phone keeps of a member's sign-in: enough to unlock offline, nothing readable without the password. */
export interface KeptMemberSignin {
  orgId: string
  userId: string
  signInName: string
  kdf: KdfParams
  keyring: MemberKeyringField
}

export interface MemberSession {
  userId: string
  signInName: string
  orgId: string
  keyring: Keyring
  passwordSetAt?: number
  /** Derived with the key from the password, held in memory to sign in to the server again (after an offline start). */
  serverPassword: string
}

/** A first sign-in with the one-time code: the keyring is open, but the member must set their own password (BB-11). */
export interface PendingMemberSetup {
  orgId: string
  userId: string
  signInName: string
  keyring: Keyring
  kdf: KdfParams
  /** The user document as read, to be written back with the new password and keyring. */
  userDoc: Record<string, unknown>
  serverBase: string
}

export type MemberSignInResult =
  | { status: 'signed-in'; session: MemberSession; kept: KeptMemberSignin; offline: boolean }
  | { status: 'setup-required'; pending: PendingMemberSetup }
  | { status: 'refused'; reason: 'wrong-credentials' | 'code-used' | 'offline-unknown' | 'network' }

export interface MemberSignInDeps {
  serverBase: string
  fetchFn?: typeof fetch
  /** What this phone kept from an earlier sign-in (for the same organisation), if anything. */
  kept?: KeptMemberSignin
  /** Argon2id's cost: the desk issues with the same (the default; tests use the floor). */
  cost?: KdfCost
}

/** 16 characters of the code alphabet (identity/setup-code.ts: no I, O, 0 or 1). */
const looksLikeCode = (s: string) => /^[A-HJ-NP-Z2-9]{16}$/.test(s)

const userDocUrl = (base: string, userId: string) => `${base}_users/${encodeURIComponent(`org.couchdb.user:${userId}`)}`

function isKeyringField(v: unknown): v is MemberKeyringField {
  const f = v as MemberKeyringField | undefined
  return !!f && (f.setup === 'pending' || f.setup === 'done') && typeof f.locked === 'object' && f.locked !== null
}

async function tryUnlock(locked: LockedKeyring, kek: CryptoKey): Promise<Keyring | undefined> {
  try {
    return await unlockKeyring(locked, kek)
  } catch (e) {
    if (isCryptoError(e, 'wrong-secret')) return undefined
    throw e
  }
}

/**
 * Sign in with the sign-in name and either the one-time code (first time, or after a forgotten password) or the
 * member's own password. Online, the server decides; offline, the keyring this phone kept is unlocked (the same
 * password), so the card and statements open in a basement too.
 */
export async function memberSignIn(orgId: string, signInName: string, secret: string, deps: MemberSignInDeps): Promise<MemberSignInResult> {
  const fetchFn = deps.fetchFn ?? fetch
  const userId = await memberUserId(orgId, signInName)
  const kdf = await memberKdfParams(orgId, userId, deps.cost)
  const name = signInName.trim()
  // A one-time code is derived as the desk derived it (upper case, no dashes), whatever way it was typed or linked;
  // a password exactly as typed. Something shaped like a code is tried as one first: each wrong try costs an
  // Argon2id run and counts against the name's sign-in limit.
  const asCode = normaliseSetupCode(secret)
  const candidates = looksLikeCode(asCode) ? [...new Set([asCode, secret])] : [secret]
  let reached = false
  for (const candidate of candidates) {
    const { kek, serverPassword } = await deriveFromSecret(candidate, kdf)
    const login = await serverLogin(deps.serverBase, userId, serverPassword, fetchFn)
    if (login.ok) {
      const res = await fetchFn(userDocUrl(deps.serverBase, userId), { credentials: 'include', headers: { Accept: 'application/json' } })
      if (!res.ok) return { status: 'refused', reason: 'network' }
      const userDoc = (await res.json()) as Record<string, unknown>
      const field = userDoc.lobby_keyring
      // A code that expired unused, or an account whose keyring went: the desk issues a new code.
      if (!isKeyringField(field)) return { status: 'refused', reason: 'code-used' }
      const keyring = await tryUnlock(field.locked, kek)
      if (!keyring) return { status: 'refused', reason: 'code-used' }
      if (field.setup === 'pending') return { status: 'setup-required', pending: { orgId, userId, signInName: name, keyring, kdf, userDoc, serverBase: deps.serverBase } }
      const kept: KeptMemberSignin = { orgId, userId, signInName: name, kdf, keyring: field }
      return { status: 'signed-in', session: { userId, signInName: name, orgId, keyring, passwordSetAt: field.passwordSetAt, serverPassword }, kept, offline: false }
    }
    if (login.status !== 0) reached = true
  }
  if (reached) return { status: 'refused', reason: 'wrong-credentials' }
  // Offline: this phone's own copy, if it signed in here before.
  const kept = deps.kept
  if (!kept || kept.userId !== userId || kept.keyring.setup !== 'done') return { status: 'refused', reason: 'offline-unknown' }
  const { kek, serverPassword } = await deriveFromSecret(secret, kept.kdf)
  const keyring = await tryUnlock(kept.keyring.locked, kek)
  if (!keyring) return { status: 'refused', reason: 'wrong-credentials' }
  return { status: 'signed-in', session: { userId, signInName: kept.signInName, orgId, keyring, passwordSetAt: kept.keyring.passwordSetAt, serverPassword }, kept, offline: true }
}

export type SetMemberPasswordResult =
  | { ok: true; session: MemberSession; kept: KeptMemberSignin }
  | { ok: false; problem: PassphraseProblem | 'mismatch' | 'network' | 'refused' }

/**
 * BB-11: the member replaces the one-time code (or their old password) with their own: the keyring is locked under
 * the new password and written with it in one PUT of their user document, which also ends the code.
 */
export async function setMemberPassword(
  pending: PendingMemberSetup,
  input: { password: string; repeat: string },
  deps: { fetchFn?: typeof fetch; now?: number } = {},
): Promise<SetMemberPasswordResult> {
  const fetchFn = deps.fetchFn ?? fetch
  if (input.password !== input.repeat) return { ok: false, problem: 'mismatch' }
  const problem = checkPassphrase(input.password, { username: pending.signInName })
  if (problem) return { ok: false, problem }
  const { kek, serverPassword } = await deriveFromSecret(input.password, pending.kdf)
  const locked = await lockKeyring(pending.keyring.secrets, kek, pending.kdf)
  const passwordSetAt = deps.now ?? Date.now()
  const field: MemberKeyringField = { setup: 'done', locked, passwordSetAt }
  const { lobby_code_expires: _used, ...doc } = pending.userDoc
  let res: Response
  try {
    res = await fetchFn(userDocUrl(pending.serverBase, pending.userId), {
      method: 'PUT',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...doc, password: serverPassword, lobby_keyring: field }),
    })
  } catch {
    return { ok: false, problem: 'network' }
  }
  if (!res.ok) return { ok: false, problem: 'refused' }
  // A new password ends the session the code opened; sign in again with the new one.
  const login = await serverLogin(pending.serverBase, pending.userId, serverPassword, fetchFn)
  if (!login.ok) return { ok: false, problem: 'network' }
  const kept: KeptMemberSignin = { orgId: pending.orgId, userId: pending.userId, signInName: pending.signInName, kdf: pending.kdf, keyring: field }
  return { ok: true, session: { userId: pending.userId, signInName: pending.signInName, orgId: pending.orgId, keyring: pending.keyring, passwordSetAt, serverPassword }, kept }
}

export type ChangeMemberPasswordResult =
  | { ok: true; session: MemberSession; kept: KeptMemberSignin }
  | { ok: false; problem: PassphraseProblem | 'mismatch' | 'wrong-credentials' | 'network' | 'refused' }

/**
 * BB-11: the member changes their password on their phone (the reminder asks them to, regularly). The current one is
 * asked again (a phone left open is not enough); the keyring is locked under the new one and written with it in one
 * PUT of their user document, as at first sign-in.
 */
export async function changeMemberPassword(
  session: MemberSession,
  kept: KeptMemberSignin,
  input: { current: string; password: string; repeat: string },
  deps: { serverBase: string; fetchFn?: typeof fetch; now?: number },
): Promise<ChangeMemberPasswordResult> {
  const fetchFn = deps.fetchFn ?? fetch
  if (input.password !== input.repeat) return { ok: false, problem: 'mismatch' }
  const problem = checkPassphrase(input.password, { username: session.signInName })
  if (problem) return { ok: false, problem }
  const { kek: currentKek } = await deriveFromSecret(input.current, kept.kdf)
  if (!(await tryUnlock(kept.keyring.locked, currentKek))) return { ok: false, problem: 'wrong-credentials' }
  let res: Response
  try {
    res = await fetchFn(userDocUrl(deps.serverBase, session.userId), { credentials: 'include', headers: { Accept: 'application/json' } })
    if (res.status === 401 && (await serverLogin(deps.serverBase, session.userId, session.serverPassword, fetchFn)).ok) {
      res = await fetchFn(userDocUrl(deps.serverBase, session.userId), { credentials: 'include', headers: { Accept: 'application/json' } })
    }
  } catch {
    return { ok: false, problem: 'network' }
  }
  if (!res.ok) return { ok: false, problem: 'refused' }
  const userDoc = (await res.json()) as Record<string, unknown>
  const pending: PendingMemberSetup = { orgId: session.orgId, userId: session.userId, signInName: session.signInName, keyring: session.keyring, kdf: kept.kdf, userDoc, serverBase: deps.serverBase }
  const set = await setMemberPassword(pending, { password: input.password, repeat: input.repeat }, { fetchFn, now: deps.now })
  return set.ok ? set : { ok: false, problem: set.problem }
}
