/** BB-1: an agreement's status is the fold of its status-change events, never a stored field. */
import { statusChangeAllowed, type AccountStatus } from './account-status'
import type { StatusChange, StatusReason, Violation, WithId } from './types'
import type { LocalDate } from '@/core/shared/units'

export interface AgreementState {
  status: AccountStatus
  /** The day the current status took effect (absent while pending with no change). */
  since?: LocalDate
  /** The `on` of the first applied change to active: nothing is billed before it (BB-6). */
  serviceStart?: LocalDate
  terminatedOn?: LocalDate
  /** While suspended: why, and for a violation the BB-9 deadline. */
  suspension?: { reason: StatusReason; violation?: Violation; deadline?: LocalDate; on: LocalDate }
  /** Every change in fold order; `applied: false` for one the status at that point did not allow. */
  history: Array<WithId<StatusChange> & { applied: boolean }>
}

/** Events are ordered by (at, id), so every device folds the same events to the same state. */
export function byAtThenId(a: WithId<{ at: number }>, b: WithId<{ at: number }>): number {
  return a.record.at - b.record.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The status of an agreement: its status changes folded in (at, id) order from `pending`. A change the status at
 * that point does not allow (account-status.ts) stays in the history, not applied: two devices suspending offline
 * both keep their event (events are append-only), and the second shows as the no-op it was.
 */
export function agreementState(changes: readonly WithId<StatusChange>[]): AgreementState {
  const state: AgreementState = { status: 'pending', history: [] }
  for (const change of [...changes].sort(byAtThenId)) {
    const { to, on, reason, violation, deadline } = change.record
    const applied = statusChangeAllowed(state.status, to)
    state.history.push({ ...change, applied })
    if (!applied) continue
    state.status = to
    state.since = on
    if (to === 'active') state.serviceStart ??= on
    if (to === 'terminated') state.terminatedOn = on
    if (to === 'suspended') state.suspension = { reason, on, ...(violation ? { violation } : {}), ...(deadline ? { deadline } : {}) }
    else delete state.suspension
  }
  return state
}
