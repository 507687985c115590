/** REC-2: what the category suggests, and the desk's change of it. */
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import { badgeFor, type BadgeDecision } from './badge'
import type { ReceptionChoice, ReceptionSettings } from './types'

export type Suggestion =
  | { ok: true; choice: ReceptionChoice; refused: boolean; badge: BadgeDecision }
  | { ok: false; problem: 'unknown-category' | 'retired-category' }

/**
 * REC-2: the level, place, what to offer and who receives, from the category's row. A retired category is
 * offered for no new visit. Job applicants (`interview`, 1 when absent): the first interview is the row as
 * it stands; at the second the regulation adds water (复试…以水招待), so it offers at least water. The badge
 * is the one the choice gets before any approval (REC-4, REC-5).
 */
export function suggestReception(settings: ReceptionSettings, categoryId: string, interview?: 1 | 2): Suggestion {
  const category = settings.categories.find((c) => c.id === categoryId)
  if (!category) return { ok: false, problem: 'unknown-category' }
  if (category.retired) return { ok: false, problem: 'retired-category' }
  const { level, place, receivedBy } = category
  const secondInterview = level === 'applicant' && interview === 2
  const hospitality = secondInterview && category.hospitality === 'none' ? 'water' : category.hospitality
  const choice: ReceptionChoice = { level, place, hospitality, receivedBy }
  return { ok: true, choice, refused: level === 'refuse', badge: badgeFor(choice, settings, false) }
}

const sameChoice = (a: ReceptionChoice, b: ReceptionChoice): boolean =>
  a.level === b.level && a.place === b.place && a.hospitality === b.hospitality && a.receivedBy === b.receivedBy

/**
 * REC-2: the desk keeps the suggestion (no reason asked), or changes it with a reason (trimmed, at most
 * `textLimits.reason`), which the visit keeps beside what was suggested for the audit.
 */
export function changeReception(
  suggested: ReceptionChoice,
  chosen: ReceptionChoice,
  reason: string,
): { ok: true; changed?: { suggested: ReceptionChoice; reason: string } } | { ok: false; problem: 'reason-required' | 'reason-too-long' } {
  if (sameChoice(suggested, chosen)) return { ok: true }
  const why = reason.trim()
  if (why === '') return { ok: false, problem: 'reason-required' }
  if (!withinLimit(why, textLimits.reason)) return { ok: false, problem: 'reason-too-long' }
  return { ok: true, changed: { suggested, reason: why } }
}
