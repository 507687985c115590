import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { autoCloseNote } from '@/core/reception/closing'
import { defaultCategoryIds, defaultReceptionSettings } from '@/core/reception/defaults'
import { days, org } from '@/core/reception/test-fixtures'
import { addDaysTo, instantOf } from '@/core/shared/local-date'
import type { AuditAction } from '@/storage/audit-events'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { deskOrganisation } from '@/features/members/test-desk'
import { closedLastNight, closeForgotten, flaggedAtClosing, forgottenWindowDays } from './closing-actions'
import { checkOutByHand, inBuildingOn, registerVisit, type ReceptionContext } from './reception-actions'
import { createReceptionRecords } from './reception-records'

const tz = org.timeZone
const at = (day: string, time: string) => instantOf(day, time, tz)
const minute = 60_000
const thursday = '2027-09-30'
const monday = '2027-10-04'

let base: ReceptionContext
let audited: { action: AuditAction; by: string; recordId?: string; recordType?: string; detail?: string }[]
const on = (now: number, deviceId = 'tablet-1'): ReceptionContext => ({ ...base, now, deviceId })

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  audited = []
  base = {
    records: createReceptionRecords(t.storage.recordContext),
    people: t.storage.people,
    audit: { append: async (e) => void audited.push(e) },
    settings: defaultReceptionSettings(),
    org,
    hosts: [{ userId: 'host-1', name: '王老师', active: true }],
    now: 0,
    userId: 'desk-1',
    deviceId: 'tablet-1',
  }
})

async function visitAt(now: number, phone = '13800138000') {
  const done = await registerVisit(on(now), { phone, name: '张伟', organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '送货', hostId: 'host-1' })
  if (!done.ok) throw new Error(JSON.stringify(done.problems))
  return done.visitId
}

describe('REC-6 visits open at closing time, read from storage', () => {
  it('REC-6: one minute before closing nothing is flagged; one minute after, the open visit is (not the one checked out)', async () => {
    const open = await visitAt(at(days.wednesday, '10:00'))
    const left = await visitAt(at(days.wednesday, '11:00'), '13900139000')
    await checkOutByHand(on(at(days.wednesday, '12:00')), left)
    const closes = at(days.wednesday, '18:00')
    expect(await flaggedAtClosing(on(closes - minute))).toEqual({ flagged: [], closesAt: closes })
    expect(await flaggedAtClosing(on(closes + minute))).toEqual({ flagged: [open], closesAt: closes })
  })

  it('REC-6: on a holiday nothing is flagged, there is no closing time', async () => {
    await visitAt(at(days.holiday, '10:00'))
    expect(await flaggedAtClosing(on(at(days.holiday, '23:00')))).toEqual({ flagged: [] })
  })
})

describe('REC-6 visits forgotten overnight are closed the next morning, with a note, never silently', () => {
  it('REC-6: the next morning the visit is checked out at closing time with the note, and listed as closed last night', async () => {
    const id = await visitAt(at(days.wednesday, '10:00'))
    const morning = on(at(thursday, '08:30'))
    expect(await closeForgotten(morning)).toEqual([id])
    const [checkOut] = await base.records.checkOuts.byParent(id)
    expect(checkOut?.record).toMatchObject({ visitId: id, at: at(days.wednesday, '18:00'), day: days.wednesday, how: 'closing', note: autoCloseNote, by: 'desk-1', deviceId: 'tablet-1' })
    expect(await inBuildingOn(morning, days.wednesday)).toEqual([])
    const shown = await closedLastNight(morning)
    expect(shown.map((c) => [c.visit.id, c.checkOut.note])).toEqual([[id, autoCloseNote]])
  })

  it('REC-6: opening the page again writes nothing more (one check-out per visit)', async () => {
    const id = await visitAt(at(days.wednesday, '10:00'))
    await closeForgotten(on(at(thursday, '08:30')))
    expect(await closeForgotten(on(at(thursday, '09:30')))).toEqual([])
    expect(await base.records.checkOuts.byParent(id)).toHaveLength(1)
  })

  it('REC-6: a visit of yesterday checked out by hand this morning (today’s slice) is not closed again', async () => {
    const id = await visitAt(at(days.wednesday, '17:00'))
    await checkOutByHand(on(at(thursday, '08:00')), id)
    expect(await closeForgotten(on(at(thursday, '08:30')))).toEqual([])
    expect(await closedLastNight(on(at(thursday, '08:30')))).toEqual([])
  })

  it('REC-6: today’s open visits are left alone (they are flagged at closing, not closed)', async () => {
    await visitAt(at(thursday, '08:00'))
    expect(await closeForgotten(on(at(thursday, '08:30')))).toEqual([])
  })

  it('REC-6: a visit on the holiday is closed at the end of that day, and Monday shows Saturday’s and Sunday’s', async () => {
    const holiday = await visitAt(at(days.holiday, '10:00'))
    const saturday = await visitAt(at(days.saturday, '11:00'), '13900139000')
    const sunday = await visitAt(at(days.sunday, '12:00'), '13700137000')
    const monMorning = on(at(monday, '08:00'))
    expect((await closeForgotten(monMorning)).sort()).toEqual([holiday, saturday, sunday].sort())
    expect((await base.records.checkOuts.byParent(holiday))[0]?.record.at).toBe(at(addDaysTo(days.holiday, 1), '00:00'))
    expect((await base.records.checkOuts.byParent(saturday))[0]?.record.at).toBe(at(days.saturday, '16:00'))
    const shown = await closedLastNight(monMorning)
    expect(shown.map((c) => c.visit.id).sort()).toEqual([saturday, sunday].sort())
  })

  it(`REC-6: a visit older than the window (${forgottenWindowDays} days) is not read, so not closed`, async () => {
    const old = await visitAt(at(days.wednesday, '10:00'))
    const later = addDaysTo(days.wednesday, forgottenWindowDays + 1)
    expect(await closeForgotten(on(at(later, '08:30')))).toEqual([])
    expect(await base.records.checkOuts.byParent(old)).toEqual([])
  })

  it('REC-6: after a week-long closure (Golden Week) the visit left open before it is still closed when the desk reopens', async () => {
    const id = await visitAt(at(thursday, '17:00'))
    expect(await closeForgotten(on(at('2027-10-08', '08:30')))).toEqual([id])
  })

  it('REC-6: the last day of the window is still read', async () => {
    const id = await visitAt(at(days.wednesday, '10:00'))
    const later = addDaysTo(days.wednesday, forgottenWindowDays)
    expect(await closeForgotten(on(at(later, '08:30')))).toEqual([id])
  })
})

describe('REC-6 closing visits automatically is audited (CONF-6)', () => {
  const autoCheckouts = () => audited.filter((e) => e.action === 'reception.auto-checkout')

  it('REC-6: each visit closed the next morning gets its audit entry, naming the visit (no visitor data), by the desk that closed it', async () => {
    const first = await visitAt(at(days.wednesday, '10:00'))
    const second = await visitAt(at(days.wednesday, '11:00'), '13900139000')
    audited = []
    const closed = await closeForgotten(on(at(thursday, '08:30')))
    expect(closed.sort()).toEqual([first, second].sort())
    expect(autoCheckouts().map((e) => e.recordId).sort()).toEqual([first, second].sort())
    for (const e of autoCheckouts()) expect(e).toEqual({ action: 'reception.auto-checkout', by: 'desk-1', recordId: e.recordId, recordType: 'visit', detail: days.wednesday })
  })

  it('REC-6: a run that closes nothing (again, or nothing left open) writes no entry', async () => {
    await visitAt(at(days.wednesday, '10:00'))
    await closeForgotten(on(at(thursday, '08:30')))
    audited = []
    expect(await closeForgotten(on(at(thursday, '09:30')))).toEqual([])
    expect(autoCheckouts()).toEqual([])
  })

  it('REC-6: the device’s own audit log takes the entry, and a manager reads it back', async () => {
    const desk = await deskOrganisation()
    const ctx: ReceptionContext = { ...base, records: createReceptionRecords(desk.storage.recordContext), people: desk.storage.people, audit: desk.storage.audit, userId: desk.session.userId }
    const id = await registerVisit({ ...ctx, now: at(days.wednesday, '10:00') }, { phone: '13800138000', name: '张伟', organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '送货', hostId: 'host-1' })
    if (!id.ok) throw new Error('registered')
    expect(await closeForgotten({ ...ctx, now: at(thursday, '08:30') })).toEqual([id.visitId])
    const read = await desk.storage.audit.read(desk.session.keyring.auditPrivate!)
    const entries = read.map((r) => r.event).filter((e) => e?.action === 'reception.auto-checkout')
    expect(entries).toEqual([expect.objectContaining({ by: desk.session.userId, recordId: id.visitId, recordType: 'visit', detail: days.wednesday })])
  })
})

