import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { can as roleCan, type Permission } from '@/core/access/permissions'
import type { StaffRole } from '@/core/access/roles'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { useDeviceStorage } from './device-storage'
import type { completeFirstSignIn as CompleteFirstSignIn } from './first-sign-in'
import type { createOrganisation as CreateOrganisation, NewOrganisation } from './organisation'
import type { PendingSetup, Session } from './session'
import type { signIn as SignIn, SignInResult } from './sign-in'

// Founding, first sign-in and sign-in load when used: a tablet already signed in never needs them to start.
const createOrganisation = async (...a: Parameters<typeof CreateOrganisation>) => (await import('./organisation')).createOrganisation(...a)
const completeFirstSignIn = async (...a: Parameters<typeof CompleteFirstSignIn>) => (await import('./first-sign-in')).completeFirstSignIn(...a)
const signIn = async (...a: Parameters<typeof SignIn>): Promise<SignInResult> => (await import('./sign-in')).signIn(...a)
const agreement = () => import('./agreement-acceptance')

/** Who is at the locked screen: enough to greet them, nothing decrypted. */
export interface LockedUser {
  userId: string
  username: string
  role: StaffRole
}

const lockListeners = new Set<() => void>()
/** Stores holding decrypted data register here and clear themselves when the app locks (CONF-7). */
export function onLock(clear: () => void): () => void {
  lockListeners.add(clear)
  return () => lockListeners.delete(clear)
}

/**
 * The signed-in session. The keyring lives only here (a shallowRef, so Vue
 * never proxies CryptoKeys) and in the repositories' key holder; locking or
 * signing out drops both.
 */
export const useSessionStore = defineStore('session', () => {
  const { storage, setSessionKeys } = useDeviceStorage()
  const session = shallowRef<Session>()
  const pending = shallowRef<PendingSetup>()
  const lockedUser = ref<LockedUser>()
  /** Where the user was when the screen locked, to return there on unlock. */
  const returnTo = ref<string>()
  /** The address a permission check just refused, to name it on the refusal page. */
  const refusedPath = ref<string>()
  const hasOrg = ref<boolean>()
  /** CONF-8: the organisation's agreement changed since this user accepted it: they accept again before their work shows. */
  const agreementDue = ref(false)

  const role = computed(() => session.value?.role)
  const isSignedIn = computed(() => session.value !== undefined)
  const isLocked = computed(() => lockedUser.value !== undefined)
  const can = (p: Permission) => roleCan(role.value, p)

  async function refreshOrg(): Promise<boolean> {
    hasOrg.value = (await storage.signIns.getOrg()) !== undefined
    return hasOrg.value
  }

  function activate(s: Session) {
    setSessionKeys(keySourceFrom(s.keyring))
    session.value = s
    pending.value = undefined
    lockedUser.value = undefined
    void absorbGrants()
  }

  /** CONF-9: keys granted to this user after a rotation join the open keyring (and the stored one, after a passphrase). */
  async function absorbGrants(): Promise<void> {
    const s = session.value
    if (!s) return
    const { acceptGrants } = await import('./key-grants')
    await acceptGrants(storage, s).catch((e: unknown) => console.warn('key grants not taken in', e))
    // CONF-9: a departure left half-done (here or on another device) is finished by whoever may.
    if (roleCan(s.role, 'staff.manage')) {
      const { resumeDepartures } = await import('./deactivate-staff')
      const { browserDepartureServer } = await import('@/sync/browser-departure')
      await resumeDepartures(storage, s, browserDepartureServer).catch((e: unknown) => console.warn('departures not resumed', e))
    }
  }

  function dropKeys() {
    setSessionKeys(undefined)
    agreementDue.value = false
    session.value = undefined
    pending.value = undefined
    for (const clear of lockListeners) clear()
  }

  async function createOrg(input: NewOrganisation) {
    const result = await createOrganisation(storage, input)
    if (result.ok) {
      hasOrg.value = true
      activate(result.session)
    }
    return result
  }

  async function signInWith(username: string, secret: string): Promise<SignInResult> {
    const result = await signIn(storage, username, secret)
    if (result.status === 'signed-in') {
      // Decided before the keys are active, so no page of work shows first.
      agreementDue.value = await (await agreement()).agreementDueFor(storage, result.session.userId)
      activate(result.session)
    }
    if (result.status === 'setup-required') pending.value = result.pending
    return result
  }

  async function finishSetup(input: { passphrase: string; agreementAccepted: boolean }) {
    if (!pending.value) throw new Error('No first sign-in in progress')
    const result = await completeFirstSignIn(storage, pending.value, input)
    if (result.ok) {
      // The server account follows: from the setup code's server password to the passphrase's.
      const { moveServerPassword } = await import('@/sync/organisation-server')
      await moveServerPassword(result.session.userId, result.previousServerPassword, result.session.serverPassword!).catch(() => false)
      activate(result.session)
    }
    return result
  }

  /** A device with no organisation yet fetches it from the sync server, then signs in as usual. */
  async function join(username: string, secret: string): Promise<SignInResult | { status: 'join-failed'; reason: string }> {
    const { joinFromServer } = await import('@/sync/join')
    const joined = await joinFromServer(username, secret)
    if (!joined.ok) return { status: 'join-failed', reason: joined.reason }
    hasOrg.value = true
    return signInWith(username, secret)
  }

  /** CONF-7: drop keys and decrypted data now; remember who and where, to unlock back there. */
  async function lock(where?: string) {
    const s = session.value
    if (!s) return
    lockedUser.value = { userId: s.userId, username: s.username, role: s.role }
    returnTo.value = where
    dropKeys()
    await storage.audit.append({ action: 'lock', by: s.userId })
  }

  async function unlock(secret: string): Promise<SignInResult> {
    const who = lockedUser.value
    if (!who) throw new Error('Not locked')
    const result = await signIn(storage, who.username, secret)
    if (result.status === 'signed-in') {
      agreementDue.value = await (await agreement()).agreementDueFor(storage, who.userId)
      activate(result.session)
      await storage.audit.append({ action: 'unlock', by: who.userId })
    }
    return result
  }

  /** CONF-8: the signed-in user accepts the current agreement; their work shows again. */
  async function acceptAgreement() {
    if (!session.value) throw new Error('Not signed in')
    await (await agreement()).acceptAgreement(storage, session.value.userId)
    agreementDue.value = false
  }

  async function signOut() {
    const by = session.value?.userId ?? lockedUser.value?.userId
    dropKeys()
    lockedUser.value = undefined
    returnTo.value = undefined
    if (by) await storage.audit.append({ action: 'sign-out', by })
  }

  /** CONF-3: a route the role may not open, refused and audited. */
  async function recordRefusal(path: string) {
    if (session.value) await storage.audit.append({ action: 'access.denied', by: session.value.userId, detail: path })
  }

  /** CONF-7: sets or clears the quick-unlock PIN of the signed-in user on this device. */
  async function changePin(pin: string) {
    if (!session.value) throw new Error('Not signed in')
    const { setPin } = await import('./pin')
    return setPin(storage, session.value, pin)
  }

  /** CONF-9: the fingerprint of the root of trust this device pinned (Diagnostics shows it to compare). */
  async function rootFingerprint() {
    return (await import('./trust')).rootFingerprint(storage)
  }

  /** CONF-8: the organisation's current agreement text, readable before sign-in (its settings are public). */
  async function agreementText() {
    const { agreement } = (await storage.orgSettings.read()).settings
    return { 'zh-CN': agreement['zh-CN'], en: agreement.en }
  }

  return { recordRefusal, changePin, rootFingerprint, agreementText, session, pending, lockedUser, returnTo, refusedPath, hasOrg, agreementDue, acceptAgreement, role, isSignedIn, isLocked, can, refreshOrg, createOrg, signInWith, finishSetup, join, lock, unlock, signOut, absorbGrants }
})
