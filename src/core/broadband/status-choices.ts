import type { AccountStatus } from './account-status'
import { violationDeadline } from './dunning'
import type { StatusReason, Violation } from './types'
import type { LocalDate } from '@/core/shared/units'
import type { AccountActions } from './account-actions'

/** A status action the page offers: which gate in `accountActions` opens it, and the change it writes. */
export interface StatusChoice {
  name: 'startService' | 'suspend' | 'reactivate' | 'terminateByNotice' | 'terminateForArrears' | 'terminateForViolation'
  to: AccountStatus
  reason: StatusReason
  violation?: Violation
  deadline?: LocalDate
}

/**
 * The status change each button writes on `on`. BB-9: a suspension for a violation gives 3 days (its deadline);
 * one for arrears has none (BB-4). Reactivation says why the suspension ended: paid (arrears) or rectified.
 */
export function statusChoice(name: StatusChoice['name'], on: LocalDate, suspendedFor: StatusReason | undefined, violation?: Violation): StatusChoice {
  switch (name) {
    case 'startService':
      return { name, to: 'active', reason: 'service-start' }
    case 'suspend':
      return violation ? { name, to: 'suspended', reason: 'violation', violation, deadline: violationDeadline(on) } : { name, to: 'suspended', reason: 'arrears' }
    case 'reactivate':
      return { name, to: 'active', reason: suspendedFor === 'violation' ? 'rectified' : 'paid' }
    case 'terminateByNotice':
      return { name, to: 'terminated', reason: 'notice' }
    case 'terminateForArrears':
      return { name, to: 'terminated', reason: 'arrears-terminated' }
    case 'terminateForViolation':
      return { name, to: 'terminated', reason: 'violation-unrectified' }
  }
}

export const statusActionNames = ['startService', 'suspend', 'reactivate', 'terminateByNotice', 'terminateForArrears', 'terminateForViolation'] as const satisfies readonly (keyof AccountActions)[]
