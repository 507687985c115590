import { inject, type InjectionKey } from 'vue'
import type { SelfBroadbandAccount, SelfBroadbandMonth, SelfMembership, SelfProfile, SelfVisits } from '@/core/self-service/schemas'

/** Why the phone refused to send a dispute (BB-7). */
export type DisputeProblem = 'reason-required' | 'not-open' | 'unknown-line'
/** Why the phone refused to send an objection (BB-13). */
export type ObjectionProblem = 'reason-required' | 'not-open'

/**
 * Issue 14: what the member's screens read, and the two requests they send. The views are written by staff
 * devices into the member's own database; the phone only reads them (offline too). The app provides the real
 * implementation (over the member's realm); a test provides `memorySelfViews` (self-views.testing.ts).
 * The store takes it by injection, never by importing the app's, as stores take the device storage.
 */
export interface SelfViews {
  /** The organisation the member belongs to: a card is signed over its id (MEM-8). */
  orgId(): Promise<string | undefined>
  profile(): Promise<SelfProfile | undefined>
  memberships(): Promise<SelfMembership[]>
  /** every year held, newest first */
  visits(): Promise<SelfVisits[]>
  accounts(): Promise<SelfBroadbandAccount[]>
  month(accountId: string, month: string): Promise<SelfBroadbandMonth | undefined>
  /** BB-7: the member disputes a charge line with a reason. */
  raiseDispute(input: { accountId: string; entryId: string; reason: string }): Promise<{ ok: true } | { ok: false; problem: DisputeProblem }>
  /** BB-13: the member objects to a change of terms. */
  objectToTerms(input: { accountId: string; noticeId: string; reason: string }): Promise<{ ok: true } | { ok: false; problem: ObjectionProblem }>
  /** Views written or changed since (sync brought new ones): the store re-reads. Returns the unsubscribe. */
  onChange(listener: () => void): () => void
}

export const selfViewsKey: InjectionKey<SelfViews> = Symbol('self views')

/** The injected views; call it in a setup store or a component's setup. */
export function useSelfViews(): SelfViews {
  const provided = inject(selfViewsKey, undefined)
  if (!provided) throw new Error('No self views: app/main.ts provides them (a test: app.provide(selfViewsKey, …))')
  return provided
}
