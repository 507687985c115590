/**
 * Demo memberships (MEM-1 … MEM-10), generated from the seed and the ids of
 * people already registered: member records, fees and VIP deposits in the
 * ledger (renewals stacked on running terms, memberships left to lapse),
 * deposits given back when a VIP stint ends, VIP service hours, a blacklisted
 * member or two, a VIP waiting list when the cap is full, and visits. Pure:
 * no clock, no storage; `desk-writes.ts` writes the result through the app's
 * repositories. Records name their member by index into `members` (the
 * repository gives the ids when they are written).
 */
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { memberNumberFrom } from '@/core/membership/member-number'
import { membershipState, planFee } from '@/core/membership/membership-state'
import type { BlacklistEvent, FeeEntry, LedgerEntry, LocalDate, Member, MembershipSettings, PaymentMethod, ServiceLog, Term, Tier, WaitlistEntry } from '@/core/membership/types'
import { addDaysTo, daysBetween, instantOf, localDateOf } from '@/core/shared/local-date'
import { mulberry32 } from './people'
import type { DemoActors } from './actors'
import { generateVisits, type DemoVisit } from './visits'

/** The demo's "today" unless `--today` says otherwise: a Saturday, when both default tiers open. */
export const demoToday: LocalDate = '2026-11-21'


/** A record of one member, naming the member by index into `DemoMembership.members`. */
export type ForMember<T> = T extends unknown ? Omit<T, 'memberId'> & { member: number } : never

export interface DemoMembership {
  today: LocalDate
  members: Member[]
  /** In the order taken (`at`); a fee and the deposit taken with it share the receipt. */
  ledger: ForMember<LedgerEntry>[]
  serviceLogs: ForMember<ServiceLog>[]
  blacklist: ForMember<BlacklistEvent>[]
  waitlist: WaitlistEntry[]
  visits: DemoVisit[]
}

export interface MembershipInput {
  seed: number
  /** The registered people, in the order generated (their `createdAt`: nobody joins before being registered). */
  people: { id: string; createdAt: string }[]
  members: number
  visits: number
  today?: LocalDate
  /** The organisation's settings (what founding stored); the defaults when absent. */
  settings?: MembershipSettings
  actors: DemoActors
}

/** One member's history before the member gets its place in the list. */
interface Draft {
  person: number
  tier: Tier
  entries: LedgerEntry[]
}

const serviceNotes = ['新会员安全培训', '整理工具墙', '周末开放日值班', '维修 3D 打印机', '激光切割机保养', '带青少年工作坊']
const blacklistReasons = ['损坏共享台钻且拒绝赔偿', '多次在工位区违规使用明火，损坏合作方设备']
const keptReason = '储物柜钥匙遗失，扣换锁费'
const waitNotes = ['想要固定工位', '等 VIP 名额，电话联系']

/** The tiers the demo uses: the lowest rank as the ordinary one, the highest (capped) as VIP. */
export function demoTiers(settings: MembershipSettings): { ordinary: Tier; vip: Tier } {
  const byRank = [...settings.tiers].sort((a, b) => a.rank - b.rank)
  return { ordinary: byRank[0]!, vip: byRank.at(-1)! }
}

export function generateMembership(input: MembershipInput): DemoMembership {
  const today = input.today ?? demoToday
  const settings = input.settings ?? defaultMembershipSettings()
  const tz = settings.timeZone
  const { ordinary, vip } = demoTiers(settings)
  const { actors } = input
  // A stream of its own: the people of a seed stay the same whether or not members are made from them.
  const rng = mulberry32((input.seed ^ 0x6d656d62) >>> 0)
  const int = (n: number) => Math.floor(rng() * n)
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!
  const weighted = <T>(choices: [T, number][]) => {
    let r = rng()
    for (const [value, weight] of choices) if ((r -= weight) < 0) return value
    return choices.at(-1)![0]
  }
  const method = (): PaymentMethod => weighted([['transfer', 0.5], ['card', 0.3], ['cash', 0.2]])
  /** An instant on `date` between `from` and `to` o'clock, to the second. */
  const timeOn = (date: LocalDate, from = 9, to = 21) => instantOf(date, '00:00', tz) + (from * 3600 + int((to - from) * 3600)) * 1000

  const historyStart = addDaysTo(today, -660)
  const total = Math.min(input.members, input.people.length)
  // Members enrol from the day after they were registered.
  const joined = input.people.map((p) => addDaysTo(localDateOf(Date.parse(p.createdAt), tz), 1))
  // People in a seeded order: members are taken from the front.
  const pool = input.people.map((_, i) => i)
  for (let i = pool.length - 1; i > 0; i--) {
    const j = int(i + 1)
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  const used = new Set<number>()
  const takePerson = (on: LocalDate) => {
    const person = pool.find((p) => !used.has(p) && joined[p]! <= on)
    if (person !== undefined) used.add(person)
    return person
  }

  /** MEM-7: a member's fees from `enrol`, renewed early (stacked on the running term) or late, until they stop. */
  function history(tier: Tier, enrol: LocalDate, renew: number, terms: [Term, number][]): LedgerEntry[] {
    const entries: LedgerEntry[] = []
    let paidOn = enrol
    for (;;) {
      const term = weighted(terms)
      const plan = planFee({ entries, memberId: '', tier, term, today: paidOn, settings })
      const payment = { memberId: '', at: timeOn(paidOn), method: method(), receiptNo: '', by: actors.desk }
      entries.push({ ...payment, kind: 'fee', tierId: tier.id, term, ...plan })
      if (entries.length === 1 && tier.deposit > 0) entries.push({ ...payment, kind: 'deposit', tierId: tier.id, amount: tier.deposit })
      if (rng() >= renew) return entries
      const next = rng() < 0.65 ? addDaysTo(plan.end, -int(10)) : addDaysTo(plan.end, 1 + int(30))
      if (next > today) return entries
      paidOn = next
    }
  }

  const drafts: Draft[] = []
  // MEM-4: VIP places are slots, each held by one member at a time (from the first payment to the end of the
  // last term paid), and a slot's next VIP enrols only after the last one's terms ran out: never more than the cap.
  const vipMembers = Math.max(1, Math.floor(total / 5))
  let vips = 0
  for (let slot = 0; slot < (vip.cap ?? 4) && vip !== ordinary; slot++) {
    let enrol = addDaysTo(historyStart, int(120))
    while (enrol <= today && vips < vipMembers && drafts.length < total) {
      const person = takePerson(enrol)
      if (person === undefined) break
      const entries = history(vip, enrol, 0.6, [['month', 0.4], ['halfYear', 0.35], ['year', 0.25]])
      const end = (entries.findLast((e) => e.kind === 'fee') as FeeEntry).end
      let free = end
      if (end < today) {
        // MEM-6: the deposit goes back when the stint ends; once, something was kept.
        const returnedOn = addDaysTo(end, 1 + int(5))
        if (returnedOn <= today) {
          const kept = vips === 1 ? 200_00 : 0
          entries.push({ kind: 'deposit-return', memberId: '', at: timeOn(returnedOn), refunded: vip.deposit - kept, kept, reason: kept ? keptReason : '', method: method(), receiptNo: '', by: actors.desk })
          free = returnedOn
        }
      }
      drafts.push({ person, tier: vip, entries })
      vips++
      enrol = addDaysTo(free, 1 + int(30))
    }
  }
  while (drafts.length < total) {
    const person = takePerson(today)
    if (person === undefined) break // nobody left who was registered by today
    const from = joined[person]! > historyStart ? joined[person]! : historyStart
    const span = Math.max(0, daysBetween(from, today))
    // Skewed toward recent enrolments, so that many members are still active today.
    const enrol = addDaysTo(from, Math.floor(span * Math.sqrt(rng())))
    drafts.push({ person, tier: ordinary, entries: history(ordinary, enrol, 0.55, [['month', 0.5], ['halfYear', 0.3], ['year', 0.2]]) })
  }

  // Members in the order they joined, numbered from the PRNG (MEM-8 numbers are random, never sequential).
  drafts.sort((a, b) => a.entries[0]!.at - b.entries[0]!.at)
  const numbers = new Set<string>()
  const members = drafts.map((d): Member => {
    let memberNo: string
    do memberNo = memberNumberFrom(Uint8Array.from({ length: 8 }, () => int(256)))
    while (numbers.has(memberNo))
    numbers.add(memberNo)
    return { personId: input.people[d.person]!.id, memberNo, cardSerial: 1, createdAt: d.entries[0]!.at }
  })
  const ledger = numberReceipts(drafts.flatMap((d, member) => d.entries.map((e) => forMember(e, member))).sort((a, b) => a.at - b.at), tz)

  const fees = (member: number) => drafts[member]!.entries.filter((e): e is FeeEntry => e.kind === 'fee')

  // MEM-9: one or two ordinary members blacklisted during their last term, which they never renewed.
  const blacklist: ForMember<BlacklistEvent>[] = []
  const candidates = drafts.flatMap((d, member) => {
    const last = fees(member).at(-1)!
    const lastPaid = localDateOf(last.at, tz)
    return d.tier === ordinary && last.end >= addDaysTo(today, -40) && lastPaid < addDaysTo(today, -10) ? [member] : []
  })
  for (let i = 0; i < Math.min(total >= 10 ? 2 : 1, candidates.length); i++) {
    const member = candidates.splice(int(candidates.length), 1)[0]!
    const last = fees(member).at(-1)!
    const earliest = [addDaysTo(localDateOf(last.at, tz), 1), addDaysTo(today, -45)].sort().at(-1)!
    const latest = [last.end, addDaysTo(today, -1)].sort()[0]!
    const on = addDaysTo(earliest, int(Math.max(1, daysBetween(earliest, latest) + 1)))
    blacklist.push({ member, action: 'add', reason: blacklistReasons[i]!, at: timeOn(on, 10, 18), by: actors.manager })
  }

  // MEM-5: the VIPs' service hours of the last three months, some months short of what is owed.
  const serviceLogs: ForMember<ServiceLog>[] = []
  drafts.forEach((d, member) => {
    if (d.tier !== vip) return
    for (let day = addDaysTo(today, -89); day <= today; day = addDaysTo(day, 1 + int(9))) {
      if (!fees(member).some((f) => f.start <= day && day <= f.end) || rng() < 0.45) continue
      serviceLogs.push({ member, date: day, hours: pick([1, 1.5, 2, 2, 3, 4]), note: pick(serviceNotes), by: actors.desk })
    }
  })

  // MEM-4: when the VIP places are all taken today, people wait for one, in order.
  const waitlist: WaitlistEntry[] = []
  const states = drafts.map((d) => membershipState(d.entries, '', today, settings))
  const vipHeld = states.filter((s) => s.tierId === vip.id && (s.status === 'active' || s.status === 'not-started')).length
  if (vip !== ordinary && vip.cap !== undefined && vipHeld >= vip.cap) {
    for (const [i, note] of waitNotes.entries()) {
      // People who are not members yet.
      const person = takePerson(today)
      if (person !== undefined) waitlist.push({ personId: input.people[person]!.id, tierId: vip.id, at: timeOn(addDaysTo(today, -20 + i * 9)), note })
    }
  }

  const blacklistedFrom = new Map(blacklist.map((b) => [b.member, b.at]))
  const visits = generateVisits({ rng, today, settings, actors, visits: input.visits, fees: drafts.map((_, m) => fees(m)), tiers: drafts.map((d) => d.tier), blacklistedFrom })
  return { today, members, ledger, serviceLogs, blacklist, waitlist, visits }
}

function forMember(entry: LedgerEntry, member: number): ForMember<LedgerEntry> {
  const { memberId: _memberId, ...rest } = entry
  return { ...rest, member } as ForMember<LedgerEntry>
}

/** Receipt numbers of the desk's receipt book, per year in the order taken: `HY2026-00042`. A fee and its deposit share one. */
function numberReceipts(ledger: ForMember<LedgerEntry>[], tz: string): ForMember<LedgerEntry>[] {
  const perYear = new Map<string, number>()
  let last = ''
  let receipt = ''
  return ledger.map((e) => {
    const key = `${e.member}|${e.at}`
    if (key !== last) {
      const year = localDateOf(e.at, tz).slice(0, 4)
      const n = (perYear.get(year) ?? 0) + 1
      perYear.set(year, n)
      receipt = `HY${year}-${String(n).padStart(5, '0')}`
      last = key
    }
    return { ...e, receiptNo: receipt }
  })
}

export interface MembershipCounts {
  members: number
  active: number
  expired: number
  vipActive: number
  fees: number
  /** Fees after a member's first: renewals, of which `stacked` were paid before the running term ended. */
  renewals: number
  stacked: number
  deposits: number
  depositReturns: number
  serviceLogs: number
  blacklisted: number
  waitlist: number
  visits: number
  openVisits: number
}

/** What the summary prints: the state of every member on the demo's today, and how many records of each kind. */
export function membershipCounts(plan: DemoMembership, settings: MembershipSettings = defaultMembershipSettings()): MembershipCounts {
  const { vip } = demoTiers(settings)
  const byMember = plan.members.map((): LedgerEntry[] => [])
  for (const e of plan.ledger) byMember[e.member]!.push({ ...e, memberId: '' } as LedgerEntry)
  const states = byMember.map((entries) => membershipState(entries, '', plan.today, settings))
  const fees = plan.ledger.filter((e) => e.kind === 'fee')
  return {
    members: plan.members.length,
    active: states.filter((s) => s.status === 'active').length,
    expired: states.filter((s) => s.status === 'expired').length,
    vipActive: states.filter((s) => s.status === 'active' && s.tierId === vip.id).length,
    fees: fees.length,
    renewals: fees.length - plan.members.length,
    stacked: fees.filter((f) => localDateOf(f.at, settings.timeZone) < f.start).length,
    deposits: plan.ledger.filter((e) => e.kind === 'deposit').length,
    depositReturns: plan.ledger.filter((e) => e.kind === 'deposit-return').length,
    serviceLogs: plan.serviceLogs.length,
    blacklisted: new Set(plan.blacklist.map((b) => b.member)).size,
    waitlist: plan.waitlist.length,
    visits: plan.visits.length,
    openVisits: plan.visits.filter((v) => !v.checkOut).length,
  }
}
