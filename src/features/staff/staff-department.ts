import { can } from '@/core/access/permissions'
import { checkDepartment } from '@/core/access/staff-department'
import { PermissionError, type Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'

export type SetDepartmentResult = { ok: true } | { ok: false; problem: 'department-too-long' | 'unknown-staff' }

/**
 * REC-1: those who manage staff set or clear a colleague's department (the reception desk finds hosts by it). The
 * profile keeps everything else; the records kit audits the change (\`record.change\` of the profile, never its
 * text). The server takes staff profiles only from staff managers.
 */
export async function setStaffDepartment(storage: Pick<LobbyStorage, 'staff'>, session: Session, userId: string, typed: string): Promise<SetDepartmentResult> {
  if (!can(session.role, 'staff.manage')) throw new PermissionError('staff.manage')
  const checked = checkDepartment(typed)
  if (!checked.ok) return checked
  const id = `staff:${userId}`
  const profile = await storage.staff.get(id).catch(() => undefined)
  if (!profile) return { ok: false, problem: 'unknown-staff' }
  const { department: _old, ...rest } = profile
  await storage.staff.put(checked.department ? { ...rest, department: checked.department } : rest, id)
  return { ok: true }
}
