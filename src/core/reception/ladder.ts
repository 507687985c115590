/** REC-7: the step of the penalty ladder a staff member has reached this year. */
import type { Fen } from '@/core/shared/units'
import type { Incident, IncidentKind, LadderStep, ReceptionSettings } from './types'

export type LadderStanding = { step: number; of: number; actions: LadderStep['actions']; fine: Fen } | { exhausted: true; count: number; lastStep: number }

export function ladderStanding(settings: ReceptionSettings, kind: IncidentKind, incidents: Incident[], staffId: string, year: string): LadderStanding {
  void [settings, kind, incidents, staffId, year]
  throw new Error('not built yet')
}
