/** REC-1: the department a staff member works in, by which the desk finds a host (ReceptionHostPicker). */
import { textLimits, withinLimit } from '@/core/shared/text-limits'

/**
 * REC-1: a department as typed on a staff screen: optional (blank is none), trimmed, at most a label's length, so a
 * paste cannot make the host picker or the staff list unreadable.
 */
export function checkDepartment(typed: string): { ok: true; department?: string } | { ok: false; problem: 'department-too-long' } {
  const department = typed.trim()
  if (!withinLimit(department, textLimits.label)) return { ok: false, problem: 'department-too-long' }
  return department ? { ok: true, department } : { ok: true }
}
