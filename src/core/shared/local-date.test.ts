import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDaysTo, daysBetween, instantOf, isLocalDate, isLocalTime, localDateOf, localPartsOf, minutesOf, weekdayOf } from './local-date'

const shanghai = 'Asia/Shanghai'

describe('local dates in Asia/Shanghai', () => {
  it('reads an instant as the Shanghai date, 8 hours ahead of UTC', () => {
    // 2027-03-31 16:00 UTC is already 1 April in Shanghai.
    expect(localDateOf(Date.UTC(2027, 2, 31, 15, 59), shanghai)).toBe('2027-03-31')
    expect(localDateOf(Date.UTC(2027, 2, 31, 16, 0), shanghai)).toBe('2027-04-01')
  })

  it('gives the time, minutes since midnight and ISO weekday', () => {
    // Monday 2027-01-04 19:00 in Shanghai.
    expect(localPartsOf(Date.UTC(2027, 0, 4, 11, 0, 59), shanghai)).toEqual({ date: '2027-01-04', time: '19:00', minutes: 1140, weekday: 1 })
    expect(localPartsOf(Date.UTC(2027, 0, 10, 9, 30), shanghai).weekday).toBe(7)
  })

  it('turns a local date and time into the instant', () => {
    expect(instantOf('2027-01-04', '19:00', shanghai)).toBe(Date.UTC(2027, 0, 4, 11, 0))
    expect(instantOf('2027-01-01', '00:00', shanghai)).toBe(Date.UTC(2026, 11, 31, 16, 0))
  })

  it('round-trips any minute of any date through an instant and back', () => {
    const minute = fc.integer({ min: 0, max: 1439 })
    const date = fc.integer({ min: 0, max: 40_000 }).map((n) => addDaysTo('2000-01-01', n))
    fc.assert(
      fc.property(date, minute, (d, m) => {
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
        const parts = localPartsOf(instantOf(d, time, shanghai), shanghai)
        return parts.date === d && parts.time === time && parts.minutes === m && parts.weekday === weekdayOf(d)
      }),
    )
  })

  it('keeps dates whole across a daylight-saving change elsewhere', () => {
    // New York springs forward on 2027-03-14: that day has 23 hours, but dates still step by one.
    expect(addDaysTo('2027-03-13', 1)).toBe('2027-03-14')
    expect(localDateOf(instantOf('2027-03-14', '12:00', 'America/New_York'), 'America/New_York')).toBe('2027-03-14')
  })
})

describe('calendar arithmetic', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addDaysTo('2027-12-31', 1)).toBe('2028-01-01')
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDaysTo('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDaysTo('2027-03-01', -1)).toBe('2027-02-28')
  })

  it('counts days to − from', () => {
    expect(daysBetween('2027-01-01', '2027-01-01')).toBe(0)
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365)
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
    expect(daysBetween('2027-01-10', '2027-01-03')).toBe(-7)
  })

  it('undoes addDaysTo with daysBetween', () => {
    fc.assert(fc.property(fc.integer({ min: -5000, max: 5000 }), (n) => daysBetween('2027-06-15', addDaysTo('2027-06-15', n)) === n))
  })

  it('knows the ISO weekday of a date', () => {
    expect(weekdayOf('2027-01-04')).toBe(1)
    expect(weekdayOf('2027-01-08')).toBe(5)
    expect(weekdayOf('2027-01-10')).toBe(7)
  })

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isLocalDate('2028-02-29')).toBe(true)
    expect(isLocalDate('2027-02-29')).toBe(false)
    expect(isLocalDate('2027-13-01')).toBe(false)
    expect(isLocalDate('2027-1-01')).toBe(false)
    expect(isLocalDate('')).toBe(false)
    expect(() => addDaysTo('2027-02-30', 1)).toThrow(RangeError)
  })

  it('accepts only times 00:00 … 23:59', () => {
    expect(isLocalTime('00:00')).toBe(true)
    expect(isLocalTime('23:59')).toBe(true)
    expect(isLocalTime('24:00')).toBe(false)
    expect(isLocalTime('9:00')).toBe(false)
    expect(minutesOf('21:30')).toBe(1290)
  })
})

describe('zones with daylight saving (the organisation may not be in Shanghai)', () => {
  it('a repeated wall time resolves to its first occurrence, a skipped one to after the gap', () => {
    // Europe/Berlin: 2026-10-25 03:00 CEST → 02:00 CET; 2026-03-29 02:00 CET → 03:00 CEST.
    expect(new Date(instantOf('2026-10-25', '02:30', 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(new Date(instantOf('2026-03-29', '02:30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(localPartsOf(instantOf('2026-07-01', '19:00', 'Europe/Berlin'), 'Europe/Berlin')).toMatchObject({ date: '2026-07-01', time: '19:00', weekday: 3 })
  })
})
