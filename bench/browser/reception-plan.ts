/**
 * What the reception bench's seed writes (issue 11 "Done means": 100,000 past visits on the device), generated
 * from a seed: visitors, each of one kind (a supplier comes back all year, an applicant once or twice), and
 * their visits on working days over `years`, in office hours. Pure (no clock, no storage): the same sizes give
 * the same visits on every run. Visits name their visitor and host by index; the seed page turns them into ids.
 */
import { defaultCategoryIds as c } from '@/core/reception/defaults'
import { addDaysTo, instantOf, weekdayOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { mulberry32 } from '../../scripts/demo/people'

export interface VisitPlanInput {
  seed: number
  visitors: number
  visits: number
  years: number
  hosts: number
  today: LocalDate
  timeZone: string
}

export interface PlannedVisit {
  visitor: number
  host: number
  category: string
  purpose: string
  at: number
}

/** Visitor kinds, by share of the visitors: most come back (suppliers, parents); a few are refused. */
const kinds: [category: string, share: number, purpose: string][] = [
  [c.supplier, 0.4, '送货'],
  [c.parent, 0.35, '家长会谈'],
  [c.appointment, 0.1, '预约拜访'],
  [c.temporary, 0.05, '临时来访'],
  [c.jobApplicant, 0.05, '面试'],
  [c.media, 0.02, '采访'],
  [c.governmentDepartment, 0.02, '检查工作'],
  [c.insuranceSales, 0.01, '推销保险'],
]

/** The category every visit of `visitor` has (the same for the same seed). */
export function visitorKind(seed: number, visitor: number): { category: string; purpose: string } {
  let r = mulberry32(seed * 100_003 + visitor)()
  const [category, , purpose] = kinds.find(([, share]) => (r -= share) < 0) ?? kinds[0]!
  return { category, purpose }
}

/** Returning kinds: their phones are what the timed registrations type (their last visit fills the form). */
export const returningCategories: readonly string[] = [c.supplier, c.parent]

export function planVisits(input: VisitPlanInput): PlannedVisit[] {
  const rng = mulberry32(input.seed)
  const int = (n: number) => Math.floor(rng() * n)
  const horizon = Math.round(input.years * 365)
  const visits: PlannedVisit[] = []
  for (let i = 0; i < input.visits; i++) {
    // Every visitor comes at least once; after that, returning kinds come back (applicants at most twice).
    let visitor = i < input.visitors ? i : int(input.visitors)
    let kind = visitorKind(input.seed, visitor)
    while (i >= input.visitors && !returningCategories.includes(kind.category) && rng() < 0.9) kind = visitorKind(input.seed, (visitor = int(input.visitors)))
    let day = addDaysTo(input.today, -1 - int(horizon))
    // Working days only (Monday to Friday).
    while (weekdayOf(day) > 5) day = addDaysTo(day, -1)
    const minutes = 8 * 60 + int(9 * 60)
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    visits.push({ visitor, host: visitor % input.hosts, category: kind.category, purpose: kind.purpose, at: instantOf(day, time, input.timeZone) + int(60) * 1000 })
  }
  return visits
}
