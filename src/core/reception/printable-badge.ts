/** REC-4, REC-5: the badge the desk may print for a visit now, from the visit and its approval. */
import { badgeExpiry } from './badge'
import type { BuildingClock } from './closing-time'
import type { Badge, Visit } from './types'

export type PrintableBadge = { printable: true; expiresAt: number } | { printable: false; why: Extract<Badge, { issued: false }>['why'] }

/**
 * REC-5: a visit to a restricted place is registered without a badge (`needs-approval`), and the visit is an event,
 * never rewritten: once the principal's approval has reached this desk (`approvedAt`, the approval's time; undefined
 * while none counts, approval-actions.ts), the badge is printable, good until the building closes on the day of the
 * approval (REC-4: it was issued then, not at registration). Any other reason for no badge stands whatever was approved.
 */
export function printableBadge(visit: Visit, approvedAt: number | undefined, org: BuildingClock): PrintableBadge {
  if (visit.refused) return { printable: false, why: 'refused' }
  if (visit.badge.issued) return { printable: true, expiresAt: visit.badge.expiresAt }
  if (visit.badge.why !== 'needs-approval' || approvedAt === undefined) return { printable: false, why: visit.badge.why }
  // An approval stamped before the visit (a principal's clock running slow) issues the badge no earlier than the visit.
  return { printable: true, expiresAt: badgeExpiry(Math.max(approvedAt, visit.at), org) }
}
