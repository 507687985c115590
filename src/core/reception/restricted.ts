/** REC-5: no visitor goes into the teaching/academic area without the principal's approval. */
import type { StaffRole } from '@/core/access/roles'
import type { ReceptionSettings, VisitApproval } from './types'

export const principalRoles: readonly StaffRole[] = ['manager']

export function restrictedAreaCheck(
  settings: ReceptionSettings,
  placeId: string,
  approvals: VisitApproval[],
  approverRoles: (userId: string) => StaffRole | undefined,
): { allowed: true } | { allowed: false; why: 'needs-approval' | 'approver-not-principal' } {
  void [settings, placeId, approvals, approverRoles]
  throw new Error('not built yet')
}
