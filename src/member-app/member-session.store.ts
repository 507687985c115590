import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { currentKid, keyLookup } from '@/crypto/keyring'
import { memberRealm } from '@/identity/member-ids'
import { changeMemberPassword, memberSignIn, setMemberPassword, type KeptMemberSignin, type MemberSession, type PendingMemberSetup } from '@/identity/member-sign-in'
import type { SelfDevice } from '@/storage/self-device'
import type { SelfKeys } from './local-self-views'
import { fetchOrganisation, type MemberOrg } from './member-org'
import { createMemberSync, serverBase, type MemberSyncState } from './member-sync'

export type MemberProblem =
  | 'wrong-credentials' | 'code-used' | 'offline-unknown' | 'network' | 'no-server'
  | 'too-short' | 'too-simple' | 'contains-name' | 'common' | 'mismatch' | 'refused'

let device: Promise<SelfDevice> | undefined
/**
 * The phone's own database, opened on first use: Dexie is not part of the first load, so the sign-in page draws
 * while it loads (a test may give one over fake IndexedDB).
 */
export function loadSelfDevice(given?: SelfDevice): Promise<SelfDevice> {
  if (given) device = Promise.resolve(given)
  return (device ??= import('@/storage/self-device').then((m) => m.createSelfDevice()))
}

/**
 * Issue 14: the member's session on their phone. The keyring lives here, in memory, while signed in; the phone
 * keeps it only locked under the password. Signing out forgets the session (the views stay, sealed, for the next
 * sign-in on this phone; "forget this phone" deletes them).
 */
export const useMemberSession = defineStore('member-session', () => {
  const state = ref<'starting' | 'signed-out' | 'setup' | 'signed-in'>('starting')
  const session = shallowRef<MemberSession>()
  const pending = shallowRef<PendingMemberSetup>()
  const org = shallowRef<MemberOrg>()
  const keptName = ref<string>()
  const syncState = ref<MemberSyncState>('idle')
  /** Bumped after each sync round: the views re-read. */
  const round = ref(0)
  let sync: ReturnType<typeof createMemberSync> | undefined
  /** BB-11: told when the member sets or changes their password (the app sends the desk a note of it). */
  let onPasswordSet: ((first: boolean) => void) | undefined

  async function start(): Promise<void> {
    const d = await loadSelfDevice()
    org.value = ((await d.org()) as MemberOrg | undefined) ?? undefined
    keptName.value = ((await d.keptSignin()) as KeptMemberSignin | undefined)?.signInName
    // A sign-in already under way (or done) while the database opened keeps its state.
    if (state.value === 'starting') state.value = 'signed-out'
  }

  async function organisation(): Promise<MemberOrg | MemberProblem> {
    try {
      const fresh = await fetchOrganisation(serverBase)
      if (fresh === 'no-server') return org.value ?? 'no-server'
      // A phone belongs to one organisation: a server that names another is not taken silently.
      if (org.value && org.value.orgId !== fresh.orgId) return 'no-server'
      await (await loadSelfDevice()).keepOrg(fresh)
      return (org.value = fresh)
    } catch {
      return org.value ?? 'offline-unknown'
    }
  }

  function begin(s: MemberSession, kept: KeptMemberSignin): void {
    session.value = s
    pending.value = undefined
    state.value = 'signed-in'
    sync?.stop()
    void loadSelfDevice().then(async (d) => {
      await d.keepSignin(kept)
      if (session.value !== s) return
      sync = createMemberSync(d, () => session.value, () => void round.value++, (st) => (syncState.value = st))
      void sync.sync()
    })
  }

  async function signIn(name: string, secret: string): Promise<MemberProblem | undefined> {
    const o = await organisation()
    if (typeof o === 'string') return o
    const kept = (await (await loadSelfDevice()).keptSignin()) as KeptMemberSignin | undefined
    const result = await memberSignIn(o.orgId, name, secret, { serverBase, kept })
    if (result.status === 'refused') return result.reason
    if (result.status === 'setup-required') {
      pending.value = result.pending
      state.value = 'setup'
      return undefined
    }
    begin(result.session, result.kept)
    return undefined
  }

  async function choosePassword(password: string, repeat: string): Promise<MemberProblem | undefined> {
    if (!pending.value) return 'code-used'
    const result = await setMemberPassword(pending.value, { password, repeat })
    if (!result.ok) return result.problem
    begin(result.session, result.kept)
    onPasswordSet?.(true)
    return undefined
  }

  /** BB-11: a new password, the current one asked again. */
  async function changePassword(current: string, password: string, repeat: string): Promise<MemberProblem | undefined> {
    const s = session.value
    const kept = (await (await loadSelfDevice()).keptSignin()) as KeptMemberSignin | undefined
    if (!s || !kept) return 'wrong-credentials'
    const result = await changeMemberPassword(s, kept, { current, password, repeat }, { serverBase })
    if (!result.ok) return result.problem
    session.value = result.session
    await (await loadSelfDevice()).keepSignin(result.kept)
    onPasswordSet?.(false)
    return undefined
  }

  function signOut(): void {
    sync?.stop()
    sync = undefined
    session.value = undefined
    pending.value = undefined
    state.value = 'signed-out'
  }

  /** The keys the views are read and the requests sealed with. */
  function keys(): SelfKeys | undefined {
    const s = session.value
    if (!s) return undefined
    const realm = memberRealm(s.userId)
    const kid = currentKid(s.keyring, realm)
    const key = kid ? s.keyring.realmKeys.get(kid) : undefined
    return kid && key ? { userId: s.userId, realm, lookup: keyLookup(s.keyring), writeKey: { kid, key } } : undefined
  }

    function whenPasswordSet(listener: (first: boolean) => void): void {
    onPasswordSet = listener
  }

  return { whenPasswordSet, state, session, pending, org, keptName, syncState, round, start, signIn, choosePassword, changePassword, signOut, keys, syncNow: () => sync?.sync() }
})
