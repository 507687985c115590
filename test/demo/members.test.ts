// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { depositLockedUntil } from '@/core/membership/deposit-return'
import { looksLikeMemberNo } from '@/core/membership/member-number'
import { membershipState } from '@/core/membership/membership-state'
import { isOpenAt } from '@/core/membership/opening-hours'
import { priceFor } from '@/core/membership/pricing'
import { renewalStart, termEnd } from '@/core/membership/term-dates'
import type { FeeEntry, LedgerEntry } from '@/core/membership/types'
import { countActive } from '@/core/membership/vip-cap'
import { addDaysTo, localDateOf } from '@/core/shared/local-date'
import { demoToday, generateMembership, membershipCounts, type DemoMembership, type MembershipInput } from '../../scripts/demo/members'
import { generatePeople } from '../../scripts/demo/people'

const settings = defaultMembershipSettings()
const tz = settings.timeZone
const [ordinary, vip] = [settings.tiers[0]!, settings.tiers[1]!]
const actors = { desk: 'user:desk1', deviceId: 'device:tablet', manager: 'user:manager' }
const inputFor = (seed: number, more: Partial<MembershipInput> = {}): MembershipInput => ({
  seed,
  people: generatePeople(seed, 2000).map((p, i) => ({ id: `person:${seed}:${i}`, createdAt: p.createdAt })),
  members: 500,
  visits: 1000,
  actors,
  ...more,
})
const plans = new Map<number, DemoMembership>()
const planFor = (seed: number) => plans.get(seed) ?? plans.set(seed, generateMembership(inputFor(seed))).get(seed)!
const seeds = [2026, 1, 77]

/** The plan's ledger as the app stores it: each entry naming its member by a stand-in id. */
function ledgerOf(plan: DemoMembership): LedgerEntry[] {
  return plan.ledger.map(({ member, ...e }) => ({ ...e, memberId: `m${member}` }) as LedgerEntry)
}
const feesOf = (plan: DemoMembership) => plan.ledger.filter((e) => e.kind === 'fee')

describe('demo members: deterministic', () => {
  it('the same seed and people give the same members, ledger, blacklist, service hours and visits', () => {
    expect(generateMembership(inputFor(2026))).toEqual(generateMembership(inputFor(2026)))
  })

  it('another seed gives other members', () => {
    const a = planFor(2026).members.map((m) => m.memberNo)
    const b = generateMembership(inputFor(2026, { seed: 2027 })).members.map((m) => m.memberNo)
    expect(b).not.toEqual(a)
  })

  it('the defaults: 500 distinct registered people as members, 1,000 visits, a demo today of 2026-11-21', () => {
    const plan = planFor(2026)
    expect(plan.today).toBe(demoToday)
    expect(demoToday).toBe('2026-11-21')
    expect(plan.members).toHaveLength(500)
    expect(new Set(plan.members.map((m) => m.personId)).size).toBe(500)
    expect(plan.visits).toHaveLength(1000)
    const people = new Map(inputFor(2026).people.map((p) => [p.id, p]))
    for (const m of plan.members) expect(Date.parse(people.get(m.personId)!.createdAt)).toBeLessThan(m.createdAt)
  })

  it('asks for more members than people: every person becomes one, no more', () => {
    const plan = generateMembership(inputFor(5, { people: inputFor(5).people.slice(0, 30), members: 100, visits: 50 }))
    expect(plan.members.length).toBeLessThanOrEqual(30)
    expect(new Set(plan.members.map((m) => m.personId)).size).toBe(plan.members.length)
  })
})

describe('demo members: the membership rules hold', () => {
  it.each(seeds)('MEM-8: member numbers come from memberNumberFrom, all different (seed %i)', (seed) => {
    const numbers = planFor(seed).members.map((m) => m.memberNo)
    expect(numbers.every(looksLikeMemberNo)).toBe(true)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it.each(seeds)('MEM-1: every fee is the listed price of its tier and term, without credit (seed %i)', (seed) => {
    for (const f of feesOf(planFor(seed))) {
      const tier = settings.tiers.find((t) => t.id === f.tierId)!
      expect({ listed: f.listed, credit: f.credit, amount: f.amount }).toEqual({ listed: priceFor(tier, f.term), credit: 0, amount: priceFor(tier, f.term) })
      expect(f.receiptNo).toMatch(/^HY20\d\d-\d{5}$/)
    }
  })

  it.each(seeds)('MEM-7: each term ends as termEnd says and starts where a renewal starts (seed %i)', (seed) => {
    const plan = planFor(seed)
    const byMember = new Map<number, FeeEntry[]>()
    for (const f of feesOf(plan)) byMember.set(f.member, [...(byMember.get(f.member) ?? []), f as unknown as FeeEntry])
    for (const fees of byMember.values()) {
      fees.forEach((f, i) => {
        expect(f.end).toBe(termEnd(f.start, f.term))
        expect(f.start).toBe(renewalStart(fees[i - 1]?.end, localDateOf(f.at, tz)))
      })
    }
  })

  it('MEM-7: renewals, some stacked on a running term, some members expired, most active', () => {
    const counts = membershipCounts(planFor(2026), settings)
    expect(counts.renewals).toBeGreaterThan(50)
    expect(counts.stacked).toBeGreaterThan(10)
    expect(counts.expired).toBeGreaterThan(20)
    expect(counts.active).toBeGreaterThan(counts.members / 2)
  })

  it.each(seeds)('MEM-4: never more VIPs than the cap on any day, counted as the app counts them (seed %i)', (seed) => {
    const plan = planFor(seed)
    const vipMembers = [...new Set(plan.ledger.filter((e) => e.kind === 'fee' && e.tierId === vip.id).map((e) => `m${e.member}`))]
    // Only VIPs' entries can make a VIP state (and the others would only slow the day-by-day count).
    const ledger = ledgerOf(plan).filter((e) => vipMembers.includes(e.memberId))
    expect(vipMembers.length).toBeGreaterThan(vip.cap!)
    const first = feesOf(plan).reduce((d, f) => (f.start < d ? f.start : d), plan.today)
    let fullDays = 0
    for (let day = first; day <= addDaysTo(plan.today, 400); day = addDaysTo(day, 1)) {
      // What the desk knew that day: the entries taken by then.
      const known = ledger.filter((e) => localDateOf(e.at, tz) <= day)
      const held = countActive(vip.id, vipMembers.map((m) => membershipState(known, m, day, settings)))
      expect(held, day).toBeLessThanOrEqual(vip.cap!)
      if (held === vip.cap) fullDays++
    }
    expect(fullDays).toBeGreaterThan(0)
  })

  it('MEM-4: the cap is full today, so two people wait for a VIP place, and none of them is a member', () => {
    const plan = planFor(2026)
    expect(membershipCounts(plan, settings).vipActive).toBe(vip.cap)
    expect(plan.waitlist).toHaveLength(2)
    const members = new Set(plan.members.map((m) => m.personId))
    for (const w of plan.waitlist) {
      expect(w.tierId).toBe(vip.id)
      expect(members.has(w.personId)).toBe(false)
    }
  })

  it.each(seeds)('MEM-6: each VIP paid one deposit with the first fee; what went back is what was held (seed %i)', (seed) => {
    const plan = planFor(seed)
    const vipFirst = new Map<number, number>()
    for (const f of feesOf(plan)) if (f.tierId === vip.id && !vipFirst.has(f.member)) vipFirst.set(f.member, f.at)
    const deposits = plan.ledger.filter((e) => e.kind === 'deposit')
    expect(deposits.map((d) => [d.member, d.at, d.amount])).toEqual([...vipFirst].map(([m, at]) => [m, at, vip.deposit]))
    for (const r of plan.ledger.filter((e) => e.kind === 'deposit-return')) expect(r.refunded + r.kept).toBe(vip.deposit)
  })

  it.each(seeds)('MEM-6: each deposit went back only after the VIP membership it secured had ended (seed %i)', (seed) => {
    const ledger = ledgerOf(planFor(seed))
    const returns = ledger.filter((e) => e.kind === 'deposit-return')
    expect(returns.length).toBeGreaterThan(0)
    for (const r of returns) {
      const known = ledger.filter((e) => e.at < r.at)
      expect(depositLockedUntil(known, r.memberId, localDateOf(r.at, tz), settings)).toBeUndefined()
    }
  })

  it.each(seeds)('MEM-2/MEM-3: every visit is inside its tier’s opening hours, on a day its term covers, in the last 60 days (seed %i)', (seed) => {
    const plan = planFor(seed)
    const fees = feesOf(plan)
    const seen = new Set<string>()
    for (const v of plan.visits) {
      const day = localDateOf(v.checkIn.at, tz)
      expect(day >= addDaysTo(plan.today, -59) && day <= plan.today, day).toBe(true)
      const covering = fees.findLast((f) => f.member === v.member && f.start <= day && day <= f.end)
      expect(covering, `member ${v.member} on ${day}`).toBeDefined()
      expect(covering!.at).toBeLessThan(v.checkIn.at)
      expect(isOpenAt(settings, covering!.tierId, v.checkIn.at)).toBe(true)
      if (v.checkOut) {
        expect(v.checkOut.at).toBeGreaterThan(v.checkIn.at)
        expect(isOpenAt(settings, covering!.tierId, v.checkOut.at)).toBe(true)
      } else expect(day).toBe(plan.today)
      expect(v.checkIn).toMatchObject({ deviceId: actors.deviceId, by: actors.desk })
      // One visit a member a day: "already checked in" never had to be overridden.
      expect(seen.has(`${v.member}|${day}`)).toBe(false)
      seen.add(`${v.member}|${day}`)
    }
    expect(plan.visits.filter((v) => !v.checkOut).length).toBeLessThanOrEqual(5)
    expect(plan.visits.some((v) => settings.tiers.find((t) => t.id === fees.findLast((f) => f.member === v.member)!.tierId) === ordinary)).toBe(true)
  })

  it.each(seeds)('MEM-9: one or two members blacklisted by the manager, never renewed nor seen after (seed %i)', (seed) => {
    const plan = planFor(seed)
    expect(plan.blacklist.length).toBeGreaterThanOrEqual(1)
    expect(plan.blacklist.length).toBeLessThanOrEqual(2)
    for (const b of plan.blacklist) {
      expect(b).toMatchObject({ action: 'add', by: actors.manager, reason: expect.stringMatching(/\S/) })
      expect(plan.ledger.filter((e) => e.member === b.member && e.at > b.at)).toEqual([])
      const day = localDateOf(b.at, tz)
      expect(plan.visits.filter((v) => v.member === b.member && localDateOf(v.checkIn.at, tz) >= day)).toEqual([])
    }
  })

  it.each(seeds)('MEM-5: a few service-hour logs, by VIPs, on days their term covers, up to today (seed %i)', (seed) => {
    const plan = planFor(seed)
    expect(plan.serviceLogs.length).toBeGreaterThan(3)
    const fees = feesOf(plan)
    for (const l of plan.serviceLogs) {
      expect(fees.some((f) => f.member === l.member && f.tierId === vip.id && f.start <= l.date && l.date <= f.end)).toBe(true)
      expect(l.date <= plan.today).toBe(true)
      expect(l.hours).toBeGreaterThan(0)
    }
  })
})
