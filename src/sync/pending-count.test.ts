import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createTestStorage } from '@/storage/testing'
import type { StoredEnvelope } from '@/storage/documents'
import { channelsFor } from './channels'
import { createSyncEngine } from './sync-engine'
import { pendingCountCap } from './sync-status'

const waiting = (i: number): StoredEnvelope => ({ _id: `checkin:${i}`, type: 'checkin', realm: 'desk', kid: 'desk:1', v: 1, by: 'u1', ct: 'x', bi: [], _local: 1 })

function engineOver(db: ReturnType<typeof createTestStorage>['db']) {
  const never = () => {
    throw new Error('no replication in this test')
  }
  return createSyncEngine({
    db,
    Pouch: never as never,
    remoteBase: 'http://server.invalid/db/',
    remoteFetch: never as never,
    keys: () => undefined,
    channels: channelsFor(['desk'], false, undefined, 'u1'),
    cursors: { get: async () => undefined, set: async () => undefined },
    quarantine: async () => undefined,
  })
}

describe('changes waiting to sync (counted after every write)', () => {
  it('counts the rows this device has not pushed yet', async () => {
    const { db } = createTestStorage()
    await db.records.bulkPut([waiting(1), waiting(2), { ...waiting(3), _local: undefined, _rev: '1-a' }])
    expect(await engineOver(db).pendingCount()).toBe(2)
  })

  it(`stops at ${pendingCountCap} (the status says "1,000+"): a device long offline is not walked row by row after each check-in`, async () => {
    const { db } = createTestStorage()
    await db.records.bulkPut(Array.from({ length: pendingCountCap + 250 }, (_, i) => waiting(i)))
    expect(await engineOver(db).pendingCount()).toBe(pendingCountCap)
  })
})
