/** REC-7: the step of the penalty ladder a staff member has reached this year. */
import type { Fen, LocalDate } from '@/core/shared/units'
import type { Incident, IncidentKind, LadderStep, ReceptionSettings } from './types'

/**
 * Where a staff member stands: at step `step` of `of` (step 0, nothing due, before their first incident of
 * the year), with what that step does and the fine due at it; or past the last step (`exhausted`), where the
 * regulation says nothing more: the app asks for escalation and shows no fine rather than invent one.
 */
export type LadderStanding = { step: number; of: number; actions: LadderStep['actions']; fine: Fen } | { exhausted: true; count: number; lastStep: number }

/** The calendar year (`YYYY`) of an organisation-local date: the ladder counts per calendar year. */
export function yearOf(day: LocalDate): string {
  return day.slice(0, 4)
}

/**
 * REC-7: count `staffId`'s incidents of `kind` whose organisation-local day falls in `year`, and read that
 * count on the settings' ladder (the nth incident is step n). Incidents of earlier years are not counted.
 */
export function ladderStanding(settings: ReceptionSettings, kind: IncidentKind, incidents: Incident[], staffId: string, year: string): LadderStanding {
  const ladder = settings.ladders[kind]
  const count = incidents.filter((i) => i.kind === kind && i.staffId === staffId && yearOf(i.day) === year).length
  if (count === 0) return { step: 0, of: ladder.length, actions: [], fine: 0 }
  const reached = ladder[count - 1]
  if (!reached) return { exhausted: true, count, lastStep: ladder.length }
  return { step: count, of: ladder.length, actions: [...reached.actions], fine: reached.fine }
}
