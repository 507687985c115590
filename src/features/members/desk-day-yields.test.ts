import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { memberNumberFrom } from '@/core/membership/member-number'
import { deskSettings, duplicateWindowDays, loadDeskDay, membersPerBatch } from './desk-slice'
import { deskOrganisation } from './test-desk'

const tz = 'Asia/Shanghai'
const now = instantOf('2026-11-30', '19:30', tz)

describe('the check-in page reads the day in batches a scan can come between (issue 9 §6)', () => {
  it('twenty members ending soon and a week of visits: read a batch of members and a day at a time, the page awaited between each, none lost', async () => {
    const { storage, session } = await deskOrganisation()
    const ids: string[] = []
    for (let i = 0; i < 20; i++) {
      const personId = await storage.people.put({ name: `会员${i}`, phone: `1390000${String(i).padStart(4, '0')}`, createdAt: '2026-01-01T00:00:00Z' })
      const memberId = await storage.desk.members.put({ personId, memberNo: memberNumberFrom(crypto.getRandomValues(new Uint8Array(8))), cardSerial: 1, createdAt: now - 40 * 86_400_000 })
      await storage.desk.ledger.add({ memberId, at: now - 30 * 86_400_000, method: 'cash', receiptNo: `R-${i}`, by: session.userId, kind: 'fee', tierId: 'ordinary', term: 'month', listed: 10000, credit: 0, amount: 10000, start: '2026-11-03', end: '2026-12-02' })
      ids.push(memberId)
    }
    await storage.desk.reindex()
    let paused = 0
    let finished = false
    const read = loadDeskDay(storage, await deskSettings(storage), now, 'whole', async () => {
      paused++
      expect(finished).toBe(false)
      // A scan in flight: the read goes on only once it is done.
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    const day = await read.finally(() => (finished = true))
    // Between the week's days, then between the batches of members.
    expect(paused).toBe(duplicateWindowDays - 1 + Math.ceil(20 / membersPerBatch) - 1)
    expect(day.members.map((m) => m.id).sort()).toEqual([...ids].sort())
    expect(new Set(day.ledger.map((e) => e.memberId)).size).toBe(20)
  })
})
