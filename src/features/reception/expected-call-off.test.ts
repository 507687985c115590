import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultReceptionSettings } from '@/core/reception/defaults'
import { instantOf } from '@/core/shared/local-date'
import type { RecordChange } from '@/storage/sealed-repo'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { callOffExpected } from './expected-call-off'
import { expectedOn, preRegister, type ReceptionContext } from './reception-actions'
import { createReceptionRecords } from './reception-records'

const tz = 'Asia/Shanghai'
const day = '2026-12-07'
let ctx: ReceptionContext
let written: RecordChange[]

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  written = []
  // The kit's audit hook, caught: every record write it would audit (CONF-6).
  const recordContext = { ...t.storage.recordContext, events: { onWrite: async (c: RecordChange) => void written.push(c) } }
  ctx = {
    records: createReceptionRecords(recordContext),
    people: t.storage.people,
    audit: { append: async () => undefined },
    settings: defaultReceptionSettings(),
    org: { timeZone: tz, hours: {}, holidays: [] },
    hosts: [{ userId: 'host-1', name: '王老师', active: true }],
    now: instantOf(day, '09:00', tz),
    userId: 'host-1',
    deviceId: 'tablet-1',
  }
})

const expect1 = { day, name: '陈预约', phone: '13900001111', category: defaultCategoryIds.supplier, purpose: '送货', hostId: 'host-1' }

describe('calling off an expected visitor (REC-1)', () => {
  it('REC-1: a desk user calls an expected visitor off: gone from the day’s list, kept and marked, the change audited', async () => {
    const made = await preRegister(ctx, expect1)
    if (!made.ok) throw new Error('pre-registration refused')
    written = []
    const desk = { ...ctx, userId: 'desk-1' }
    expect(await callOffExpected(desk, made.id, true)).toEqual({ ok: true })
    expect(await expectedOn(desk, day)).toEqual([])
    expect(await ctx.records.expected.get(made.id)).toMatchObject({ name: '陈预约', cancelled: true })
    expect(written).toEqual([{ action: 'change', type: 'expected-visit', id: made.id }])
  })

  it('REC-1: someone neither at the desk nor the host who pre-registered changes nothing', async () => {
    const made = await preRegister(ctx, expect1)
    if (!made.ok) throw new Error('pre-registration refused')
    written = []
    expect(await callOffExpected({ ...ctx, userId: 'other' }, made.id, false)).toEqual({ ok: false, problem: 'not-allowed' })
    expect((await expectedOn(ctx, day)).map((e) => e.id)).toEqual([made.id])
    expect(written).toEqual([])
  })

  it('REC-1: an unknown pre-registration is refused', async () => {
    expect(await callOffExpected(ctx, 'expected-visit:none', true)).toEqual({ ok: false, problem: 'unknown' })
  })
})
