import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { expiringSoon } from '@/core/membership/expiring'
import { memberNumberFrom } from '@/core/membership/member-number'
import { duplicateCheckIns, whoIsIn } from '@/core/membership/visits'
import type { createTestStorage } from '@/storage/testing'
import { deskOrganisation } from './test-desk'
import { checkOut, overrideAtDesk, scanAtDesk } from './checkin-actions'
import { deskSettings, followCheckOut, followScan, loadDeskDay, type DeskSlice } from './desk-slice'
import { stateOf, todayIn } from './desk-snapshot'

const tz = 'Asia/Shanghai'
const at = (day: string, time: string) => instantOf(day, time, tz)

let storage: ReturnType<typeof createTestStorage>['storage']
let userId: string
const members: { id: string; memberNo: string; expired: boolean }[] = []

/** The check-in page's lists (as the desk store computes them) of a view, at `now`. */
function lists(v: DeskSlice, now: number) {
  const today = todayIn(v, now)
  const present = whoIsIn(v.checkIns, v.checkOuts).filter((c) => todayIn(v, c.record.at) === today).map((c) => c.id).sort()
  const duplicates = duplicateCheckIns(v.checkIns, v.checkOuts).filter((d) => d.ids.some((id) => !v.reviewed.has(id))).map((d) => d.memberId).sort()
  const ending = expiringSoon(v.members.map((m) => ({ memberId: m.id, state: stateOf(v, m.id, now) })), today, v.settings.expiringWithinDays).map((i) => i.memberId)
  return { present, duplicates, ending }
}

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

beforeAll(async () => {
  const org = await deskOrganisation()
  const t = { storage: org.storage }
  storage = t.storage
  userId = org.session.userId
  const desk = storage.desk
  // Eight paid for the year, one whose month ends during the week (ending soon), two expired.
  const terms: [string, string][] = [...Array<[string, string]>(8).fill(['2026-10-01', '2027-09-30']), ['2026-11-05', '2026-12-04'], ['2026-09-01', '2026-09-30'], ['2026-09-01', '2026-09-30']]
  for (const [i, [start, end]] of terms.entries()) {
    const personId = await storage.people.put({ name: `会员${i}`, createdAt: '2026-01-01T00:00:00Z' })
    const memberNo = memberNumberFrom(crypto.getRandomValues(new Uint8Array(8)))
    const id = await desk.members.put({ personId, memberNo, cardSerial: 1, createdAt: 0 })
    await desk.ledger.add({ kind: 'fee', memberId: id, at: at(start, '10:00'), tierId: 'ordinary', term: 'month', listed: 10000, credit: 0, amount: 10000, start, end, method: 'cash', receiptNo: `R${i}`, by: userId })
    members.push({ id, memberNo, expired: end < '2026-11-01' })
  }
  // Another tablet's visits synced earlier: one member in since the afternoon, another twice at once (a duplicate).
  await desk.checkIns.add({ memberId: members[0]!.id, at: at('2026-11-30', '15:00'), day: '2026-11-30', deviceId: 'tablet-2', by: userId })
  await desk.checkIns.add({ memberId: members[1]!.id, at: at('2026-11-30', '16:00'), day: '2026-11-30', deviceId: 'tablet-2', by: userId })
  await desk.checkIns.add({ memberId: members[1]!.id, at: at('2026-11-30', '16:02'), day: '2026-11-30', deviceId: 'tablet-3', by: userId })
  await desk.reindex()
}, 300_000)

type Step = 'scan' | 'scan-unknown' | 'check-out' | 'override'

describe('MEM-3, MEM-7: the check-in page follows each scan, check-out and override without re-reading the day', () => {
  // Each sequence on its own evening, so each starts from the day's own visits.
  const evenings = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']
  for (const [n, day] of evenings.entries()) {
    it(`after every step of a random sequence (seed ${n + 1}, ${day}), the lists equal a full re-read`, async () => {
      const next = random(n + 1)
      const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!
      let now = at(day, '19:00')
      const base = await deskSettings(storage)
      let view = await loadDeskDay(storage, base, now)
      const seen = new Set<string>()
      for (let i = 0; i < 14; i++) {
        now += 60_000
        const ctx = { storage, now, userId, deviceId: 'tablet-1' }
        const present = lists(view, now).present
        const step: Step = pick<Step>(['scan', 'scan', 'scan', 'scan-unknown', 'check-out', 'override'])
        if (step === 'check-out' && present.length) {
          const visit = view.checkIns.find((c) => c.id === present[0])!
          view = followCheckOut(view, await checkOut({ ...ctx, snapshot: view }, visit.id, visit.record.memberId))
        } else if (step === 'override') {
          const member = pick(members.filter((m) => m.expired))
          const { decision } = await scanAtDesk(ctx, member.memberNo)
          if (decision.admit || decision.reason !== 'expired') continue // already in: nothing to override
          view = followScan(view, (await overrideAtDesk({ ...ctx, now: now + 1 }, member.id, { refusal: 'expired', reason: '经理同意' })).slice)
        } else {
          const outcome = await scanAtDesk(ctx, step === 'scan-unknown' ? '13000000000' : pick(members).memberNo)
          seen.add(outcome.decision.admit ? 'admit' : outcome.decision.reason)
          view = followScan(view, outcome.slice)
        }
        expect(lists(view, now + 1), `step ${i + 1}: ${step}`).toEqual(lists(await loadDeskDay(storage, base, now + 1), now + 1))
      }
      expect(seen.size).toBeGreaterThan(1) // admits and refusals both happened
    }, 120_000)
  }

  it('keeps the member a scan showed only until the next scan, unless the lists name them', async () => {
    const now = at('2026-12-20', '19:00') // a week after the sequences: no visit of the window names anyone
    const base = await deskSettings(storage)
    const view = await loadDeskDay(storage, base, now)
    const expired = members.filter((m) => m.expired)
    const ctx = { storage, userId, deviceId: 'tablet-1' }
    const first = followScan(view, (await scanAtDesk({ ...ctx, now }, expired[0]!.memberNo)).slice)
    expect(first.members.map((m) => m.id)).toContain(expired[0]!.id)
    const second = followScan(first, (await scanAtDesk({ ...ctx, now: now + 60_000 }, expired[1]!.memberNo)).slice)
    expect(second.members.map((m) => m.id)).not.toContain(expired[0]!.id)
    expect(second.ledger.some((e) => e.memberId === expired[0]!.id)).toBe(false)
    expect(second.members.map((m) => m.id)).toContain(expired[1]!.id)
  }, 60_000)
})
