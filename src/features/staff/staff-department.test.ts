import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { textLimits } from '@/core/shared/text-limits'
import { createOrganisation } from '@/identity/organisation'
import { PermissionError } from '@/identity/session'
import { createStaff } from '@/identity/staff-accounts'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { setStaffDepartment } from './staff-department'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

async function organisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  return { storage: t.storage, admin: org.session }
}

const profileOf = async (storage: Awaited<ReturnType<typeof organisation>>['storage'], userId: string) => storage.staff.get(`staff:${userId}`)
const auditedActions = async (o: Awaited<ReturnType<typeof organisation>>) => (await o.storage.audit.read(o.admin.keyring.auditPrivate!)).map((e) => e.event)

describe('REC-1 the department of a host, set where staff are created and edited', { timeout: 30_000 }, () => {
  it('REC-1: an admin creates a staff member with a department; the profile keeps it (trimmed)', async () => {
    const { storage, admin } = await organisation()
    const made = await createStaff(storage, admin, { name: '陈老师', username: 'chen', role: 'lead', department: ' 教务处 ' }, cost)
    if (!made.ok) throw new Error(made.problem)
    expect(await profileOf(storage, made.userId)).toMatchObject({ name: '陈老师', department: '教务处' })
  })

  it('REC-1: a department too long is refused at creation, and no account is made', async () => {
    const { storage, admin } = await organisation()
    const made = await createStaff(storage, admin, { name: '陈老师', username: 'chen', role: 'lead', department: '部'.repeat(textLimits.label + 1) }, cost)
    expect(made).toEqual({ ok: false, problem: 'department-too-long' })
    expect((await storage.signIns.listAccounts()).map((a) => a.role)).toEqual(['admin'])
  })

  it('REC-1: the department is changed later and cleared; each change audited (by the records kit, without the department), the name and role kept', async () => {
    const o = await organisation()
    const made = await createStaff(o.storage, o.admin, { name: '陈老师', username: 'chen', role: 'lead' }, cost)
    if (!made.ok) throw new Error(made.problem)
    expect(await setStaffDepartment(o.storage, o.admin, made.userId, '人力资源部')).toEqual({ ok: true })
    expect(await profileOf(o.storage, made.userId)).toEqual({ userId: made.userId, name: '陈老师', username: 'chen', role: 'lead', department: '人力资源部' })
    expect(await setStaffDepartment(o.storage, o.admin, made.userId, ' ')).toEqual({ ok: true })
    expect(await profileOf(o.storage, made.userId)).toEqual({ userId: made.userId, name: '陈老师', username: 'chen', role: 'lead' })
    const changes = (await auditedActions(o)).filter((e) => e?.action === 'record.change' && e.recordId === `staff:${made.userId}`)
    expect(changes).toHaveLength(2)
    expect(JSON.stringify(changes)).not.toContain('人力资源部')
  })

  it('REC-1: too long is refused and nothing changes; an unknown user is said so', async () => {
    const { storage, admin } = await organisation()
    const made = await createStaff(storage, admin, { name: '陈老师', username: 'chen', role: 'lead', department: '教务处' }, cost)
    if (!made.ok) throw new Error(made.problem)
    expect(await setStaffDepartment(storage, admin, made.userId, '部'.repeat(textLimits.label + 1))).toEqual({ ok: false, problem: 'department-too-long' })
    expect((await profileOf(storage, made.userId))?.department).toBe('教务处')
    expect(await setStaffDepartment(storage, admin, 'nobody', '教务处')).toEqual({ ok: false, problem: 'unknown-staff' })
  })

  it('REC-1: only those who manage staff set a department', async () => {
    const { storage, admin } = await organisation()
    const made = await createStaff(storage, admin, { name: '陈老师', username: 'chen', role: 'lead' }, cost)
    if (!made.ok) throw new Error(made.problem)
    const desk = { ...admin, role: 'frontdesk' as const }
    await expect(setStaffDepartment(storage, desk, made.userId, '教务处')).rejects.toBeInstanceOf(PermissionError)
    expect((await profileOf(storage, made.userId))?.department).toBeUndefined()
  })
})
