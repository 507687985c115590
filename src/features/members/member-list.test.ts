import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { instantOf } from '@/core/shared/local-date'
import type { Session } from '@/identity/session'
import { loadDeskSnapshot } from './desk-snapshot'
import { loadMemberFocus } from './member-focus'
import { buildMemberList, catchUp, memberListPage, memberListReady, memberListRows, memberListSummary } from './member-list'
import { enrol, pay, returnDeposit, setBlacklisted } from './membership-actions'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { deskOrganisation } from './test-desk'

const tz = 'Asia/Shanghai'
const mondayEvening = instantOf('2026-11-30', '19:30', tz)
const cash = { method: 'cash' as const, receiptNo: 'R-1' }
const settings = defaultMembershipSettings()

let storage: LobbyStorage
let session: Session
let n = 0

beforeEach(async () => {
  const org = await deskOrganisation()
  const t = { storage: org.storage }
  storage = t.storage
  session = org.session
})

const ctx = async (now = mondayEvening) => ({ storage, snapshot: await loadDeskSnapshot(storage), now, userId: session.userId, deviceId: 'tablet-1' })

async function member(name: string, tierId = 'ordinary', term: 'month' | 'year' = 'month', now = mondayEvening) {
  const personId = await storage.people.put({ name, phone: `1380000${String(++n).padStart(4, '0')}`, createdAt: new Date(now).toISOString() })
  const result = await enrol(await ctx(now), { personId, tierId, term, ...cash })
  if (!result.ok) throw new Error(result.problem)
  return result.memberId
}

/** What the list must show, worked out the old way: every member, from the whole realm (equal times: by id, as the list's keys sort). */
async function fromTheRealm() {
  const s = await loadDeskSnapshot(storage)
  return s.members.sort((a, b) => b.record.createdAt - a.record.createdAt || (a.id < b.id ? 1 : -1)).map((m) => ({ id: m.id, memberNo: m.record.memberNo, fees: s.ledger.filter((e) => e.memberId === m.id).length }))
}
const shown = async (limit = 50) => (await memberListPage(storage, 0, limit)).rows.map((r) => ({ id: r.id, memberNo: r.row.member.memberNo, fees: r.row.ledger.length }))

describe('the members list read from its device-local projection (issue 9 §6)', () => {
  it('is not ready before its one-time build; the build writes every member newest first, with masked names (CONF-4)', async () => {
    const a = await member('张伟', 'ordinary', 'month', mondayEvening)
    const b = await member('李娜', 'ordinary', 'month', mondayEvening + 60_000)
    expect(await memberListReady(storage, settings)).toBe(false)
    expect(await buildMemberList(storage, settings)).toBe(true)
    expect(await memberListReady(storage, settings)).toBe(true)
    const page = await memberListPage(storage, 0, 50)
    expect(page.total).toBe(2)
    expect(page.rows.map((r) => r.id)).toEqual([b, a])
    expect(page.rows.map((r) => r.row.name)).toEqual(['李**', '张**'])
    expect(await shown()).toEqual(await fromTheRealm())
  })

  it('pages: the first page holds `limit` rows, the next the rest, and the total counts all', async () => {
    const ids = []
    for (let i = 0; i < 5; i++) ids.push(await member(`会员${i}`, 'ordinary', 'month', mondayEvening + i * 1000))
    await buildMemberList(storage, settings)
    const first = await memberListPage(storage, 0, 2)
    const rest = await memberListPage(storage, 2, 10)
    expect(first.total).toBe(5)
    expect([...first.rows, ...rest.rows].map((r) => r.id)).toEqual([...ids].reverse())
  })

  it('MEM-1, MEM-6: enrolments, fees, deposit returns and blacklisting after the build are folded by catchUp, member by member', async () => {
    const vip = await member('张伟', 'vip', 'year')
    await buildMemberList(storage, settings)
    const later = await member('李娜')
    await pay(await ctx(), { memberId: later, tierId: 'ordinary', term: 'month', ...cash })
    await setBlacklisted(await ctx(), later, 'add', 'damaged a printer')
    expect(await shown()).not.toEqual(await fromTheRealm())
    expect(await catchUp(storage, settings)).toBeGreaterThan(0)
    expect(await shown()).toEqual(await fromTheRealm())
    const [row] = await memberListRows(storage, [later])
    expect(row!.row.blacklist).toEqual([expect.objectContaining({ action: 'add' })])
    expect((await memberListSummary(storage))?.depositsHeld).toBe(100000)
    // MEM-6: the VIP year ends; the deposit goes back and the summary follows.
    const afterVip = instantOf('2027-12-01', '10:00', tz)
    const back = await returnDeposit(await ctx(afterVip), { memberId: vip, refunded: 100000, kept: 0, reason: 'VIP ended', method: 'cash', receiptNo: 'R-2' })
    expect(back).toMatchObject({ ok: true })
    await catchUp(storage, settings)
    expect((await memberListSummary(storage))?.depositsHeld).toBe(0)
    expect(await catchUp(storage, settings)).toBe(0)
  })

  it('MEM-4: the summary names the members who paid a capped tier, so the panels open their rows only', async () => {
    const vip = await member('张伟', 'vip', 'year')
    await member('李娜')
    await buildMemberList(storage, settings)
    const summary = await memberListSummary(storage)
    expect(summary?.holders['vip']).toEqual([vip])
    const second = await member('王芳', 'vip', 'year')
    await catchUp(storage, settings)
    expect((await memberListSummary(storage))?.holders['vip']?.sort()).toEqual([vip, second].sort())
  })

  it('a person whose name is corrected shows the new masked name after catchUp (the directory is watched too)', async () => {
    const id = await member('张伟')
    await buildMemberList(storage, settings)
    const [before] = await memberListRows(storage, [id])
    const person = await storage.people.get(before!.row.member.personId)
    await storage.people.put({ ...person!, name: '欧阳娜娜' }, before!.row.member.personId)
    await catchUp(storage, settings)
    const [after] = await memberListRows(storage, [id])
    expect(after!.row.name).toBe('欧阳**')
  })

  it('a new tier with a cap makes the list not ready until rebuilt (the summary must name its members)', async () => {
    await member('张伟')
    await buildMemberList(storage, settings)
    const capped = { ...settings, tiers: settings.tiers.map((t) => (t.id === 'ordinary' ? { ...t, cap: 100 } : t)) }
    expect(await memberListReady(storage, capped)).toBe(false)
    await buildMemberList(storage, capped)
    expect(await memberListReady(storage, capped)).toBe(true)
  })

  it('a build stopped half-way (the app locked) is not ready, and the next build starts again', async () => {
    await member('张伟')
    const stop = new AbortController()
    stop.abort()
    expect(await buildMemberList(storage, settings, { signal: stop.signal })).toBe(false)
    expect(await memberListReady(storage, settings)).toBe(false)
  })
})

describe('a member in focus: what member pages and actions read instead of the realm (issue 9 §6)', () => {
  const base = { settings, settingsSaved: true }

  it('MEM-4: holds the member, the person’s memberships and every capped tier’s member, and no one else; a 5th VIP is refused as with the realm', async () => {
    const vips = []
    for (let i = 0; i < 4; i++) vips.push(await member(`贵宾${i}`, 'vip', 'month'))
    const ordinary = await member('普通')
    const other = await member('旁人')
    await buildMemberList(storage, settings)
    const view = await loadMemberFocus(storage, base, mondayEvening, { memberId: ordinary })
    expect(view.scope).toBe('focus')
    expect(view.members.map((m) => m.id).sort()).toEqual([...vips, ordinary].sort())
    expect(view.members.map((m) => m.id)).not.toContain(other)
    const personId = await storage.people.put({ name: '第五位', phone: '13900000005', createdAt: new Date(mondayEvening).toISOString() })
    const focused = await loadMemberFocus(storage, base, mondayEvening, { personId })
    const refused = await enrol({ storage, snapshot: focused, now: mondayEvening, userId: session.userId }, { personId, tierId: 'vip', term: 'month', ...cash })
    expect(refused).toEqual({ ok: false, problem: 'cap-full', cap: 4, tierId: 'vip' })
  })

  it('MEM-1: a person already enrolled is found through their person (no second membership), with no list built the realm is read', async () => {
    const id = await member('张伟')
    const personId = (await storage.desk.members.get(id))!.personId
    expect((await loadMemberFocus(storage, base, mondayEvening, { personId })).scope).toBe('realm')
    await buildMemberList(storage, settings)
    const focused = await loadMemberFocus(storage, base, mondayEvening, { personId })
    const again = await enrol({ storage, snapshot: focused, now: mondayEvening, userId: session.userId }, { personId, tierId: 'ordinary', term: 'month', ...cash })
    expect(again).toEqual({ ok: false, problem: 'already-member', memberId: id })
  })
})
