/** BB-1: the states of a broadband agreement. */
export const accountStatuses = ['pending', 'active', 'suspended', 'terminated'] as const
export type AccountStatus = (typeof accountStatuses)[number]

/**
 * BB-1, BB-4, BB-9, BB-12: the changes an agreement may go through. `pending → active` when service starts (nothing
 * is billed before, BB-6); `active ⇄ suspended` (arrears, a violation); `terminated` from any live state (arrears
 * past two months, a violation not put right, written notice, a transfer of ownership, a pending agreement called
 * off). Terminated is final: a returning subscriber gets a new agreement.
 */
const allowed: Readonly<Record<AccountStatus, readonly AccountStatus[]>> = {
  pending: ['active', 'terminated'],
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
}

export function statusChangeAllowed(from: AccountStatus, to: AccountStatus): boolean {
  return allowed[from].includes(to)
}
