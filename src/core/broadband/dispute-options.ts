import { disputeWindow } from './dispute-window'
import type { Dispute, LedgerLine, WithId } from './types'
import type { LocalDate } from '@/core/shared/units'
import type { ActionState } from './account-actions'

export type DisputeState = { open: true } | { open: false; reason: 'window-closed'; closedOn: LocalDate } | { open: false; reason: 'disputed' | 'arrears' }

export interface DisputeOption {
  entryId: string
  state: DisputeState
}

// What the subscriber was charged: a monthly fee, a late fee, a back-charge (a refund is money paid back, not a charge).
const disputable = new Set(['charge', 'late-fee', 'back-charge'])

/**
 * BB-7: each charge on the ledger and whether it may be disputed today: within 6 months of it (dispute-window.ts),
 * else the day the window closed; not twice; and, BB-3, not while in arrears (`allowed`: the account's dispute gate).
 */
export function disputeOptions(lines: readonly LedgerLine[], disputes: readonly WithId<Dispute>[], today: LocalDate, allowed: ActionState): DisputeOption[] {
  const disputed = new Set(disputes.map((d) => d.record.entryId))
  return lines
    .filter((l) => disputable.has(l.record.kind))
    .map((l): DisputeOption => {
      const span = disputeWindow(l.record.on, today)
      if (!span.open) return { entryId: l.id, state: { open: false, reason: 'window-closed', closedOn: span.closedAfter } }
      if (disputed.has(l.id)) return { entryId: l.id, state: { open: false, reason: 'disputed' } }
      if (!allowed.allowed) return { entryId: l.id, state: { open: false, reason: 'arrears' } }
      return { entryId: l.id, state: { open: true } }
    })
}
