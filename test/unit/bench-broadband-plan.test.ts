import { describe, expect, it } from 'vitest'
import { monthOf } from '@/core/shared/calendar-month'
import { addMonths, billRunMonths, planAgreements, planHistory } from '../../bench/browser/broadband-plan'

const input = { seed: 12, accounts: 1_000, today: '2026-12-07', timeZone: 'Asia/Shanghai', billRunMonths: 12, years: 3 }
const agreements = planAgreements(input)
const history = planHistory(input, agreements[0]!.plan)
const owed = (entries: typeof history.entries) => entries.reduce((sum, e) => sum + (e.kind === 'payment' || e.kind === 'credit' ? -e.amount : e.amount), 0)

describe("the broadband bench's seed plan (issue 12: a bill run over 10,000 accounts, at a tenth here; 3 years of one account)", () => {
  it('the sizes asked for, the same on every run, account numbers never shared', () => {
    expect(agreements).toHaveLength(input.accounts)
    expect(planAgreements(input)).toEqual(agreements)
    expect(new Set(agreements.map((a) => a.accountNo)).size).toBe(input.accounts)
  })

  it('BB-2, BB-5: every agreement in service before the earliest month a timed run bills; most active, a few suspended (still billed), a few terminated', () => {
    const months = billRunMonths(input.today, input.billRunMonths)
    expect(months[0]).toBe('2026-11')
    expect(months.at(-1)).toBe('2025-12')
    for (const a of agreements) {
      expect(a.serviceStart < `${months.at(-1)}-01`).toBe(true)
      expect(a.cycleStart <= input.today && input.today <= a.cycleEnd).toBe(true)
      if (a.changedOn) expect(a.changedOn > a.serviceStart && a.changedOn < input.today).toBe(true)
    }
    const count = (s: string) => agreements.filter((a) => a.status === s).length
    expect(count('suspended')).toBeGreaterThan(10)
    expect(count('terminated')).toBeGreaterThan(5)
    expect(count('active')).toBeGreaterThan(0.9 * input.accounts)
  })

  it('BB-2, BB-6: the history account is charged once a month for 3 years through last month, its first month part-billed', () => {
    const charges = history.entries.filter((e) => e.kind === 'charge')
    expect(charges.map((c) => c.month)).toEqual(Array.from({ length: 36 }, (_, i) => addMonths('2023-12', i)))
    expect(charges.at(-1)!.month).toBe(addMonths(monthOf(input.today), -1))
    // Service from 10 December 2023: 22 of 31 days of ¥100.00, 7096.77 → 7097 fen.
    expect(charges[0]).toMatchObject({ amount: 7_097, detail: { days: 22, daysInMonth: 31 } })
    expect(charges.slice(1).every((c) => c.amount === 10_000)).toBe(true)
  })

  it('BB-5, BB-6, BB-10: three late fees, an outage credited in the two months it spans, a back-charge; everything paid in the end', () => {
    const lateFees = history.entries.filter((e) => e.kind === 'late-fee')
    // ¥100.00 overdue from its first late-fee day to the day before the payment on the 10th, 3‰ a day: due 31 July
    // 2024 and 2025 → from 1 September (9 days, 270 fen); due 30 June 2026 → from 31 July (10 days, 300 fen).
    expect(lateFees.map((e) => [e.month, e.amount])).toEqual([['2024-09', 270], ['2025-09', 270], ['2026-08', 300]])
    const credits = history.entries.filter((e) => e.kind === 'credit')
    expect(credits.map((c) => c.month)).toEqual(['2025-01', '2025-02'])
    // 30 January 22:00 → 2 February 01:00: 2 of January's 31 days (645.16 → 645 fen), 2 of February's 28 (714.29 → 714).
    expect(credits.map((c) => c.amount)).toEqual([645, 714])
    expect(history.entries.filter((e) => e.kind === 'back-charge').map((e) => e.amount)).toEqual([6_000])
    expect(history.statusChanges.map((s) => s.to)).toEqual(['suspended', 'active', 'suspended', 'active', 'suspended', 'active'])
    expect(history.entries.filter((e) => e.kind === 'payment').every((p) => p.receiptNo && (p.channel === 'counter' || p.channel === 'website'))).toBe(true)
    const late = history.entries.filter((e) => e.on <= '2026-10-31')
    expect(owed(late)).toBe(0)
    expect(history.notableMonths).toHaveLength(6)
  })
})
