/** REC-6: who is still in the building, visits open at closing, and the ones forgotten overnight. */
import type { LocalDate } from '@/core/shared/units'
import type { BuildingClock } from './closing-time'
import type { Visit, VisitCheckOut } from './types'

export type StoredVisit = { id: string; record: Visit }

export function openVisitsAtClosing(visits: StoredVisit[], checkOuts: VisitCheckOut[], now: number, org: BuildingClock): { flagged: string[]; closesAt?: number } {
  void [visits, checkOuts, now, org]
  throw new Error('not built yet')
}

export function closeForgottenVisits(visits: StoredVisit[], checkOuts: VisitCheckOut[], now: number, org: BuildingClock, by: string, deviceId: string): VisitCheckOut[] {
  void [visits, checkOuts, now, org, by, deviceId]
  throw new Error('not built yet')
}

export function inBuilding(visits: StoredVisit[], checkOuts: VisitCheckOut[], day: LocalDate): StoredVisit[] {
  void [visits, checkOuts, day]
  throw new Error('not built yet')
}
