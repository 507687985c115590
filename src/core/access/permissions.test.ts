import { describe, expect, it } from 'vitest'
import { can, permissions, permissionsOf } from './permissions'
import { readsAudit, realmsByRole, staffRoles, type Role } from './roles'

describe('CONF-3 least privilege', () => {
  it('keeps the front desk out of broadband, audit, staff and settings', () => {
    expect(can('frontdesk', 'desk.use')).toBe(true)
    for (const p of ['broadband.use', 'audit.review', 'staff.manage', 'settings.manage', 'keys.manage'] as const) {
      expect(can('frontdesk', p), p).toBe(false)
    }
  })
  it('gives the front desk only the directory and desk realm keys, and field to take service requests (SVC-1)', () => {
    expect(realmsByRole.frontdesk).toEqual(['directory', 'desk', 'field'])
  })
  it('SVC-2: only leads and managers dispatch; SVC-3: only technicians work jobs; issue 15: only managers see the day at a glance', () => {
    expect(staffRoles.filter((r) => can(r, 'field.dispatch'))).toEqual(['lead', 'manager'])
    expect(staffRoles.filter((r) => can(r, 'field.work'))).toEqual(['technician'])
    expect(staffRoles.filter((r) => can(r, 'service.take'))).toEqual(['frontdesk', 'agent', 'lead', 'manager'])
    expect(staffRoles.filter((r) => can(r, 'overview.view'))).toEqual(['manager'])
  })
  it('lets only managers review the audit log', () => {
    expect(staffRoles.filter((r) => can(r, 'audit.review'))).toEqual(['manager'])
    expect(staffRoles.filter(readsAudit)).toEqual(['manager'])
  })
  it('gives a technician no shared realm and a member nothing but their own view', () => {
    expect(realmsByRole.technician).toEqual([])
    expect(permissionsOf('member')).toEqual(['self.view'])
  })
  it('keeps the admin to staff, devices, keys and the organisation settings: no customer screens', () => {
    expect(permissionsOf('admin')).toEqual(['organisation.manage', 'staff.manage', 'devices.manage', 'keys.manage'])
  })
  it('issue 9 §4: managers and admins edit the organisation settings, no other role', () => {
    expect(staffRoles.filter((r) => can(r, 'organisation.manage'))).toEqual(['manager', 'admin'])
  })
  it('REC-1: the reception desk is for the roles holding the desk realm who see customers: front desk, leads, managers (not the admin)', () => {
    expect(staffRoles.filter((r) => can(r, 'reception.desk'))).toEqual(['frontdesk', 'lead', 'manager'])
    for (const role of staffRoles.filter((r) => can(r, 'reception.desk'))) expect(realmsByRole[role]).toContain('desk')
  })
  it('refuses everything to a role the policy does not name, even one spelled like a property every object has', () => {
    for (const role of ['constructor', 'toString', '__proto__', 'owner'] as unknown as Role[]) {
      expect(permissions.filter((p) => can(role, p)), role).toEqual([])
      expect(permissionsOf(role), role).toEqual([])
    }
  })
  it('refuses everything to nobody', () => {
    expect(permissions.some((p) => can(undefined, p))).toBe(false)
  })
})
