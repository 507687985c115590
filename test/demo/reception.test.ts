// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { defaultCategoryIds as c } from '@/core/reception/defaults'
import { addDaysTo } from '@/core/shared/local-date'
import { demoToday } from '../../scripts/demo/members'
import { generateReception, receptionCounts, receptionDays } from '../../scripts/demo/reception'

const input = { seed: 2026, today: demoToday, timeZone: 'Asia/Shanghai', hosts: 6 }
const plan = generateReception(input)
const yesterday = addDaysTo(demoToday, -1)

describe('demo reception: a month of visitors (REC-1, REC-2, REC-6)', () => {
  it('is the same for the same seed, another for another seed', () => {
    expect(generateReception(input)).toEqual(plan)
    expect(generateReception({ ...input, seed: 7 }).visitors.map((v) => v.phone)).not.toEqual(plan.visitors.map((v) => v.phone))
  })

  it('REC-1: suppliers and parents come back; reporters and government visitors come; visits fall in the month up to today, in order', () => {
    const times = (category: string) => plan.visitors.flatMap((v, i) => (v.category === category ? [plan.visits.filter((x) => x.visitor === i).length] : []))
    expect(Math.max(...times(c.supplier))).toBeGreaterThan(2)
    expect(Math.max(...times(c.parent))).toBeGreaterThan(1)
    expect(times(c.media).length).toBeGreaterThan(0)
    expect(times(c.governmentDepartment).length).toBeGreaterThan(0)
    const first = addDaysTo(demoToday, 1 - receptionDays)
    for (const v of plan.visits) expect(v.day >= first && v.day <= demoToday).toBe(true)
    expect(plan.visits.map((v) => v.at)).toEqual([...plan.visits.map((v) => v.at)].sort((a, b) => a - b))
    expect(new Set(plan.visitors.map((v) => v.phone)).size).toBe(plan.visitors.length)
  })

  it('REC-2: applicants at a first interview, some back for a second one later; the insurance salesman refused with a reason', () => {
    const applicants = plan.visits.filter((v) => v.category === c.jobApplicant)
    expect(applicants.filter((v) => v.interview === 1).length).toBeGreaterThan(0)
    const seconds = applicants.filter((v) => v.interview === 2)
    expect(seconds.length).toBeGreaterThan(0)
    for (const s of seconds) expect(applicants.find((v) => v.visitor === s.visitor && v.interview === 1)!.at).toBeLessThan(s.at)
    const refused = plan.visits.filter((v) => v.refuseReason)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((v) => v.category === c.insuranceSales && !v.checkOutAt)).toBe(true)
  })

  it('REC-6: visits are checked out after they began; a few left open yesterday, some still in today', () => {
    for (const v of plan.visits) if (v.checkOutAt) expect(v.checkOutAt).toBeGreaterThan(v.at)
    const open = plan.visits.filter((v) => !v.checkOutAt && !v.refuseReason)
    expect(open.every((v) => v.day === yesterday || v.day === demoToday)).toBe(true)
    const counts = receptionCounts(plan)
    expect(counts.openYesterday).toBe(2)
    expect(counts.openToday).toBe(2)
  })

  it('REC-1: pre-registrations for today and tomorrow, and an earlier one checked in with a tap', () => {
    const counts = receptionCounts(plan)
    expect(counts.expectedToday).toBe(2)
    expect(counts.expectedTomorrow).toBe(2)
    const arrived = plan.expected.filter((e) => e.arrivesAt)
    expect(arrived).toHaveLength(1)
    expect(arrived[0]!.day < demoToday).toBe(true)
    for (const e of plan.expected) expect(e.madeAt).toBeLessThan(e.arrivesAt ?? Infinity)
  })

  it('REC-7: a few badge incidents on suppliers’ visits, two against one host (their second step), one against another', () => {
    expect(plan.incidents).toHaveLength(3)
    const visits = plan.incidents.map((i) => plan.visits[i.visit]!)
    for (const [n, v] of visits.entries()) {
      expect(v.category).toBe(c.supplier)
      expect(plan.incidents[n]!.at).toBeGreaterThan(v.at)
      expect(plan.incidents[n]!.note).not.toBe('')
    }
    expect(visits[0]!.host).toBe(visits[1]!.host)
    expect(visits[2]!.host).not.toBe(visits[0]!.host)
    expect(receptionCounts(plan).incidents).toBe(3)
  })
})
