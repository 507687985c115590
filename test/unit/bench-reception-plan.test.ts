import { describe, expect, it } from 'vitest'
import { addDaysTo, localPartsOf } from '@/core/shared/local-date'
import { planVisits, returningCategories, visitorKind } from '../../bench/browser/reception-plan'

const input = { seed: 11, visitors: 2_000, visits: 10_000, years: 3, hosts: 6, today: '2026-12-07', timeZone: 'Asia/Shanghai' }
const visits = planVisits(input)

describe("the reception bench's seed plan (issue 11: 100,000 past visits by 20,000 visitors, at a tenth here)", () => {
  it('the sizes asked for, the same on every run', () => {
    expect(visits).toHaveLength(input.visits)
    expect(planVisits(input)).toEqual(visits)
  })

  it('every visitor has come at least once, with their one kind, so a phone typed finds a last visit', () => {
    expect(new Set(visits.map((v) => v.visitor)).size).toBe(input.visitors)
    for (const v of visits.slice(0, 500)) expect(v.category).toBe(visitorKind(input.seed, v.visitor).category)
  })

  it('past working days over the years, in office hours; the later visits mostly by returning kinds', () => {
    const first = addDaysTo(input.today, -Math.round(input.years * 365) - 3)
    for (const v of visits) {
      const { date, weekday, minutes } = localPartsOf(v.at, input.timeZone)
      expect(date >= first && date < input.today).toBe(true)
      expect(weekday).toBeLessThan(6)
      expect(minutes >= 8 * 60 && minutes < 17 * 60).toBe(true)
    }
    const later = visits.slice(input.visitors)
    expect(later.filter((v) => returningCategories.includes(v.category)).length / later.length).toBeGreaterThan(0.9)
  })
})
