/** REC-5: no visitor goes into the teaching/academic area without the principal's approval (须经校长特批). */
import type { StaffRole } from '@/core/access/roles'
import type { ReceptionSettings, VisitApproval } from './types'

/**
 * DECISION (issue 11 §5): "the principal" (校长) is a `manager`. Managers are the ones who decide what only a
 * manager decides (blacklisting, settings, staff); an `admin` is the custodian of the keys, who hands them to new
 * staff and sees no customer data on any screen (docs/security.md), so an admin's approval does not count, nor a
 * lead's or the desk's. Every manager counts: the app has no "principal" role of its own, and a centre with
 * more than one manager lets each approve.
 */
export const principalRoles: readonly StaffRole[] = ['manager']

/**
 * REC-5: whether a visitor may be taken to `placeId`. A place not marked restricted in the settings needs
 * nothing. A restricted one needs an approval recorded for that place (`approvals`: the visit's) by someone whose
 * role (`approverRoles`, as the staff directory says now: someone who left has none) is a principal's.
 */
export function restrictedAreaCheck(
  settings: ReceptionSettings,
  placeId: string,
  approvals: VisitApproval[],
  approverRoles: (userId: string) => StaffRole | undefined,
): { allowed: true } | { allowed: false; why: 'needs-approval' | 'approver-not-principal' } {
  const restricted = settings.places.some((p) => p.id === placeId && p.restricted)
  if (!restricted) return { allowed: true }
  const forPlace = approvals.filter((a) => a.place === placeId)
  if (forPlace.length === 0) return { allowed: false, why: 'needs-approval' }
  const byPrincipal = forPlace.some((a) => {
    const role = approverRoles(a.approvedBy)
    return role !== undefined && principalRoles.includes(role)
  })
  return byPrincipal ? { allowed: true } : { allowed: false, why: 'approver-not-principal' }
}
