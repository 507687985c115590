import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { memberNumberFrom } from '@/core/membership/member-number'
import { scanAtDesk } from './checkin-actions'
import { deskOrganisation } from './test-desk'

const tz = 'Asia/Shanghai'
const evening = instantOf('2026-11-30', '19:30', tz)

/**
 * Each IndexedDB transaction is a round trip to the browser's storage process, and a check-in's are mostly one after
 * another: their number is most of a scan's time on a quiet tablet (issue 9 §6: p95 < 50 ms). Counted, not timed.
 */
describe('what one check-in asks of IndexedDB (issue 9 §6, MEM-3)', () => {
  it('an admit: the settings, the member with their fees, blacklist and visits of today in one read, then one write with its audit entry', async () => {
    const { storage, session, db } = await deskOrganisation()
    const nos: string[] = []
    for (let i = 0; i < 20; i++) {
      const personId = await storage.people.put({ name: `会员${i}`, phone: `1390000${String(i).padStart(4, '0')}`, createdAt: '2026-01-01T00:00:00Z' })
      const memberNo = memberNumberFrom(crypto.getRandomValues(new Uint8Array(8)))
      const memberId = await storage.desk.members.put({ personId, memberNo, cardSerial: 1, createdAt: evening - 86_400_000 })
      await storage.desk.ledger.add({ memberId, at: evening - 86_400_000, method: 'cash', receiptNo: `R-${i}`, by: session.userId, kind: 'fee', tierId: 'ordinary', term: 'month', listed: 10000, credit: 0, amount: 10000, start: '2026-11-29', end: '2026-12-28' })
      nos.push(memberNo)
    }
    await storage.desk.reindex()
    const ctx = { storage, now: evening, userId: session.userId, deviceId: 'tablet-1' }
    await scanAtDesk(ctx, nos[0]!)
    const log: string[] = []
    let on = false
    const core = db.core
    const realTx = core.transaction
    core.transaction = (function (stores: string[], mode: "readonly" | "readwrite", options?: object) {
      if (on) log.push(`${mode} ${[stores].flat().join(',')} ${new Error().stack!.split('\n').slice(2, 40).map((l) => l.trim().replace(/^at /, '')).filter((l) => l.includes('/src/') && !l.includes('node_modules')).map((l) => l.replace(/\(.*\/src\//, '(').replace(/^async /, '')).slice(0, 3).join(' < ')}`)
      return realTx.call(core, stores, mode, options as never)
    }) as typeof core.transaction
    on = true
    const outcome = await scanAtDesk(ctx, nos[1]!)
    on = false
    core.transaction = realTx
    expect(outcome.decision.admit).toBe(true)
    // One write: the check-in and its audit entry together (CONF-6), with the device clock's tick before it.
    expect(log.filter((l) => l.startsWith('readwrite')).map((l) => l.split(' ')[1])).toEqual(['local', 'audit,local,records'])
    // The member's slice is one read (member, fees, blacklist, visits of today), the audit chain's state another: 14 before.
    expect(log.length, log.join('\n')).toBeLessThanOrEqual(8)
  })
})
