/**
 * What the in-browser seed writes, generated from a seed: years of fees for each
 * member and check-ins on days their fees paid for. Pure (no clock, no storage), so
 * the same sizes give the same data on every run. Members and check-ins name their
 * member and person by index; `seed.ts` turns indexes into record ids as it writes.
 */
import type { FeeEntry, LocalDate, MembershipSettings, PaymentMethod, Term, Tier } from '@/core/membership/types'
import { memberNumberFrom } from '@/core/membership/member-number'
import { termEnd } from '@/core/membership/term-dates'
import { addDaysTo, daysBetween, instantOf } from '@/core/shared/local-date'
import { mulberry32 } from '../../scripts/demo/people'

export interface PlanInput {
  seed: number
  members: number
  checkIns: number
  /** How far back the first enrolments go. */
  years: number
  today: LocalDate
  timeZone: string
  tier: Tier
  by: string
}

export interface PlannedMember {
  memberNo: string
  createdAt: number
  fees: Omit<FeeEntry, 'memberId'>[]
}

export interface PlannedCheckIn {
  member: number
  at: number
}

const termWeights: [Term, number][] = [['month', 0.5], ['halfYear', 0.3], ['year', 0.2]]
const methods: PaymentMethod[] = ['transfer', 'card', 'cash']

/** The seeded organisation opens around the clock, so every scan is decided on membership, never on the hour. */
export function openAllDay(settings: MembershipSettings): MembershipSettings {
  const weekdays = [1, 2, 3, 4, 5, 6, 7] as const
  return { ...settings, tiers: settings.tiers.map((t) => ({ ...t, hours: weekdays.map((weekday) => ({ weekday, from: '00:00', to: '23:59' })) })) }
}

export function planMembers(input: PlanInput): PlannedMember[] {
  const rng = mulberry32(input.seed)
  const int = (n: number) => Math.floor(rng() * n)
  const horizon = Math.round(input.years * 365)
  const first = addDaysTo(input.today, -horizon)
  const numbers = new Set<string>()
  let receipt = 0
  const members: PlannedMember[] = []
  for (let m = 0; m < input.members; m++) {
    let start = addDaysTo(first, int(horizon))
    let paidOn = start
    const fees: PlannedMember['fees'] = []
    // MEM-7: renewals stack on the running term, paid a few days before it ends, until the member stops.
    while (paidOn <= input.today) {
      let r = rng()
      const term = termWeights.find(([, w]) => (r -= w) < 0)?.[0] ?? 'month'
      const end = termEnd(start, term)
      const listed = input.tier.prices[term]
      fees.push({
        kind: 'fee',
        at: instantOf(paidOn, '10:00', input.timeZone) + int(8 * 3600) * 1000,
        tierId: input.tier.id,
        term,
        listed,
        credit: 0,
        amount: listed,
        start,
        end,
        method: methods[int(methods.length)]!,
        receiptNo: `BENCH-${String(++receipt).padStart(7, '0')}`,
        by: input.by,
      } as Omit<FeeEntry, 'memberId'>)
      if (rng() < 0.25) break
      start = addDaysTo(end, 1)
      paidOn = addDaysTo(end, -int(10))
    }
    let memberNo: string
    do memberNo = memberNumberFrom(Uint8Array.from({ length: 8 }, () => int(256)))
    while (numbers.has(memberNo))
    numbers.add(memberNo)
    members.push({ memberNo, createdAt: fees[0]!.at, fees })
  }
  return members
}

/** Check-ins on days a member's fees paid for, before today (today's desk starts empty). */
export function planCheckIns(input: PlanInput, members: PlannedMember[]): PlannedCheckIn[] {
  const rng = mulberry32((input.seed ^ 0x636b696e) >>> 0)
  const int = (n: number) => Math.floor(rng() * n)
  const yesterday = addDaysTo(input.today, -1)
  const out: PlannedCheckIn[] = []
  let guard = 0
  while (out.length < input.checkIns && guard++ < input.checkIns * 20) {
    const member = int(members.length)
    const fee = members[member]!.fees[int(members[member]!.fees.length)]!
    const last = fee.end < yesterday ? fee.end : yesterday
    const span = daysBetween(fee.start, last)
    if (span < 0) continue
    const day = addDaysTo(fee.start, int(span + 1))
    out.push({ member, at: instantOf(day, '09:00', input.timeZone) + int(12 * 3600) * 1000 })
  }
  return out
}

/** Up to `count` of the members with a fee covering `today` (an active membership: a scan admits them), spread over all. */
export function coveredOn(members: readonly PlannedMember[], today: LocalDate, count: number): PlannedMember[] {
  const covered = members.filter((m) => m.fees.some((f) => f.start <= today && today <= f.end))
  const step = Math.max(1, Math.floor(covered.length / count))
  return covered.filter((_, i) => i % step === 0).slice(0, count)
}
