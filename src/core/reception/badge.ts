/** REC-4: which visitors get a badge, and until when it is good. */
import { closingAfter, type BuildingClock } from './closing-time'
import type { Badge, ReceptionChoice, ReceptionSettings } from './types'

/** A badge to print, or why there is none (the serial and expiry are added when it is printed). */
export type BadgeDecision = { issued: true } | Extract<Badge, { issued: false }>

/**
 * REC-4: every visitor let in gets a badge except high-level visitors and job applicants (访客(高规格、应聘者除外));
 * a refused visitor is not let in. REC-5: a badge for a restricted place is printed only once the principal has
 * approved (`approved`), so nobody walks into the teaching area on a badge that says they may.
 */
export function badgeFor(choice: ReceptionChoice, settings: ReceptionSettings, approved: boolean): BadgeDecision {
  if (choice.level === 'refuse') return { issued: false, why: 'refused' }
  if (choice.level === 'high') return { issued: false, why: 'high-level' }
  if (choice.level === 'applicant') return { issued: false, why: 'applicant' }
  const restricted = settings.places.some((p) => p.id === choice.place && p.restricted)
  if (restricted && !approved) return { issued: false, why: 'needs-approval' }
  return { issued: true }
}

/**
 * REC-4: a badge is good until the building closes on the day it was issued (organisation settings); on a
 * holiday, a day with no hours, or when issued after closing, until the end of that local day.
 */
export function badgeExpiry(at: number, org: BuildingClock): number {
  return closingAfter(at, org)
}
