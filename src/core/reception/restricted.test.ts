import { describe, expect, it } from 'vitest'
import type { StaffRole } from '@/core/access/roles'
import { defaultPlaceIds, defaultReceptionSettings } from './defaults'
import { principalRoles, restrictedAreaCheck } from './restricted'
import type { VisitApproval } from './types'

const settings = defaultReceptionSettings()
const academic: string = defaultPlaceIds.academicArea
const roles: Record<string, StaffRole> = { principal: 'manager', keyCustodian: 'admin', deskLead: 'lead', receptionist: 'frontdesk' }
const roleOf = (userId: string) => roles[userId]
const approval = (approvedBy: string, place = academic): VisitApproval => ({ visitId: 'v1', place, approvedBy, at: 1_800_000_000_000, deviceId: 'd1' })

describe('REC-5 restricted areas', () => {
  it('REC-5: the principal is a manager, and only a manager', () => {
    expect(principalRoles).toEqual(['manager'])
  })

  it('REC-5: a place that is not restricted needs no approval', () => {
    expect(restrictedAreaCheck(settings, defaultPlaceIds.meetingRoom, [], roleOf)).toEqual({ allowed: true })
  })

  it('REC-5: the academic area without an approval is refused', () => {
    expect(restrictedAreaCheck(settings, academic, [], roleOf)).toEqual({ allowed: false, why: 'needs-approval' })
  })

  it('REC-5: the academic area with the principal’s approval is allowed', () => {
    expect(restrictedAreaCheck(settings, academic, [approval('principal')], roleOf)).toEqual({ allowed: true })
  })

  it('REC-5: an approval by an admin (a key custodian), a lead or the desk is not the principal’s', () => {
    for (const who of ['keyCustodian', 'deskLead', 'receptionist'])
      expect(restrictedAreaCheck(settings, academic, [approval(who)], roleOf)).toEqual({ allowed: false, why: 'approver-not-principal' })
  })

  it('REC-5: an approver no longer on the staff is not the principal', () => {
    expect(restrictedAreaCheck(settings, academic, [approval('gone')], roleOf)).toEqual({ allowed: false, why: 'approver-not-principal' })
  })

  it('REC-5: an approval for another place does not open this one', () => {
    const otherRestricted = { ...settings, places: [...settings.places, { id: 'lab', name: { 'zh-CN': '实验室', en: 'Lab' }, restricted: true }] }
    expect(restrictedAreaCheck(otherRestricted, academic, [approval('principal', 'lab')], roleOf)).toEqual({ allowed: false, why: 'needs-approval' })
  })

  it('REC-5: one principal’s approval among others is enough', () => {
    expect(restrictedAreaCheck(settings, academic, [approval('deskLead'), approval('principal')], roleOf)).toEqual({ allowed: true })
  })

  it('REC-5: a place a manager marks restricted needs approval too', () => {
    const marked = { ...settings, places: settings.places.map((p) => (p.id === defaultPlaceIds.meetingRoom ? { ...p, restricted: true } : p)) }
    expect(restrictedAreaCheck(marked, defaultPlaceIds.meetingRoom, [], roleOf)).toEqual({ allowed: false, why: 'needs-approval' })
  })
})
