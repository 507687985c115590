/** BB-8: the least notice of planned network work, in hours. */
export const maintenanceLeadHours = 48
const hourMs = 3_600_000

export type MaintenanceNoticeProblem = 'starts-before-notice' | 'lead-too-short'

/**
 * BB-8: a maintenance notice given at `noticeAt` for work starting at `workStartsAt` (epoch ms) needs at least
 * 48 hours between them. Refused otherwise, with the earliest start the notice allows, so the screen can say it.
 */
export function checkMaintenanceNotice(noticeAt: number, workStartsAt: number): { ok: true } | { ok: false; problem: MaintenanceNoticeProblem; earliestStart: number } {
  const earliestStart = noticeAt + maintenanceLeadHours * hourMs
  if (workStartsAt <= noticeAt) return { ok: false, problem: 'starts-before-notice', earliestStart }
  if (workStartsAt < earliestStart) return { ok: false, problem: 'lead-too-short', earliestStart }
  return { ok: true }
}
