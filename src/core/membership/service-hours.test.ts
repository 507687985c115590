import { describe, expect, it } from 'vitest'
import { serviceShortfall, validServiceHours } from './service-hours'
import type { ServiceLog } from './types'

const log = (date: string, hours: number, memberId = 'm1'): ServiceLog => ({ memberId, date, hours, note: '', by: 'staff-1' })

describe('MEM-5 service contribution', () => {
  it('MEM-5: nothing logged, the whole 8 hours are owed', () => {
    expect(serviceShortfall([], 'm1', '2027-03', 8)).toEqual({ logged: 0, owed: 8, shortfall: 8 })
  })
  it('MEM-5: partly logged, the rest is the shortfall', () => {
    expect(serviceShortfall([log('2027-03-02', 2.5), log('2027-03-20', 3)], 'm1', '2027-03', 8)).toEqual({ logged: 5.5, owed: 8, shortfall: 2.5 })
  })
  it('MEM-5: more than owed leaves no shortfall', () => {
    expect(serviceShortfall([log('2027-03-02', 6), log('2027-03-31', 4)], 'm1', '2027-03', 8)).toEqual({ logged: 10, owed: 8, shortfall: 0 })
  })
  it('MEM-5: counts only that member and that month', () => {
    const logs = [log('2027-02-28', 8), log('2027-04-01', 8), log('2027-03-15', 8, 'm2'), log('2027-03-01', 1)]
    expect(serviceShortfall(logs, 'm1', '2027-03', 8)).toEqual({ logged: 1, owed: 8, shortfall: 7 })
  })
  it('MEM-5: fractions add up without float noise', () => {
    expect(serviceShortfall([log('2027-03-01', 0.1), log('2027-03-02', 0.2)], 'm1', '2027-03', 8)).toEqual({ logged: 0.3, owed: 8, shortfall: 7.7 })
  })
  it('MEM-5: a tier owing nothing never falls short', () => {
    expect(serviceShortfall([], 'm1', '2027-03', 0)).toEqual({ logged: 0, owed: 0, shortfall: 0 })
  })
})

describe('MEM-5 hours as logged', () => {
  it('MEM-5: takes quarter hours up to a day, refuses nothing, negatives, more than a day and odd fractions', () => {
    for (const ok of [0.25, 1, 1.5, 8, 24]) expect(validServiceHours(ok), String(ok)).toBe(true)
    for (const bad of [0, -1, 24.25, 1.1, Number.NaN, Number.POSITIVE_INFINITY]) expect(validServiceHours(bad), String(bad)).toBe(false)
  })
})
