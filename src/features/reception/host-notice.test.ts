import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultReceptionSettings } from '@/core/reception/defaults'
import { instantOf } from '@/core/shared/local-date'
import type { NoticeInput, NoticeStatus } from '@/storage/notices.repo'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { hostToldOf, type HostNotices } from './host-notice'
import { registerVisit, type ReceptionContext } from './reception-actions'
import { createReceptionRecords } from './reception-records'

const tz = 'Asia/Shanghai'
const now = instantOf('2026-12-07', '10:00', tz)
const minute = 60_000

/** The notices as the desk's device holds them: what was sent, and what the server and the host have said of it. */
function fakeNotices(refuse = false) {
  const sent: NoticeInput[] = []
  const status = new Map<string, NoticeStatus>()
  const notices: HostNotices = {
    async send(input) {
      if (refuse) throw new Error('no certified keys')
      sent.push(input)
      const id = `notice:${input.to}:${input.nid}`
      status.set(id, { sent: false })
      return id
    },
    statusOf: async (ids) => new Map(ids.flatMap((id) => (status.has(id) ? [[id, status.get(id)!] as const] : []))),
  }
  return { notices, sent, status }
}

let ctx: ReceptionContext
beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  ctx = {
    records: createReceptionRecords(t.storage.recordContext),
    people: t.storage.people,
    audit: { append: async () => undefined },
    settings: defaultReceptionSettings(),
    org: { timeZone: tz, hours: {}, holidays: [] },
    hosts: [{ userId: 'host-1', name: '王老师', active: true }],
    now,
    userId: 'desk-1',
    deviceId: 'tablet-1',
  }
})

const supplier = { phone: '13800138000', name: '张伟', organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '送货', hostId: 'host-1' }

describe('REC-3: the host is told with the visit, and the desk sees how it stands', () => {
  it('a visitor let in: the notice goes to the host with the visit’s id, name as given and place; its id is on the visit', async () => {
    const { notices, sent } = fakeNotices()
    const done = await registerVisit({ ...ctx, notices }, supplier)
    if (!done.ok) throw new Error('not registered')
    expect(await done.hostTold).toBe(true)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ to: 'host-1', kind: 'visitor-arrived', at: now, body: { visitId: done.visitId, visitorName: '张伟' } })
    expect((await ctx.records.visits.get(done.visitId))?.noticeId).toBe(`notice:host-1:${sent[0]!.nid}`)
  })

  it('not sent while offline; waiting once on the server; to chase from the set time (5 min) without an answer; then acknowledged', async () => {
    const { notices, status } = fakeNotices()
    const done = await registerVisit({ ...ctx, notices }, supplier)
    if (!done.ok) throw new Error('not registered')
    await done.hostTold
    const visits = [{ id: done.visitId, record: done.visit }]
    const at = async (t: number) => (await hostToldOf(notices, visits, t, ctx.settings)).get(done.visitId)
    expect(await at(now)).toEqual({ state: 'not-sent' })
    status.set(done.visit.noticeId!, { sent: true })
    expect(await at(now + 5 * minute - 1)).toEqual({ state: 'waiting', remindAt: now + 5 * minute })
    expect(await at(now + 5 * minute)).toEqual({ state: 'chase', since: now + 5 * minute })
    status.set(done.visit.noticeId!, { sent: true, ackedAt: now + 6 * minute, ackedBy: 'host-1' })
    expect(await at(now + 7 * minute)).toEqual({ state: 'acknowledged', at: now + 6 * minute })
  })

  it('a refused visitor tells nobody', async () => {
    const { notices, sent } = fakeNotices()
    const done = await registerVisit({ ...ctx, notices }, { ...supplier, category: defaultCategoryIds.insuranceSales, refuseReason: '推销保险' })
    expect(done.ok && done.visit.noticeId).toBeUndefined()
    expect(sent).toEqual([])
  })

  it('a notice that cannot be sent leaves the visit saved, and the desk is told to call the host', async () => {
    const { notices } = fakeNotices(true)
    const done = await registerVisit({ ...ctx, notices }, supplier)
    if (!done.ok) throw new Error('not registered')
    expect(await done.hostTold).toBe(false)
    expect(await ctx.records.visits.get(done.visitId)).toMatchObject({ name: '张伟' })
    expect((await hostToldOf(notices, [{ id: done.visitId, record: done.visit }], now, ctx.settings)).get(done.visitId)).toEqual({ state: 'not-told' })
  })
})
