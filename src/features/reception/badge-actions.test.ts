import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { maskName } from '@/core/access/masking'
import type { StaffRole } from '@/core/access/roles'
import { defaultCategoryIds, defaultPlaceIds, defaultReceptionSettings } from '@/core/reception/defaults'
import { suggestReception } from '@/core/reception/suggestion'
import { instantOf } from '@/core/shared/local-date'
import type { AuditAction } from '@/storage/audit-events'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { deskOrganisation } from '@/features/members/test-desk'
import { approveVisit, type ApprovalContext } from './approval-actions'
import { badgeToPrint, checkOutByBadge } from './badge-actions'
import { issueBadge } from './badge/badge-token'
import { registerVisit, type ReceptionContext } from './reception-actions'
import { createReceptionRecords } from './reception-records'

const tz = 'Asia/Shanghai'
const day = '2026-12-07'
const now = instantOf(day, '10:00', tz)
const hour = 3_600_000
const org = { timeZone: tz, hours: {}, holidays: [] }
const hosts = [{ userId: 'host-1', name: '王老师', active: true }]
const supplier = { phone: '13800138000', name: '张伟', organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '送货', hostId: 'host-1' }

let desk: Awaited<ReturnType<typeof deskOrganisation>>
let ctx: ReceptionContext
const roles: Record<string, StaffRole> = { 'desk-1': 'frontdesk', principal: 'manager', lead: 'lead' }
/** The desk's context as the badge desk reads approvals with it: each user's role as the staff directory says now. */
const withRoles = (c: ReceptionContext): ApprovalContext & Pick<ReceptionContext, 'org'> => ({ ...c, roleOf: (id) => roles[id] })
let audited: { action: AuditAction; detail?: string }[]

beforeEach(async () => {
  desk = await deskOrganisation()
  audited = []
  ctx = {
    records: createReceptionRecords(desk.storage.recordContext),
    people: desk.storage.people,
    audit: { append: async (e) => void audited.push(e) },
    settings: defaultReceptionSettings(),
    org,
    hosts,
    now,
    userId: 'desk-1',
    deviceId: 'tablet-1',
  }
})

async function registeredWithBadge() {
  const done = await registerVisit(ctx, supplier)
  if (!done.ok || !done.visit.badge.issued) throw new Error('the supplier gets a badge')
  const badge = await badgeToPrint(withRoles(ctx), desk.storage, done.visitId)
  if (!badge.ok) throw new Error(badge.problem)
  return { ...done, text: badge.text }
}

const checkOutsOf = (visitId: string) => ctx.records.checkOuts.byParent(visitId)

describe('REC-4 printing the badge of a registered visit', () => {
  it('REC-4: a visit with a badge gets its signed text, naming the visit and good until the visit’s badge expiry', async () => {
    const { visitId, visit, text } = await registeredWithBadge()
    expect(text.split('.')[1]).toBe(visitId)
    expect(text.split('.')[2]).toBe(String(visit.badge.issued && visit.badge.expiresAt))
  })

  it('REC-4: a visit that got no badge is not signed one, nor a visit this device does not have', async () => {
    const suggested = suggestReception(ctx.settings, defaultCategoryIds.supplier)
    if (!suggested.ok) throw new Error('no suggestion')
    const done = await registerVisit(ctx, { ...supplier, change: { choice: { ...suggested.choice, level: 'high' }, reason: '贵宾' } })
    if (!done.ok || done.visit.badge.issued) throw new Error('registered without a badge')
    expect(await badgeToPrint(withRoles(ctx), desk.storage, done.visitId)).toEqual({ ok: false, problem: 'no-badge' })
    expect(await badgeToPrint(withRoles(ctx), desk.storage, 'visit:Zm9vYmFyYmF6cXV4MTIzNA')).toEqual({ ok: false, problem: 'no-badge' })
  })

  it('REC-4: with no card key in the organisation the visit stays saved and the desk is told why there is no badge', async () => {
    const t = createTestStorage()
    t.setKeys(await oneRealmKeys('desk:1'))
    const bare = { ...ctx, records: createReceptionRecords(t.storage.recordContext), people: t.storage.people }
    const done = await registerVisit(bare, supplier)
    if (!done.ok) throw new Error('registered')
    expect(await badgeToPrint(withRoles(bare), t.storage, done.visitId)).toEqual({ ok: false, problem: 'no-card-key' })
    expect(await bare.records.visits.get(done.visitId)).toBeDefined()
  })
})

describe('REC-5 the badge of a visit to the restricted area', () => {
  /** A supplier the desk sends to the teaching/academic area: registered waiting for the principal. */
  async function academicVisit() {
    const suggested = suggestReception(ctx.settings, defaultCategoryIds.supplier)
    if (!suggested.ok) throw new Error('no suggestion')
    const done = await registerVisit(ctx, { ...supplier, change: { choice: { ...suggested.choice, place: defaultPlaceIds.academicArea }, reason: '校长邀请听课' } })
    if (!done.ok) throw new Error('not registered')
    return done
  }
  const approvedAt = now + 5 * 60_000
  const closes = instantOf(day, '18:00', tz)
  const withHours = () => withRoles({ ...ctx, org: { ...org, hours: { '1': { opens: '09:00', closes: '18:00' } } } })

  it('REC-5: without the principal’s approval the desk prints no badge; once the approval reaches it, the badge is signed, good until closing', async () => {
    const { visitId, visit } = await academicVisit()
    expect(visit.badge).toEqual({ issued: false, why: 'needs-approval' })
    expect(await badgeToPrint(withHours(), desk.storage, visitId)).toEqual({ ok: false, problem: 'no-badge' })
    expect(await approveVisit({ ...withHours(), userId: 'principal', now: approvedAt }, visitId)).toEqual({ ok: true })
    const badge = await badgeToPrint(withHours(), desk.storage, visitId)
    expect(badge).toMatchObject({ ok: true, expiresAt: closes })
    expect(badge.ok && badge.text.split('.').slice(1, 3)).toEqual([visitId, String(closes)])
    // The visit itself is an event: it is not rewritten by the approval.
    expect((await ctx.records.visits.get(visitId))?.badge).toEqual({ issued: false, why: 'needs-approval' })
  })

  it('REC-5: an approval recorded by someone who is no principal prints no badge', async () => {
    const { visitId } = await academicVisit()
    await ctx.records.approvals.add({ visitId, place: defaultPlaceIds.academicArea, approvedBy: 'lead', at: approvedAt, deviceId: 'lead-phone' })
    expect(await badgeToPrint(withHours(), desk.storage, visitId)).toEqual({ ok: false, problem: 'no-badge' })
  })
})

describe('REC-6 checking a visitor out by their badge', () => {
  it('REC-6: scanning the badge checks its visit out, by badge, on the day it is scanned', async () => {
    const { visitId, text } = await registeredWithBadge()
    const later = { ...ctx, now: now + 2 * hour }
    expect(await checkOutByBadge(later, desk.storage, text)).toEqual({ ok: true, visitId, name: maskName(supplier.name) })
    const [out] = await checkOutsOf(visitId)
    expect(out?.record).toMatchObject({ visitId, how: 'badge', at: now + 2 * hour, day, by: 'desk-1', deviceId: 'tablet-1' })
    expect(audited).toEqual([])
  })

  it('REC-6: a visitor already out is said so, and no second check-out is written', async () => {
    const { visitId, text } = await registeredWithBadge()
    await checkOutByBadge(ctx, desk.storage, text)
    expect(await checkOutByBadge(ctx, desk.storage, text)).toEqual({ ok: false, problem: 'already-out' })
    expect(await checkOutsOf(visitId)).toHaveLength(1)
  })

  it('REC-6: a tampered badge is refused as forged, nothing is written, and the refusal is audited without the text', async () => {
    const { visitId, text } = await registeredWithBadge()
    const parts = text.split('.')
    parts[2] = String(Number(parts[2]) + hour)
    expect(await checkOutByBadge(ctx, desk.storage, parts.join('.'))).toEqual({ ok: false, problem: 'forged' })
    expect(await checkOutsOf(visitId)).toEqual([])
    expect(audited).toEqual([{ action: 'card.forged', by: 'desk-1', detail: 'visitor badge: signature failed' }])
  })

  it("REC-6: another organisation's badge and a member card (told apart, for the desk to say where it belongs) are refused, nothing written", async () => {
    const other = await deskOrganisation()
    const theirs = await issueBadge(other.storage, 'visit:Zm9vYmFyYmF6cXV4MTIzNA', now + hour)
    if (!theirs.ok) throw new Error(theirs.problem)
    expect(await checkOutByBadge(ctx, desk.storage, theirs.text)).toMatchObject({ ok: false, problem: 'forged' })
    expect(await checkOutByBadge(ctx, desk.storage, 'LBY2.member:abc.1.1.' + 'A'.repeat(86))).toEqual({ ok: false, problem: 'member-card' })
    expect(await ctx.records.checkOuts.onDay(day)).toEqual([])
  })

  it('REC-6: an expired badge of a visit still in the building checks it out (the badge names its visit); an expired badge of no visit here is refused', async () => {
    const { visitId, visit, text } = await registeredWithBadge()
    const expiresAt = visit.badge.issued ? visit.badge.expiresAt : 0
    const late = { ...ctx, now: expiresAt + hour }
    const stranger = await issueBadge(desk.storage, 'visit:Zm9vYmFyYmF6cXV4MTIzNA', now + hour)
    if (!stranger.ok) throw new Error(stranger.problem)
    expect(await checkOutByBadge(late, desk.storage, stranger.text)).toEqual({ ok: false, problem: 'expired', expiresAt: now + hour })
    expect(await checkOutByBadge(late, desk.storage, text)).toEqual({ ok: true, visitId, name: maskName(supplier.name) })
    expect((await checkOutsOf(visitId))[0]?.record.how).toBe('badge')
  })
})
