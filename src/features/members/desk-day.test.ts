import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { expiringSoon } from '@/core/membership/expiring'
import { duplicateCheckIns, whoIsIn } from '@/core/membership/visits'
import type { createTestStorage } from '@/storage/testing'
import { deskOrganisation } from './test-desk'
import { deskSettings, loadDeskDay } from './desk-slice'
import { loadDeskSnapshot, stateOf, todayIn, type DeskView } from './desk-snapshot'

const tz = 'Asia/Shanghai'
const now = instantOf('2026-11-30', '19:30', tz)
const at = (day: string, time: string) => instantOf(day, time, tz)

let storage: ReturnType<typeof createTestStorage>['storage']
const named: Record<string, string> = {}

/** The check-in page's lists, as the desk store computes them from a view of the realm. */
function lists(v: DeskView) {
  const today = todayIn(v, now)
  const present = whoIsIn(v.checkIns, v.checkOuts).filter((c) => todayIn(v, c.record.at) === today).map((c) => c.id).sort()
  const duplicates = duplicateCheckIns(v.checkIns, v.checkOuts).filter((d) => d.ids.some((id) => !v.reviewed.has(id))).map((d) => d.memberId).sort()
  const ending = expiringSoon(v.members.map((m) => ({ memberId: m.id, state: stateOf(v, m.id, now) })), today, v.settings.expiringWithinDays).map((i) => i.memberId)
  return { present, duplicates, ending }
}

beforeAll(async () => {
  const org = await deskOrganisation()
  const t = { storage: org.storage }
  storage = t.storage
  const desk = storage.desk
  const by = org.session.userId
  async function member(name: string, terms: [string, string][]) {
    const id = await desk.members.put({ personId: await storage.people.put({ name, createdAt: '2026-01-01T00:00:00Z' }), memberNo: `M${name}`, cardSerial: 1, createdAt: 0 })
    for (const [start, end] of terms)
      await desk.ledger.add({ kind: 'fee', memberId: id, at: at(start, '10:00'), tierId: 'ordinary', term: 'month', listed: 10000, credit: 0, amount: 10000, start, end, method: 'cash', receiptNo: 'R', by })
    named[name] = id
    return id
  }
  const visit = (memberId: string, day: string, time: string, deviceId = 'tablet-1') => desk.checkIns.add({ memberId, at: at(day, time), day, deviceId, by })
  const leave = (checkInId: string, memberId: string, day: string, time: string) => desk.checkOuts.add({ checkInId, memberId, at: at(day, time), day, by })

  const a = await member('A', [['2026-11-04', '2026-12-03']]) // ends in three days; in now
  await visit(a, '2026-11-30', '18:00')
  const b = await member('B', [['2026-11-29', '2026-12-28']]) // came and went today; yesterday's visit left open
  await leave(await visit(b, '2026-11-30', '17:00'), b, '2026-11-30', '18:30')
  await visit(b, '2026-11-29', '17:00')
  await member('C', [['2026-11-03', '2026-12-02'], ['2026-12-03', '2027-01-02']]) // renewed: not ending soon
  const d = await member('D', [['2026-11-29', '2026-12-28']]) // the same card on two offline tablets today
  await visit(d, '2026-11-30', '19:00', 'tablet-1')
  await visit(d, '2026-11-30', '19:05', 'tablet-2')
  const e = await member('E', [['2026-11-29', '2026-12-28']]) // a duplicate three days ago, not yet reviewed
  await visit(e, '2026-11-27', '19:00', 'tablet-1')
  await visit(e, '2026-11-27', '19:05', 'tablet-2')
  const f = await member('F', [['2026-10-01', '2027-09-30']]) // came and went two days ago: only the week's visits name them
  await leave(await visit(f, '2026-11-28', '18:00'), f, '2026-11-28', '20:00')
  for (let i = 0; i < 20; i++) {
    const other = await member(`X${i}`, [['2026-10-01', '2027-09-30']]) // a year's membership, seen a month ago
    await visit(other, '2026-10-28', '19:00')
  }
  await desk.reindex()
}, 300_000)

describe('MEM-3, MEM-7: the check-in page reads a slice and loses nothing of its lists', () => {
  it('who is in, duplicates to review and memberships ending soon are those of the whole realm', async () => {
    const realm = lists(await loadDeskSnapshot(storage))
    const day = await loadDeskDay(storage, await deskSettings(storage), now)
    expect(lists(day)).toEqual(realm)
    expect(realm.ending).toEqual([named.A])
    // B's visit left open yesterday overlaps today's: flagged too (the core rule, as before).
    expect(realm.duplicates).toEqual([named.B, named.D, named.E].sort())
    expect(realm.present).toHaveLength(2) // A, and D (their latest visit)
  })

  it('opens only the members its lists name, not the others', async () => {
    const day = await loadDeskDay(storage, await deskSettings(storage), now)
    expect(day.members.map((m) => m.id).sort()).toEqual([named.A, named.B, named.C, named.D, named.E].sort())
  })

  it('opening the page reads today first: who is in is already whole; the week and the ending soon come with the whole read', async () => {
    const realm = lists(await loadDeskSnapshot(storage))
    const today = await loadDeskDay(storage, await deskSettings(storage), now, 'today')
    expect(lists(today).present).toEqual(realm.present)
    expect(today.members.length).toBeLessThan((await loadDeskDay(storage, await deskSettings(storage), now)).members.length)
  })
})
