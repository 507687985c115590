/** Builders of ledger entries and states for the membership tests (not used by the app). */
import type { DepositEntry, DepositReturnEntry, FeeEntry, LocalDate, Term } from './types'
import type { MembershipState } from './membership-state'

const paid = { method: 'cash', receiptNo: 'R-1', by: 'staff-1' } as const

/** A fee of `amount` (default: listed, no credit) paying for `start`…`end`. */
export function feeEntry(f: { memberId?: string; at: number; tierId?: string; term?: Term; start: LocalDate; end: LocalDate; amount?: number; listed?: number; credit?: number }): FeeEntry {
  const listed = f.listed ?? f.amount ?? 10000
  const credit = f.credit ?? 0
  return { kind: 'fee', memberId: f.memberId ?? 'm1', at: f.at, tierId: f.tierId ?? 'ordinary', term: f.term ?? 'month', listed, credit, amount: f.amount ?? listed - credit, start: f.start, end: f.end, ...paid }
}

export function depositEntry(amount: number, at: number, memberId = 'm1'): DepositEntry {
  return { kind: 'deposit', memberId, at, tierId: 'vip', amount, ...paid }
}

export function depositReturnEntry(refunded: number, kept: number, at: number, memberId = 'm1'): DepositReturnEntry {
  return { kind: 'deposit-return', memberId, at, refunded, kept, reason: kept > 0 ? 'scratched desk' : '', ...paid }
}

/** A state with no money in it, for rules that read only status, tier and dates. */
export function stateOf(s: Pick<MembershipState, 'status'> & Partial<MembershipState>): MembershipState {
  return { depositHeld: 0, feesPaid: 0, points: 0, terms: [], ...s }
}
