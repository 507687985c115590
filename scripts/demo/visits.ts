/**
 * Demo visits (MEM-2, MEM-3): check-ins and check-outs of members on days their
 * paid term covers, inside their tier's opening hours, over the 60 days up to
 * the demo's today. A handful of today's visits are still open.
 */
import { windowsOn } from '@/core/membership/opening-hours'
import type { CheckIn, CheckOut, FeeEntry, LocalDate, MembershipSettings, Tier } from '@/core/membership/types'
import { addDaysTo, instantOf, localDateOf, minutesOf } from '@/core/shared/local-date'
import type { DemoActors } from './actors'

/** One visit of `member` (an index into the members): the check-in, and the check-out unless still in. */
export interface DemoVisit {
  member: number
  checkIn: Omit<CheckIn, 'memberId'>
  checkOut?: Omit<CheckOut, 'memberId' | 'checkInId'>
}

export interface VisitsInput {
  rng: () => number
  today: LocalDate
  settings: MembershipSettings
  actors: DemoActors
  visits: number
  /** Each member's fees, in the order paid. */
  fees: FeeEntry[][]
  tiers: Tier[]
  /** MEM-9: blacklisted members come no more from that instant's day on. */
  blacklistedFrom: Map<number, number>
}

/** How many days of visits, today included. */
export const visitDays = 60
/** VIPs have a desk here: each of their open days is this many times likelier to be a visit. */
const vipWeight = 6
/** At most this many of today's visits stay open. */
const openToday = 5

export function generateVisits(input: VisitsInput): DemoVisit[] {
  const { rng, today, settings, actors } = input
  const int = (n: number) => Math.floor(rng() * n)
  const topRank = Math.max(...settings.tiers.map((t) => t.rank))
  // Every (day, member) that could be a visit, with a seeded weighted key (Efraimidis–Spirakis): the largest keys are drawn.
  const candidates: { day: LocalDate; member: number; fee: FeeEntry; key: number }[] = []
  for (let d = visitDays - 1; d >= 0; d--) {
    const day = addDaysTo(today, -d)
    input.fees.forEach((fees, member) => {
      const fee = fees.findLast((f) => f.start <= day && day <= f.end)
      const banned = input.blacklistedFrom.get(member)
      if (!fee || (banned !== undefined && localDateOf(banned, settings.timeZone) <= day)) return
      if (windowsOn(settings, fee.tierId, day).length === 0) return
      const weight = input.tiers[member]!.rank === topRank && topRank > 1 ? vipWeight : 1
      candidates.push({ day, member, fee, key: rng() ** (1 / weight) })
    })
  }
  candidates.sort((a, b) => b.key - a.key)

  const visits: DemoVisit[] = []
  let open = 0
  for (const { day, member, fee } of candidates) {
    if (visits.length >= input.visits) break
    const windows = windowsOn(settings, fee.tierId, day)
    const w = windows[int(windows.length)]!
    const length = minutesOf(w.to) - minutesOf(w.from)
    // In at least 30 minutes before closing when the window allows; out before it closes (`to` is exclusive).
    const offset = int(Math.max(1, length - 30))
    const longest = length - offset - 1
    if (longest < 1) continue
    const stay = longest <= 15 ? longest : 15 + int(longest - 15)
    const at = instantOf(day, w.from, settings.timeZone) + offset * 60_000 + int(60) * 1000
    if (at <= fee.at) continue // a member pays first, then comes in
    const checkIn = { at, deviceId: actors.deviceId, by: actors.desk }
    if (day === today && open < openToday && rng() < 0.3) {
      open++
      visits.push({ member, checkIn })
    } else {
      visits.push({ member, checkIn, checkOut: { at: at + stay * 60_000, by: actors.desk } })
    }
  }
  return visits.sort((a, b) => a.checkIn.at - b.checkIn.at)
}
