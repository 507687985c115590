import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { buildingOpenAt } from './building-hours'
import type { OrganisationSettings } from './types'

const settings: Pick<OrganisationSettings, 'timeZone' | 'hours' | 'holidays'> = {
  timeZone: 'Asia/Shanghai',
  hours: { '1': { opens: '09:00', closes: '21:00' }, '6': { opens: '10:00', closes: '16:00' } },
  holidays: [{ date: '2027-10-04', name: '国庆节' }, { date: '2027-10-05' }],
}
// 2027-10-04 and 2027-10-11 are Mondays; 2027-10-09 a Saturday; 2027-10-10 a Sunday.
const at = (date: string, time: string, tz = settings.timeZone) => instantOf(date, time, tz)

describe('building opening hours', () => {
  it('is open from opening time up to, not including, closing time', () => {
    expect(buildingOpenAt(at('2027-10-11', '09:00'), settings)).toEqual({ open: true, closes: '21:00' })
    expect(buildingOpenAt(at('2027-10-11', '08:59'), settings)).toEqual({ open: false, reason: 'outside-hours' })
    expect(buildingOpenAt(at('2027-10-11', '21:00'), settings)).toEqual({ open: false, reason: 'outside-hours' })
    expect(buildingOpenAt(at('2027-10-09', '15:59'), settings)).toEqual({ open: true, closes: '16:00' })
  })

  it('is closed all day on a weekday without hours', () => {
    expect(buildingOpenAt(at('2027-10-10', '12:00'), settings)).toEqual({ open: false, reason: 'closed-today' })
  })

  it('lets a holiday close a normally open day, naming it when it has a name', () => {
    expect(buildingOpenAt(at('2027-10-04', '12:00'), settings)).toEqual({ open: false, reason: 'holiday', holiday: '国庆节' })
    expect(buildingOpenAt(at('2027-10-05', '12:00'), settings)).toEqual({ open: false, reason: 'holiday' })
  })

  it("reads the instant in the organisation's zone, not the device's", () => {
    // 02:00 UTC on Monday 11 October is 10:00 in Shanghai (open) and 04:00 in Berlin (before opening).
    const instant = Date.UTC(2027, 9, 11, 2, 0)
    expect(buildingOpenAt(instant, settings).open).toBe(true)
    expect(buildingOpenAt(instant, { ...settings, timeZone: 'Europe/Berlin' })).toEqual({ open: false, reason: 'outside-hours' })
  })
})
