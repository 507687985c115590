import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { foregroundIdle } from '@/storage/foreground'
import { serverBase as browserServerBase } from '@/sync/browser-sync'
import { writeMemberViews } from './member-views'
import { createSigninRecords, signinIdOf } from './signin-records'

/**
 * Issue 14 §3: what the desk changes away from a member's page (a check-in at the scanner) reaches the member's
 * phone pages a little later, not at each scan: the people touched are kept here and their pages written once the
 * desk has been quiet for `quietMs` (each person once, one at a time, after any scan in flight), so a queue at the
 * desk never waits for a member's phone. Offline, they wait for the next touch or page opened.
 */
export function createPhonePagesQueue(deps: {
  storage: () => LobbyStorage
  session: () => Session | undefined
  serverBase?: string
  quietMs?: number
}) {
  const serverBase = deps.serverBase ?? browserServerBase
  const touched = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined

  async function drain(): Promise<void> {
    while (touched.size > 0) {
      const session = deps.session()
      if (!session) return
      const [memberId] = touched
      touched.delete(memberId!)
      await foregroundIdle()
      const storage = deps.storage()
      const member = await storage.desk.members.get(memberId!).catch(() => undefined)
      if (!member) continue
      // Most members have no phone sign-in: one read, and nothing more.
      if (!(await createSigninRecords(storage.recordContext).get(signinIdOf(member.personId)).catch(() => undefined))) continue
      await writeMemberViews(storage, session, member.personId, { serverBase }).catch(() => undefined)
    }
  }

  return {
    /** A member's records changed here (a check-in, a check-out). */
    touch(memberId: string): void {
      touched.add(memberId)
      clearTimeout(timer)
      timer = setTimeout(() => {
        running ??= drain().finally(() => (running = undefined))
      }, deps.quietMs ?? 30_000)
    },
    /** The session ended: nothing is written for it any more. */
    clear(): void {
      touched.clear()
      clearTimeout(timer)
    },
  }
}
