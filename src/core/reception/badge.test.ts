import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { badgeExpiry, badgeFor } from './badge'
import { defaultPlaceIds, defaultReceptionSettings, noPlace } from './defaults'
import { days, org } from './test-fixtures'
import type { ReceptionChoice } from './types'

const settings = defaultReceptionSettings()
const tz = org.timeZone
const at = (day: string, time: string) => instantOf(day, time, tz)
const choice = (change: Partial<ReceptionChoice>): ReceptionChoice => ({
  level: 'normal',
  place: defaultPlaceIds.receptionArea,
  hospitality: 'water',
  receivedBy: 'host-or-colleague',
  ...change,
})

describe('REC-4 who gets a badge', () => {
  it('REC-4: a normal-level visitor gets one', () => {
    expect(badgeFor(choice({}), settings, false)).toEqual({ issued: true })
  })

  it('REC-4: a low-level visitor gets one', () => {
    expect(badgeFor(choice({ level: 'low', receivedBy: 'host' }), settings, false)).toEqual({ issued: true })
  })

  it('REC-4: a high-level visitor gets none, because of the level', () => {
    expect(badgeFor(choice({ level: 'high', place: defaultPlaceIds.meetingRoom }), settings, false)).toEqual({ issued: false, why: 'high-level' })
  })

  it('REC-4: a job applicant gets none', () => {
    expect(badgeFor(choice({ level: 'applicant', receivedBy: 'hr' }), settings, false)).toEqual({ issued: false, why: 'applicant' })
  })

  it('REC-4: a refused visitor gets none: they are not let in', () => {
    expect(badgeFor(choice({ level: 'refuse', place: noPlace, hospitality: 'none', receivedBy: 'front-desk' }), settings, true)).toEqual({ issued: false, why: 'refused' })
  })

  it('REC-4, REC-5: a badge for the academic area waits for the principal’s approval', () => {
    const academic = choice({ place: defaultPlaceIds.academicArea })
    expect(badgeFor(academic, settings, false)).toEqual({ issued: false, why: 'needs-approval' })
    expect(badgeFor(academic, settings, true)).toEqual({ issued: true })
  })

  it('REC-4: a high-level visitor taken to the academic area still gets no badge, for their level', () => {
    expect(badgeFor(choice({ level: 'high', place: defaultPlaceIds.academicArea }), settings, false)).toEqual({ issued: false, why: 'high-level' })
  })
})

describe('REC-4 a badge expires when the building closes', () => {
  it('REC-4: on a weekday, at that day’s closing time', () => {
    expect(badgeExpiry(at(days.wednesday, '10:15'), org)).toBe(at(days.wednesday, '18:00'))
  })

  it('REC-4: on a Saturday, at Saturday’s closing time', () => {
    expect(badgeExpiry(at(days.saturday, '15:59'), org)).toBe(at(days.saturday, '16:00'))
  })

  it('REC-4: on a day the building is closed, at the end of the local day', () => {
    expect(badgeExpiry(at(days.sunday, '11:00'), org)).toBe(at('2027-10-04', '00:00'))
  })

  it('REC-4: on a holiday, at the end of the local day, whatever its weekday’s hours', () => {
    expect(badgeExpiry(at(days.holiday, '11:00'), org)).toBe(at(days.saturday, '00:00'))
  })

  it('REC-4: a visitor let in after closing gets a badge good until the end of the day, not one already expired', () => {
    expect(badgeExpiry(at(days.wednesday, '18:00'), org)).toBe(at('2027-09-30', '00:00'))
    expect(badgeExpiry(at(days.wednesday, '17:59'), org)).toBe(at(days.wednesday, '18:00'))
  })

  it('REC-4: the day is the organisation’s, not UTC’s (01:00 in Shanghai is the evening before in UTC)', () => {
    expect(badgeExpiry(at(days.wednesday, '01:00'), org)).toBe(at(days.wednesday, '18:00'))
  })
})
