import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { instantOf } from '@/core/shared/local-date'
import type { CheckIn, LedgerEntry, Member } from '@/core/membership/types'
import { followCheckOut, followScan, shownPresent, trimVisitors, type DeskSlice } from './desk-slice'

const tz = 'Asia/Shanghai'
const day = '2026-11-30'
// Twenty seconds apart: four hundred visits fit in one evening.
const at = (n: number) => instantOf(day, '18:00', tz) + n * 20_000
const settings = { ...defaultMembershipSettings(), timeZone: tz }

const member = (id: string) => ({ id, record: { personId: `p-${id}`, memberNo: id, cardSerial: 1, createdAt: 0 } satisfies Member })
const fee = (memberId: string): LedgerEntry =>
  ({ memberId, at: 0, method: 'cash', receiptNo: `R-${memberId}`, by: 'u', kind: 'fee', tierId: 'ordinary', term: 'month', listed: 100, credit: 0, amount: 100, start: '2026-11-10', end: '2026-12-09' }) as LedgerEntry
const visit = (memberId: string, minute: number) => ({ id: `c-${memberId}`, record: { memberId, at: at(minute), day, deviceId: 'd', by: 'u' } satisfies CheckIn })

/** The page's slice with `n` visitors today (v0 first), each with their member record and a fee, and `listed` others. */
function dayWith(n: number, listed: string[] = []): DeskSlice {
  const ids = Array.from({ length: n }, (_, i) => `v${i}`)
  return {
    scope: 'slice', settings, settingsSaved: true, day, reviewed: new Set(), serviceLogs: [], waitlist: [], checkOuts: [],
    members: [...ids, ...listed].map(member),
    ledger: [...ids, ...listed].map(fee),
    blacklist: [],
    checkIns: ids.map((id, i) => visit(id, i)),
    listed,
  }
}

describe('the check-in page keeps the records of the visitors it lists, not of everyone in (issue 9 §6: a flat heap)', () => {
  it('past the newest 100 in now, a visitor is their visit only: counted, their member record and fees let go', () => {
    const v = trimVisitors(dayWith(150, ['ending']), 100, at(200))
    expect(v.checkIns).toHaveLength(150)
    expect(v.members.map((m) => m.id).sort()).toEqual([...Array.from({ length: 100 }, (_, i) => `v${i + 50}`), 'ending'].sort())
    expect(new Set(v.ledger.map((e) => e.memberId))).toEqual(new Set(v.members.map((m) => m.id)))
    expect(shownPresent(v, 100, at(200))).toHaveLength(100)
  })

  it('members named by the lists (ending soon, duplicates) and the one on screen stay, visitors or not', () => {
    const v = trimVisitors({ ...dayWith(120, ['v0']), shownOnly: ['v1'] }, 100, at(200))
    expect(v.members.map((m) => m.id)).toContain('v0')
    expect(v.members.map((m) => m.id)).toContain('v1')
    expect(v.members.map((m) => m.id)).not.toContain('v2')
  })

  it('each scan after the 100th lets the oldest listed visitor go: the slice stays the same size all evening', () => {
    let v = dayWith(100)
    for (let i = 100; i < 400; i++) {
      const scanned: DeskSlice = { ...dayWith(0), members: [member(`v${i}`)], ledger: [fee(`v${i}`)], checkIns: [visit(`v${i}`, i)], listed: [] }
      v = followScan(v, scanned, at(i))
    }
    expect(v.checkIns).toHaveLength(400)
    expect(v.members).toHaveLength(100)
    expect(v.ledger).toHaveLength(100)
    expect(v.members.map((m) => m.id)).toContain('v399')
  })

  it('a check-out brings an earlier visitor into the listed newest: shownPresent names them, for the page to read', () => {
    const v = trimVisitors(dayWith(101), 100, at(200))
    expect(v.members.map((m) => m.id)).not.toContain('v0')
    const out = followCheckOut(v, { checkInId: 'c-v100', memberId: 'v100', at: at(150), day, by: 'u' })
    expect(shownPresent(out, 100, at(200))).toContain('v0')
  })
})
