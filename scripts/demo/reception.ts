/**
 * A month of visitors at the reception desk (REC-1, REC-2, REC-6), generated from a seed: suppliers and parents
 * who come back, a few reporters and government visitors, job applicants at a first and some at a second
 * interview, an insurance salesman refused (twice), visits checked out by hand (a few left open yesterday, some
 * still in today), and pre-registrations: one that arrived, and some for today and tomorrow. Pure: the same seed
 * and today give the same month; reception-writes.ts registers it through the reception desk's actions.
 */
import { defaultCategoryIds as c } from '@/core/reception/defaults'
import { addDaysTo, instantOf, weekdayOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { generatePeople, mulberry32 } from './people'

/** A visitor: who the desk types in the first time (the phone finds them afterwards). */
export interface DemoVisitor {
  name: string
  phone: string
  organisation?: string
  category: string
}

/** One registration at the desk, at `at`; `checkOutAt` when the desk checks them out by hand (absent: still open). */
export interface PlannedVisit {
  visitor: number
  day: LocalDate
  at: number
  category: string
  purpose: string
  host: number
  interview?: 1 | 2
  refuseReason?: string
  checkOutAt?: number
}

/** A host says a visitor is coming (`madeAt`); `arrivesAt`: the desk checks them in with one tap. */
export interface PlannedExpected {
  visitor: number
  day: LocalDate
  madeAt: number
  category: string
  purpose: string
  host: number
  arrivesAt?: number
  checkOutAt?: number
}

/** REC-7: a visitor seen in the building without their badge, recorded by the desk against their host. */
export interface PlannedIncident {
  /** Index into `visits`. */
  visit: number
  at: number
  note: string
}

export interface ReceptionPlan {
  today: LocalDate
  visitors: DemoVisitor[]
  /** In the order registered. */
  visits: PlannedVisit[]
  expected: PlannedExpected[]
  incidents: PlannedIncident[]
}

export interface ReceptionPlanInput {
  seed: number
  today: LocalDate
  timeZone: string
  /** How many staff a visitor may see (hosts are named by index). */
  hosts: number
}

/** Days of visits, today included. */
export const receptionDays = 30

const suppliers = ['华信科技有限公司', '鸿运物流有限公司', '海天餐饮管理公司', '绿源农业合作社', '星河物业管理有限公司', '新华书店']
const media = ['南方日报', '市电视台']
const government = ['市教育局', '区人力资源和社会保障局']

/** Kinds of visitors: how many, how often they come in the month, why, from where. */
const cast: { category: string; count: number; times: [number, number]; purposes: string[]; organisations?: string[] }[] = [
  { category: c.supplier, count: 10, times: [2, 6], purposes: ['送货', '对账', '设备维修', '合同洽谈'], organisations: suppliers },
  { category: c.parent, count: 14, times: [1, 3], purposes: ['家长会谈', '缴费咨询', '接孩子'] },
  { category: c.media, count: 2, times: [1, 1], purposes: ['采访'], organisations: media },
  { category: c.governmentDepartment, count: 2, times: [1, 1], purposes: ['检查工作', '调研'], organisations: government },
  { category: c.jobApplicant, count: 6, times: [1, 1], purposes: ['应聘面试'] },
  { category: c.insuranceSales, count: 1, times: [2, 2], purposes: ['推销保险'], organisations: ['城东保险代理有限公司'] },
]

export function generateReception(input: ReceptionPlanInput): ReceptionPlan {
  const rng = mulberry32(input.seed * 31 + 11)
  const int = (n: number) => Math.floor(rng() * n)
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!
  const { today, timeZone } = input
  const yesterday = addDaysTo(today, -1)
  // Open Monday to Saturday (parents come on Saturdays too); today and yesterday always.
  const days = Array.from({ length: receptionDays }, (_, i) => addDaysTo(today, i - receptionDays + 1)).filter((d) => weekdayOf(d) !== 7 || d >= yesterday)
  const at = (day: LocalDate, from = 8 * 60 + 30, to = 17 * 60) => {
    const m = from + int(to - from)
    return instantOf(day, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, timeZone) + int(60) * 1000
  }
  const stay = (from: number) => from + (15 + int(105)) * 60_000

  // Names and phones from the demo's people generator, with a seed of their own (not the directory's people).
  const size = cast.reduce((n, k) => n + k.count, 0) + 4
  const people = generatePeople(input.seed + 7, size)
  const visitors: DemoVisitor[] = []
  const visits: PlannedVisit[] = []
  for (const kind of cast) {
    for (let i = 0; i < kind.count; i++) {
      const p = people[visitors.length]!
      const visitor = visitors.length
      visitors.push({ name: p.name, phone: p.phone!, ...(kind.organisations ? { organisation: pick(kind.organisations) } : {}), category: kind.category })
      const host = visitor % input.hosts
      const times = kind.times[0] + int(kind.times[1] - kind.times[0] + 1)
      // Past days only here: today's and yesterday's visits are placed below, so both always have some.
      const past = days.filter((d) => d < yesterday)
      const chosen = [...new Set(Array.from({ length: times }, () => pick(past)))].sort()
      for (const day of chosen) {
        const when = at(day)
        const refused = kind.category === c.insuranceSales
        visits.push({ visitor, day, at: when, category: kind.category, purpose: pick(kind.purposes), host, ...(refused ? { refuseReason: '推销保险，已婉拒' } : { checkOutAt: stay(when) }), ...(kind.category === c.jobApplicant ? { interview: 1 } : {}) })
      }
      // Half the applicants come back for a second interview a few days after the first.
      if (kind.category === c.jobApplicant && i % 2 === 0) {
        const first = chosen[0]!
        const second = days.find((d) => d > addDaysTo(first, 2 + int(4)) && d < yesterday)
        if (second) {
          const when = at(second)
          visits.push({ visitor, day: second, at: when, category: kind.category, purpose: '复试', host, interview: 2, checkOutAt: stay(when) })
        }
      }
    }
  }
  // Yesterday: three suppliers and a parent; two suppliers were never checked out (REC-6 flags them).
  const supplierAt = (n: number) => n
  const parentAt = (n: number) => cast[0]!.count + n
  for (const [visitor, open] of [[supplierAt(0), true], [supplierAt(1), true], [supplierAt(2), false], [parentAt(0), false]] as const) {
    const when = at(yesterday)
    visits.push({ visitor, day: yesterday, at: when, category: visitors[visitor]!.category, purpose: visitor < cast[0]!.count ? '送货' : '家长会谈', host: visitor % input.hosts, ...(open ? {} : { checkOutAt: stay(when) }) })
  }
  // Today, in the morning: a supplier and a parent still in the building, a parent already gone.
  for (const [visitor, open] of [[supplierAt(3), true], [parentAt(1), true], [parentAt(2), false]] as const) {
    const when = at(today, 8 * 60 + 30, 11 * 60)
    visits.push({ visitor, day: today, at: when, category: visitors[visitor]!.category, purpose: visitor < cast[0]!.count ? '送货' : '家长会谈', host: visitor % input.hosts, ...(open ? {} : { checkOutAt: stay(when) }) })
  }
  visits.sort((a, b) => a.at - b.at)

  // Pre-registrations by visitors of their own (new to the desk): one from the education authority a week ago,
  // checked in with one tap; today a VIP and an appointment; tomorrow a supplier who has been before and a VIP.
  const newcomer = (name: number, organisation: string, category: string) => {
    const p = people[size - 4 + name]!
    visitors.push({ name: p.name, phone: p.phone!, organisation, category })
    return visitors.length - 1
  }
  const expected: PlannedExpected[] = []
  const weekAgo = days.find((d) => d >= addDaysTo(today, -7))!
  const arrived = newcomer(0, '市教育局', c.educationAuthority)
  const arrivesAt = at(weekAgo, 9 * 60, 11 * 60)
  expected.push({ visitor: arrived, day: weekAgo, madeAt: at(addDaysTo(weekAgo, -2)), category: c.educationAuthority, purpose: '督导检查', host: 0, arrivesAt, checkOutAt: stay(arrivesAt) })
  expected.push({ visitor: newcomer(1, '蓝天教育咨询中心', c.bookedVip), day: today, madeAt: at(yesterday), category: c.bookedVip, purpose: '合作洽谈', host: 0 })
  expected.push({ visitor: newcomer(2, '明德律师事务所', c.appointment), day: today, madeAt: at(yesterday), category: c.appointment, purpose: '法律咨询', host: 1 % input.hosts })
  const tomorrow = addDaysTo(today, 1)
  expected.push({ visitor: supplierAt(4), day: tomorrow, madeAt: at(today, 8 * 60, 9 * 60), category: c.supplier, purpose: '送货', host: supplierAt(4) % input.hosts })
  expected.push({ visitor: newcomer(3, '市教育局', c.educationAuthority), day: tomorrow, madeAt: at(today, 8 * 60, 9 * 60), category: c.educationAuthority, purpose: '调研', host: 0 })
  return { today, visitors, visits, expected, incidents: badgeIncidents(visits) }
}

/**
 * REC-7: a few badge incidents in the month, on suppliers' visits (they get a badge): two against one host, so
 * their ladder shows the second step, and one against another host.
 */
function badgeIncidents(visits: PlannedVisit[]): PlannedIncident[] {
  const badged = visits.map((v, i) => ({ v, i })).filter(({ v }) => v.category === c.supplier && v.checkOutAt !== undefined)
  const firstHost = badged.find(({ v }) => badged.filter((b) => b.v.host === v.host).length >= 2)?.v.host
  const twice = badged.filter(({ v }) => v.host === firstHost).slice(0, 2)
  const once = badged.find(({ v }) => v.host !== firstHost)
  const notes = ['在走廊看到访客未佩戴访客证', '访客证放在口袋里，未佩戴', '访客在教学区未佩戴访客证']
  return [...twice, ...(once ? [once] : [])].map(({ v, i }, n) => ({ visit: i, at: v.at + 20 * 60_000, note: notes[n]! }))
}

/** What the month holds, for the demo's summary and its test. */
export function receptionCounts(plan: ReceptionPlan) {
  const yesterday = addDaysTo(plan.today, -1)
  const open = (day: LocalDate) => plan.visits.filter((v) => v.day === day && !v.checkOutAt && !v.refuseReason).length
  return {
    visitors: plan.visitors.length,
    visits: plan.visits.length + plan.expected.filter((e) => e.arrivesAt).length,
    refused: plan.visits.filter((v) => v.refuseReason).length,
    secondInterviews: plan.visits.filter((v) => v.interview === 2).length,
    checkOuts: plan.visits.filter((v) => v.checkOutAt).length + plan.expected.filter((e) => e.checkOutAt).length,
    expectedToday: plan.expected.filter((e) => e.day === plan.today && !e.arrivesAt).length,
    expectedTomorrow: plan.expected.filter((e) => e.day === addDaysTo(plan.today, 1)).length,
    openYesterday: open(yesterday),
    openToday: open(plan.today),
    incidents: plan.incidents.length,
  }
}
