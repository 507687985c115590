import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultReceptionSettings } from '@/core/reception/defaults'
import { suggestReception } from '@/core/reception/suggestion'
import { instantOf } from '@/core/shared/local-date'
import type { AuditAction } from '@/storage/audit-events'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { checkInExpected, checkOutByHand, expectedOn, findReturning, inBuildingOn, preRegister, registerVisit, returningVisitor, type ReceptionContext } from './reception-actions'
import { createReceptionRecords } from './reception-records'

const tz = 'Asia/Shanghai'
const day = '2026-12-07'
const now = instantOf(day, '10:00', tz)
const org = { timeZone: tz, hours: {}, holidays: [] }
const hosts = [
  { userId: 'host-1', name: '王老师', active: true },
  { userId: 'gone', name: '李老师', active: false },
]
const ids = defaultCategoryIds

let ctx: ReceptionContext
let db: ReturnType<typeof createTestStorage>['db']
let audited: { action: AuditAction; recordId?: string; detail?: string }[]

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  db = t.db
  audited = []
  ctx = {
    records: createReceptionRecords(t.storage.recordContext),
    people: t.storage.people,
    audit: { append: async (e) => void audited.push(e) },
    settings: defaultReceptionSettings(),
    org,
    hosts,
    now,
    userId: 'desk-1',
    deviceId: 'tablet-1',
  }
})

const supplier = { phone: '13800138000', name: '张伟', organisation: '华东水务', category: ids.supplier, purpose: '送货', hostId: 'host-1' }

describe('registering a visit (REC-1, REC-2)', () => {
  it('REC-1: a new visitor gets a directory person and a visit with the category’s suggestion (REC-2)', async () => {
    const done = await registerVisit(ctx, supplier)
    expect(done.ok).toBe(true)
    if (!done.ok) return
    const people = await ctx.people.findBy('phone', '13800138000')
    expect(people.map((p) => p.record.name)).toEqual(['张伟'])
    const visit = await ctx.records.visits.get(done.visitId)
    const suggestion = suggestReception(ctx.settings, ids.supplier)
    expect(suggestion.ok && visit?.reception).toEqual(suggestion.ok && suggestion.choice)
    expect(visit).toMatchObject({ personId: people[0]!.id, day, at: now, hostId: 'host-1', by: 'desk-1', deviceId: 'tablet-1' })
    expect(visit?.changed).toBeUndefined()
  })

  it('REC-1: a returning visitor is found by phone, shown masked (CONF-4), prefilled from their last visit, and no second person is made', async () => {
    const first = await registerVisit(ctx, supplier)
    const back = await returningVisitor(ctx, '13800138000')
    expect(back).toMatchObject({ category: ids.supplier, hostId: 'host-1' })
    expect(back?.maskedName).toMatch(/^张\*+$/)
    expect(back?.maskedOrganisation).toMatch(/^华\*+$/)
    const again = await registerVisit({ ...ctx, now: now + 86_400_000 }, { phone: '13800138000', personId: back!.personId, name: '', organisation: '', category: ids.supplier, purpose: '送货', hostId: 'host-1' })
    expect(again.ok).toBe(true)
    expect(await ctx.people.findBy('phone', '13800138000')).toHaveLength(1)
    const second = again.ok ? await ctx.records.visits.get(again.visitId) : undefined
    expect(second).toMatchObject({ name: '张伟', organisation: '华东水务' })
    expect(second?.personId).toBe(first.ok && (await ctx.records.visits.get(first.visitId))?.personId)
  })

  it('REC-1: registering the visitor just looked up reads neither their person nor their visits again (visitor_register_ms)', async () => {
    await registerVisit(ctx, supplier)
    const known = await findReturning(ctx, '13800138000')
    expect(known).toMatchObject({ person: { name: '张伟' }, last: { category: ids.supplier }, organisation: '华东水务' })
    const reads = { people: 0, visits: 0 }
    const counted: ReceptionContext = {
      ...ctx,
      now: now + 86_400_000,
      people: { ...ctx.people, get: (id: string) => (reads.people++, ctx.people.get(id)) },
      records: { ...ctx.records, visits: { ...ctx.records.visits, byParent: (id: string) => (reads.visits++, ctx.records.visits.byParent(id)) } },
    }
    const returning = { phone: '13800138000', personId: known!.personId, name: '', organisation: '', category: ids.supplier, purpose: '送货', hostId: 'host-1' }
    const again = await registerVisit(counted, returning, known)
    expect(again.ok && (await ctx.records.visits.get(again.visitId))).toMatchObject({ name: '张伟', organisation: '华东水务' })
    expect(reads).toEqual({ people: 0, visits: 0 })
    // A look-up of someone else is not taken for this visitor: their own record is read.
    await registerVisit(counted, returning, { ...known!, personId: 'person:other' })
    expect(reads).toEqual({ people: 1, visits: 1 })
  })

  it('REC-1: an appointment, if any, is kept on the visit as its instant today; a time that is not one saves nothing', async () => {
    const done = await registerVisit(ctx, { ...supplier, appointmentTime: '09:45' })
    expect(done.ok && (await ctx.records.visits.get(done.visitId))?.appointment).toEqual({ at: instantOf(day, '09:45', tz) })
    const before = await db.records.count()
    expect(await registerVisit(ctx, { ...supplier, phone: '13900000001', appointmentTime: '9.45' })).toMatchObject({ ok: false, problems: { appointment: 'not-a-time' } })
    expect(await db.records.count()).toBe(before)
    const none = await registerVisit(ctx, { ...supplier, phone: '13900000002' })
    expect(none.ok && (await ctx.records.visits.get(none.visitId))?.appointment).toBeUndefined()
  })

  it('REC-1: a pre-registration’s appointment time goes with it, and onto the visit when the desk checks them in', async () => {
    const made = await preRegister(ctx, { day, name: '赵预约', phone: '13900000003', category: ids.appointment, purpose: '面谈', hostId: 'host-1', appointmentTime: '15:00' })
    expect(made.ok).toBe(true)
    if (!made.ok) return
    expect((await ctx.records.expected.get(made.id))?.appointmentAt).toBe(instantOf(day, '15:00', tz))
    const arrived = await checkInExpected(ctx, made.id)
    expect(arrived.ok && (await ctx.records.visits.get(arrived.visitId))?.appointment).toEqual({ at: instantOf(day, '15:00', tz) })
  })

  it('REC-1: an unknown phone finds no one', async () => {
    expect(await returningVisitor(ctx, '13900000000')).toBeUndefined()
  })

  it('REC-1: bad input is named field by field and nothing is saved', async () => {
    const before = await db.records.count()
    const done = await registerVisit(ctx, { ...supplier, name: ' ', phone: 'abc', hostId: 'gone' })
    expect(done).toMatchObject({ ok: false, problems: { name: 'required', phone: 'not-a-phone', host: 'host-left' } })
    expect(await db.records.count()).toBe(before)
  })

  it('REC-2: the desk may change the suggestion with a reason: stored with what was suggested, and audited', async () => {
    const suggested = suggestReception(ctx.settings, ids.supplier)
    const chosen = { level: 'high', place: 'meeting-room', hospitality: 'coffee-drinks-tea', receivedBy: 'host-with-department' } as const
    const done = await registerVisit(ctx, { ...supplier, change: { choice: { ...chosen, place: ctx.settings.places[0]!.id }, reason: '总部来人' } })
    expect(done.ok).toBe(true)
    if (!done.ok || !suggested.ok) return
    const visit = await ctx.records.visits.get(done.visitId)
    expect(visit?.reception.level).toBe('high')
    expect(visit?.changed).toEqual({ suggested: suggested.choice, reason: '总部来人' })
    expect(audited).toEqual([{ action: 'reception.change', by: 'desk-1', recordId: done.visitId, recordType: 'visit' }])
  })

  it('REC-2: a change without a reason is refused and nothing is saved', async () => {
    const before = await db.records.count()
    const done = await registerVisit(ctx, { ...supplier, change: { choice: { level: 'high', place: ctx.settings.places[0]!.id, hospitality: 'water', receivedBy: 'host' }, reason: '  ' } })
    expect(done).toMatchObject({ ok: false, problems: { reason: 'reason-required' } })
    expect(await db.records.count()).toBe(before)
    expect(audited).toEqual([])
  })

  it('REC-2: a refused category is recorded, not admitted: never in the building, no badge', async () => {
    const done = await registerVisit(ctx, { ...supplier, phone: '13700137000', name: '赵推销', category: ids.insuranceSales, purpose: '推销保险', refuseReason: '保险推销，不予接待' })
    expect(done.ok).toBe(true)
    if (!done.ok) return
    const visit = await ctx.records.visits.get(done.visitId)
    expect(visit?.refused).toEqual({ reason: '保险推销，不予接待' })
    expect(visit?.badge).toEqual({ issued: false, why: 'refused' })
    expect((await inBuildingOn(ctx, day)).map((v) => v.id)).toEqual([])
  })
})

describe('in the building and checking out (REC-6)', () => {
  it('REC-6: today’s visitors are in the building until checked out by hand, once', async () => {
    const a = await registerVisit(ctx, supplier)
    const b = await registerVisit({ ...ctx, now: now + 60_000 }, { ...supplier, phone: '13600136000', name: '孙丽' })
    if (!a.ok || !b.ok) throw new Error('not registered')
    expect((await inBuildingOn(ctx, day)).map((v) => v.id)).toEqual([b.visitId, a.visitId])
    expect(await checkOutByHand({ ...ctx, now: now + 3_600_000 }, a.visitId)).toEqual({ ok: true })
    expect((await inBuildingOn(ctx, day)).map((v) => v.id)).toEqual([b.visitId])
    expect(await checkOutByHand(ctx, a.visitId)).toEqual({ ok: false, problem: 'already-out' })
    const outs = await ctx.records.checkOuts.byParent(a.visitId)
    expect(outs.map((o) => o.record)).toEqual([{ visitId: a.visitId, at: now + 3_600_000, day, how: 'hand', deviceId: 'tablet-1', by: 'desk-1' }])
  })

  it('REC-6: yesterday’s visitors are not in today’s list', async () => {
    await registerVisit({ ...ctx, now: now - 86_400_000 }, supplier)
    expect(await inBuildingOn(ctx, day)).toEqual([])
  })
})

describe('expected visitors (REC-1)', () => {
  it('REC-1: a host pre-registers a visitor for a day; the desk checks them in with one tap, once', async () => {
    const expected = await preRegister(ctx, { day: '2026-12-08', name: '陈杰', phone: '13500135000', organisation: '市教育局', category: ids.educationAuthority, purpose: '检查', hostId: 'host-1' })
    expect(expected.ok).toBe(true)
    if (!expected.ok) return
    expect(await expectedOn(ctx, day)).toEqual([])
    const tomorrow = { ...ctx, now: now + 86_400_000 }
    expect((await expectedOn(tomorrow, '2026-12-08')).map((e) => e.id)).toEqual([expected.id])
    const came = await checkInExpected(tomorrow, expected.id)
    expect(came.ok).toBe(true)
    if (!came.ok) return
    expect(await ctx.records.visits.get(came.visitId)).toMatchObject({ name: '陈杰', expectedId: expected.id, category: ids.educationAuthority, day: '2026-12-08' })
    expect(await expectedOn(tomorrow, '2026-12-08')).toEqual([])
    expect(await checkInExpected(tomorrow, expected.id)).toMatchObject({ ok: false })
  })

  it('REC-1: a pre-registration with bad input is refused field by field', async () => {
    const done = await preRegister(ctx, { day: '2026-12-08', name: '', category: 'nope', purpose: '', hostId: 'host-1' })
    expect(done).toMatchObject({ ok: false, problems: { name: 'required', category: 'unknown-category', purpose: 'required' } })
  })
})
