/** REC-6: who is still in the building, visits open at closing, and the ones forgotten overnight. */
import { localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { closingAfter, closingTimeOf, type BuildingClock } from './closing-time'
import type { Visit, VisitCheckOut } from './types'

export type StoredVisit = { id: string; record: Visit }

/**
 * What a check-out written by `closeForgottenVisits` says, in both languages: it is stored data, read in
 * either UI language and in the audit, so it is not a UI string looked up at display time.
 */
export const autoCloseNote = '闭馆时仍未签出，已自动签出 · Still open at closing time: checked out automatically'

/** A refused visitor was recorded, never let in: never "open", never in the building (REC-2). */
function isRefused(visit: Visit): boolean {
  return visit.refused !== undefined || visit.reception.level === 'refuse'
}

function openVisits(visits: StoredVisit[], checkOuts: VisitCheckOut[]): StoredVisit[] {
  const out = new Set(checkOuts.map((c) => c.visitId))
  const seen = new Set<string>()
  return visits.filter((v) => {
    if (out.has(v.id) || seen.has(v.id) || isRefused(v.record)) return false
    seen.add(v.id)
    return true
  })
}

/**
 * REC-6: once today's closing time (organisation settings) has passed, today's visits still open are flagged
 * for the desk; `closesAt` says when that is, and is absent on a holiday or a day the building does not open
 * (nothing is flagged then: those visits are closed automatically the next day like any other). Visits of
 * earlier days are `closeForgottenVisits`' to close, not flagged as today's.
 */
export function openVisitsAtClosing(visits: StoredVisit[], checkOuts: VisitCheckOut[], now: number, org: BuildingClock): { flagged: string[]; closesAt?: number } {
  const today = localDateOf(now, org.timeZone)
  const closesAt = closingTimeOf(today, org)
  if (closesAt === undefined) return { flagged: [] }
  if (now < closesAt) return { flagged: [], closesAt }
  const flagged = openVisits(visits, checkOuts)
    .filter((v) => v.record.day === today)
    .map((v) => v.id)
  return { flagged, closesAt }
}

/**
 * REC-6: the check-outs to write for visits of days before today still open: closed at that day's closing time
 * (the end of that day when the building did not open, or the visitor came after closing: never before they
 * came), `how: 'closing'` with `autoCloseNote`, so the desk sees them closed automatically and never silently.
 * The check-out's `day` is the visit's, so it lands in that day's slice. A visit with a check-out already (by
 * hand, by badge, or by an earlier run) gets none, and one listed twice gets one.
 */
export function closeForgottenVisits(visits: StoredVisit[], checkOuts: VisitCheckOut[], now: number, org: BuildingClock, by: string, deviceId: string): VisitCheckOut[] {
  const today = localDateOf(now, org.timeZone)
  return openVisits(visits, checkOuts)
    .filter((v) => v.record.day < today)
    .map((v) => ({ visitId: v.id, at: closingAfter(v.record.at, org), day: v.record.day, how: 'closing', note: autoCloseNote, deviceId, by }))
}

/** REC-6: the visits of `day` still open (who is in the building), newest first. */
export function inBuilding(visits: StoredVisit[], checkOuts: VisitCheckOut[], day: LocalDate): StoredVisit[] {
  return openVisits(visits, checkOuts)
    .filter((v) => v.record.day === day)
    .sort((a, b) => b.record.at - a.record.at)
}
