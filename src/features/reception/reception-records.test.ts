import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { appendOnlyTypes } from '@/core/access/access-policy'
import type { Visit } from '@/core/reception/types'
import { eventTypesOf } from '@/storage/records'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { createReceptionRecords } from './reception-records'

const choice = { level: 'normal', place: 'reception-area', hospitality: 'water', receivedBy: 'host-or-colleague' } as const

function visit(day: string, name: string, phone = '13800138000'): Visit {
  return {
    personId: `person:${phone}`,
    name,
    organisation: `${name} Supplies`,
    category: 'supplier',
    purpose: 'delivery',
    hostId: 'host-1',
    reception: { ...choice },
    badge: { issued: false, why: 'high-level' },
    at: Date.parse(`${day}T02:00:00Z`),
    day,
    deviceId: 'tablet-1',
    by: 'u1',
  }
}

async function receptionOnTestStorage() {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  return { db: t.db, records: createReceptionRecords(t.storage.recordContext) }
}

describe('reception records (REC-1, REC-6)', () => {
  it('REC-1: a visit is read back by its day, and only that day', async () => {
    const { records } = await receptionOnTestStorage()
    const today = await records.visits.add(visit('2026-12-07', 'Zhang Wei'))
    await records.visits.add(visit('2026-12-06', 'Li Na', '13900139000'))
    const read = await records.visits.onDay('2026-12-07')
    expect(read.map((v) => v.id)).toEqual([today])
    expect(read[0]!.record.name).toBe('Zhang Wei')
  })

  it('REC-1: a visitor’s visits are read by their person; a check-out by its visit and day', async () => {
    const { records } = await receptionOnTestStorage()
    const id = await records.visits.add(visit('2026-12-07', 'Zhang Wei'))
    expect((await records.visits.byParent('person:13800138000')).map((v) => v.id)).toEqual([id])
    await records.checkOuts.add({ visitId: id, at: Date.parse('2026-12-07T05:00:00Z'), day: '2026-12-07', how: 'hand', deviceId: 'tablet-1', by: 'u1' })
    expect((await records.checkOuts.byParent(id)).map((c) => c.record.how)).toEqual(['hand'])
    expect(await records.checkOuts.onDay('2026-12-06')).toEqual([])
  })

  it('REC-1: an expected visitor is read by the day they are expected', async () => {
    const { records } = await receptionOnTestStorage()
    await records.expected.put({ day: '2026-12-08', name: 'Chen Jie', category: 'supplier', purpose: 'meeting', hostId: 'host-1', by: 'u1', at: 0 })
    expect((await records.expected.onDay('2026-12-08')).map((e) => e.record.name)).toEqual(['Chen Jie'])
    expect(await records.expected.onDay('2026-12-07')).toEqual([])
  })

  it('CONF-1: nothing of the visitor is stored in clear (name and phone absent from the stored rows)', async () => {
    const { db, records } = await receptionOnTestStorage()
    await records.visits.add(visit('2026-12-07', 'Zhang Wei'))
    await records.expected.put({ day: '2026-12-08', name: 'Chen Jie', phone: '13700137000', category: 'supplier', purpose: 'meeting', hostId: 'host-1', by: 'u1', at: 0 })
    const stored = JSON.stringify(await db.records.toArray())
    for (const secret of ['Zhang Wei', '13800138000', 'Chen Jie', '13700137000', 'Supplies', 'delivery']) expect(stored).not.toContain(secret)
    expect(stored).toContain('"type":"visit"')
  })

  it('the desk realm’s events, membership’s and reception’s, are exactly the policy’s append-only types', async () => {
    await import('@/storage/lobby-storage')
    // The broadband events are the accounts realm's (src/features/broadband/broadband-records.test.ts); a member's
    // requests are their own realm's (issue 14, core/self-service/requests.ts); the service office's are the field realm's (issue 15).
    expect(eventTypesOf('desk').sort()).toEqual(appendOnlyTypes.filter((t) => !t.startsWith('bb-') && !t.startsWith('self-') && !t.startsWith('svc-')).sort())
  })
})
