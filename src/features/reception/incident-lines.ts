import { incidentKinds } from '@/core/reception/schemas'
import type { StaffIncidents } from '@/core/reception/incident-rules'
import type { IncidentKind, LadderStep } from '@/core/reception/types'
import type { Fen } from '@/core/shared/units'

/**
 * REC-7: one line of a staff member's standing, as the page words it: a step and the fine due there, or the ladder
 * exhausted (escalate) with no fine at all: the page never shows a fine the table does not set.
 */
export type StandingLine =
  | { kind: IncidentKind; key: 'stepOf'; params: { step: number; of: number; actions: string }; fine: Fen }
  | { kind: IncidentKind; key: 'exhausted'; params: { count: number; last: number } }

type Action = LadderStep['actions'][number]

/** The lines of `row`, one per kind it has incidents of, in the order the kinds are defined. */
export function standingLines(row: StaffIncidents, actionWord: (action: Action) => string): StandingLine[] {
  const lines: StandingLine[] = []
  for (const kind of incidentKinds) {
    const standing = row.standings[kind]
    if (!standing) continue
    if ('exhausted' in standing) lines.push({ kind, key: 'exhausted', params: { count: standing.count, last: standing.lastStep } })
    else lines.push({ kind, key: 'stepOf', params: { step: standing.step, of: standing.of, actions: standing.actions.map(actionWord).join(', ') }, fine: standing.fine })
  }
  return lines
}

export type ComplaintProblem = 'staffRequired' | 'noteRequired'

/** REC-7: a complaint names the staff member and says what happened. */
export function checkComplaint(input: { staffId: string; note: string }): ComplaintProblem[] {
  const problems: ComplaintProblem[] = []
  if (!input.staffId) problems.push('staffRequired')
  if (!input.note.trim()) problems.push('noteRequired')
  return problems
}
