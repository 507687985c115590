import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { emptySummary, holdersOf, memberListOrder, summaryCovers, summaryOf, tiersToFollow, withRowChange, type MemberListRow } from './member-list'
import { depositEntry, depositReturnEntry, feeEntry } from './test-fixtures'

const member = { personId: 'p', memberNo: 'M1', cardSerial: 1, createdAt: 1 }
const row = (ledger: MemberListRow['ledger']): MemberListRow => ({ member, ledger, blacklist: [], name: '', phone: '' })
const settings = defaultMembershipSettings()

describe('the members list summary (issue 9 §6)', () => {
  it('MEM-4, MEM-5: follows the tiers with a cap or service hours', () => {
    const followed = tiersToFollow(settings)
    expect(followed).toEqual(settings.tiers.filter((t) => t.cap !== undefined || (t.serviceHoursPerMonth ?? 0) > 0).map((t) => t.id))
    expect(followed).toContain('vip')
    expect(summaryCovers(emptySummary(followed), settings)).toBe(true)
    expect(summaryCovers(emptySummary([]), settings)).toBe(followed.length === 0)
  })

  it('MEM-6: deposits held move with each row change (added, changed, removed) and equal a fresh sum', () => {
    const tiers = ['vip']
    let s = emptySummary(tiers)
    const a1 = row([feeEntry({ memberId: 'a', at: 1, tierId: 'vip', start: '2026-01-01', end: '2026-12-31' }), depositEntry(100000, 1, 'a')])
    const b1 = row([depositEntry(50000, 2, 'b')])
    s = withRowChange(s, 'a', undefined, a1)
    s = withRowChange(s, 'b', undefined, b1)
    expect(s.depositsHeld).toBe(150000)
    expect(holdersOf(s, tiers)).toEqual(['a'])
    const a2 = row([...a1.ledger, depositReturnEntry(90000, 10000, 3, 'a')])
    s = withRowChange(s, 'a', a1, a2)
    expect(s.depositsHeld).toBe(50000)
    expect(s).toEqual(summaryOf([{ id: 'a', row: a2 }, { id: 'b', row: b1 }], tiers))
    s = withRowChange(s, 'a', a2, undefined)
    expect(s).toEqual(summaryOf([{ id: 'b', row: b1 }], tiers))
    expect(holdersOf(s, tiers)).toEqual([])
  })

  it('orders newest enrolment first as text, whatever the number of digits', () => {
    const keys = [5, 1_700_000_000_000, 99].map((createdAt) => memberListOrder({ createdAt }))
    expect([...keys].sort().reverse()).toEqual([memberListOrder({ createdAt: 1_700_000_000_000 }), memberListOrder({ createdAt: 99 }), memberListOrder({ createdAt: 5 })])
  })
})
