import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { serverBase } from '@/sync/browser-sync'
import { issueMemberSignin, type IssueSigninResult } from './issue-signin'
import { writeMemberViews, type ViewsResult } from './member-views'
import { createSigninRecords, signinIdOf } from './signin-records'

/** What the desk shows of a person's sign-in: never the key, never a code after it was handed over. */
export interface SigninStatus {
  signInName: string
  issuedAt: number
  codeExpiresAt: number
}

/** A code just issued, shown once (and printable) until the page is left or the app locks. */
export interface IssuedCode {
  personId: string
  signInName: string
  code: string
  expiresAt: number
  /** The link the QR holds: the member app's sign-in with the name and code after `#` (never sent to a server). */
  link: string
  ready: boolean
}

/** Issue 14 (BB-11): the desk and the counter give people their sign-in, and keep their phone's pages current. */
export const useMemberSigninsStore = defineStore('member-signins', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const issued = shallowRef<IssuedCode>()
  onLock(() => (issued.value = undefined))

  function current() {
    if (!session.can('self.issue') || !session.session) throw new PermissionError('self.issue')
    return session.session
  }

  async function status(personId: string): Promise<SigninStatus | undefined> {
    current()
    const s = await createSigninRecords(storage.recordContext).get(signinIdOf(personId))
    return s && { signInName: s.signInName, issuedAt: s.issuedAt, codeExpiresAt: s.codeExpiresAt }
  }

  async function issue(personId: string, signInName: string): Promise<IssueSigninResult> {
    const s = current()
    const result = await issueMemberSignin(storage, s, { personId, signInName }, { serverBase })
    if (!result.ok) return result
    const link = `${location.origin}/me/#/sign-in?${new URLSearchParams({ n: result.signInName, c: result.code })}`
    issued.value = { personId, signInName: result.signInName, code: result.code, expiresAt: result.expiresAt, link, ready: result.outcome.state === 'ready' }
    if (result.outcome.state === 'ready') await refresh(personId)
    return result
  }

  /** Writes the person's views into their database now (after a change at the desk, or to catch up). */
  async function refresh(personId: string): Promise<ViewsResult> {
    return writeMemberViews(storage, current(), personId, { serverBase })
  }

  function forgetCode() {
    issued.value = undefined
  }

  return { issued, status, issue, refresh, forgetCode }
})
