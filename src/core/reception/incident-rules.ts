/** REC-7: who records which incident, and where each staff member stands on the ladders this year. */
import { can } from '@/core/access/permissions'
import type { Role } from '@/core/access/roles'
import { incidentKinds } from './schemas'
import { ladderStanding, yearOf, type LadderStanding } from './ladder'
import type { Incident, IncidentKind, LadderStep, ReceptionSettings } from './types'

/**
 * REC-7: a complaint of improper reception is a manager's to record (`incidents.review`); a visitor seen without a
 * badge (REC-4) is recorded by whoever works the desk, against the visit's host.
 */
export function mayRecordIncident(role: Role | undefined, kind: IncidentKind): boolean {
  return can(role, kind === 'improper-reception' ? 'incidents.review' : 'reception.desk')
}

/** One staff member's year: their incidents (newest first) and their standing on each kind's ladder. */
export interface StaffIncidents {
  staffId: string
  incidents: Incident[]
  standings: Partial<Record<IncidentKind, LadderStanding>>
}

/**
 * REC-7: each staff member with an incident in `year`, in order of first appearance, their standing on the ladder
 * of each kind they have incidents of (a kind with none this year is left out, not shown as step 0).
 */
export function incidentStandings(settings: ReceptionSettings, incidents: readonly Incident[], year: string): StaffIncidents[] {
  const thisYear = incidents.filter((i) => yearOf(i.day) === year)
  const byStaff = new Map<string, Incident[]>()
  for (const i of thisYear) byStaff.set(i.staffId, [...(byStaff.get(i.staffId) ?? []), i])
  return [...byStaff].map(([staffId, theirs]) => {
    const standings: StaffIncidents['standings'] = {}
    for (const kind of incidentKinds) if (theirs.some((i) => i.kind === kind)) standings[kind] = ladderStanding(settings, kind, theirs, staffId, year)
    return { staffId, incidents: [...theirs].sort((a, b) => b.at - a.at), standings }
  })
}

/**
 * REC-7: the ladders a staff member reads their own standing on when they cannot read the settings (they may hold no
 * desk realm key): each kind's as carried by their newest incident of it (`at`), the seeded `base` for a kind without.
 */
export function settingsFromCarried(base: ReceptionSettings, incidents: readonly (Incident & { ladder?: LadderStep[] })[]): ReceptionSettings {
  const ladders = { ...base.ladders }
  for (const kind of incidentKinds) {
    const newest = incidents.filter((i) => i.kind === kind && i.ladder).sort((a, b) => b.at - a.at)[0]
    if (newest?.ladder) ladders[kind] = newest.ladder
  }
  return { ...base, ladders }
}
