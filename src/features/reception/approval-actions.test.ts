import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { StaffRole } from '@/core/access/roles'
import { defaultCategoryIds, defaultPlaceIds, defaultReceptionSettings } from '@/core/reception/defaults'
import { suggestReception } from '@/core/reception/suggestion'
import { instantOf } from '@/core/shared/local-date'
import type { AuditAction } from '@/storage/audit-events'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { approvalOf, approvalStates, approveVisit, type ApprovalContext } from './approval-actions'
import { registerVisit, type ReceptionContext } from './reception-actions'
import { createReceptionRecords } from './reception-records'

const tz = 'Asia/Shanghai'
const now = instantOf('2026-12-07', '10:00', tz)
const roles: Record<string, StaffRole> = { 'desk-1': 'frontdesk', principal: 'manager', lead: 'lead', keys: 'admin' }

let desk: ReceptionContext
let audited: { action: AuditAction; by: string; recordId?: string; recordType?: string }[]
const as = (userId: string, deviceId = 'principal-phone'): ApprovalContext => ({ ...desk, userId, deviceId, now: now + 60_000, roleOf: (id) => roles[id] })

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  audited = []
  desk = {
    records: createReceptionRecords(t.storage.recordContext),
    people: t.storage.people,
    audit: { append: async (e) => void audited.push(e) },
    settings: defaultReceptionSettings(),
    org: { timeZone: tz, hours: {}, holidays: [] },
    hosts: [{ userId: 'host-1', name: '王老师', active: true }],
    now,
    userId: 'desk-1',
    deviceId: 'tablet-1',
  }
})

const supplier = { phone: '13800138000', name: '张伟', organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '听课', hostId: 'host-1' }

/** A supplier the desk sends to the teaching/academic area (a change of the REC-2 suggestion). */
async function academicVisit() {
  const suggested = suggestReception(desk.settings, defaultCategoryIds.supplier)
  if (!suggested.ok) throw new Error('no suggestion')
  const done = await registerVisit(desk, { ...supplier, change: { choice: { ...suggested.choice, place: defaultPlaceIds.academicArea }, reason: '校长邀请听课' } })
  if (!done.ok) throw new Error('not registered')
  audited = []
  return done
}

describe('the principal’s approval for the restricted area (REC-5)', () => {
  it('REC-5: a visit to the academic area waits for the principal’s approval; one to the reception area needs none', async () => {
    const academic = await academicVisit()
    expect(academic.visit.badge).toEqual({ issued: false, why: 'needs-approval' })
    expect(await approvalOf(as('desk-1'), academic.visitId)).toEqual({ needed: true, approved: false })
    const plain = await registerVisit(desk, { ...supplier, phone: '13900139000' })
    expect(plain.ok && (await approvalOf(as('desk-1'), plain.visitId))).toEqual({ needed: false })
  })

  it('REC-5: the principal approves: an approval event (who, when, from which device), audited, read back by the visit through the parent index', async () => {
    const { visitId } = await academicVisit()
    expect(await approveVisit(as('principal'), visitId)).toEqual({ ok: true })
    const stored = await desk.records.approvals.byParent(visitId)
    expect(stored.map((s) => s.record)).toEqual([{ visitId, place: defaultPlaceIds.academicArea, approvedBy: 'principal', at: now + 60_000, deviceId: 'principal-phone' }])
    expect(audited).toEqual([{ action: 'reception.approve', by: 'principal', recordId: visitId, recordType: 'visit' }])
    expect(await approvalOf(as('desk-1'), visitId)).toEqual({ needed: true, approved: true, by: 'principal', at: now + 60_000 })
  })

  it('REC-5: an approval by anyone not a principal (the desk, a lead, an admin, someone unknown) is refused and nothing is written', async () => {
    const { visitId } = await academicVisit()
    for (const who of ['desk-1', 'lead', 'keys', 'stranger']) expect(await approveVisit(as(who), visitId)).toEqual({ ok: false, problem: 'not-principal' })
    expect(await desk.records.approvals.byParent(visitId)).toEqual([])
    expect(audited).toEqual([])
  })

  it('REC-5: an approval the principal did not write (a lead’s, somehow stored) does not open the area', async () => {
    const { visitId } = await academicVisit()
    await desk.records.approvals.add({ visitId, place: defaultPlaceIds.academicArea, approvedBy: 'lead', at: now, deviceId: 'x' })
    expect(await approvalOf(as('desk-1'), visitId)).toEqual({ needed: true, approved: false })
  })

  it('REC-5: a visit that needs no approval, an unknown one, or one already approved is not approved again', async () => {
    const { visitId } = await academicVisit()
    const plain = await registerVisit(desk, { ...supplier, phone: '13900139000' })
    expect(plain.ok && (await approveVisit(as('principal'), plain.visitId))).toEqual({ ok: false, problem: 'not-needed' })
    expect(await approveVisit(as('principal'), 'nope')).toEqual({ ok: false, problem: 'unknown-visit' })
    await approveVisit(as('principal'), visitId)
    expect(await approveVisit(as('principal'), visitId)).toEqual({ ok: false, problem: 'already-approved' })
    expect(await desk.records.approvals.byParent(visitId)).toHaveLength(1)
  })

  it('REC-5: the principal’s list holds the visits still waiting, not the approved nor those needing none', async () => {
    const first = await academicVisit()
    const second = await academicVisit()
    const plain = await registerVisit(desk, { ...supplier, phone: '13900139000' })
    if (!plain.ok) throw new Error('not registered')
    await approveVisit(as('principal'), first.visitId)
    const visits = await desk.records.visits.onDay('2026-12-07')
    const { states, awaiting } = await approvalStates(as('principal'), visits)
    expect(awaiting).toEqual([second.visitId])
    expect(states[plain.visitId]).toEqual({ needed: false })
    expect(states[first.visitId]).toMatchObject({ approved: true, by: 'principal' })
  })
})
