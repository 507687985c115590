import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { defaultPlaceIds, noPlace } from './defaults'
import { autoCloseNote, closeForgottenVisits, inBuilding, openVisitsAtClosing, type StoredVisit } from './closing'
import { days, org } from './test-fixtures'
import type { Visit, VisitCheckOut } from './types'

const tz = org.timeZone
const at = (day: string, time: string) => instantOf(day, time, tz)
const minute = 60_000

function visit(id: string, day: string, time: string, change: Partial<Visit> = {}): StoredVisit {
  const record: Visit = {
    personId: `p-${id}`,
    name: `Visitor ${id}`,
    category: 'supplier',
    purpose: 'delivery',
    hostId: 'host-1',
    reception: { level: 'normal', place: defaultPlaceIds.receptionArea, hospitality: 'water', receivedBy: 'host-or-colleague' },
    badge: { issued: true, serial: `B-${id}`, expiresAt: at(day, '18:00') },
    at: at(day, time),
    day,
    deviceId: 'tablet-1',
    by: 'desk-1',
    ...change,
  }
  return { id, record }
}
const refused = (id: string, day: string, time: string) =>
  visit(id, day, time, {
    category: 'insurance-sales',
    reception: { level: 'refuse', place: noPlace, hospitality: 'none', receivedBy: 'front-desk' },
    refused: { reason: 'insurance sales' },
    badge: { issued: false, why: 'refused' },
  })
function checkOut(visitId: string, day: string, time: string): VisitCheckOut {
  return { visitId, at: at(day, time), day, how: 'hand', deviceId: 'tablet-1', by: 'desk-1' }
}

describe('REC-6 visits still open at closing time are flagged', () => {
  const wednesday = [visit('a', days.wednesday, '10:00'), visit('b', days.wednesday, '11:00'), refused('r', days.wednesday, '12:00')]
  const checkOuts = [checkOut('b', days.wednesday, '12:00')]
  const closes = at(days.wednesday, '18:00')

  it('REC-6: one minute before closing nothing is flagged yet, and the desk knows when it closes', () => {
    expect(openVisitsAtClosing(wednesday, checkOuts, closes - minute, org)).toEqual({ flagged: [], closesAt: closes })
  })

  it('REC-6: at closing time the open visit is flagged (not the one checked out, not the refused one)', () => {
    expect(openVisitsAtClosing(wednesday, checkOuts, closes, org)).toEqual({ flagged: ['a'], closesAt: closes })
  })

  it('REC-6: one minute after closing it is still flagged', () => {
    expect(openVisitsAtClosing(wednesday, checkOuts, closes + minute, org)).toEqual({ flagged: ['a'], closesAt: closes })
  })

  it('REC-6: Saturday closes at 16:00, one minute either side', () => {
    const saturday = [visit('s', days.saturday, '10:30')]
    const sat = at(days.saturday, '16:00')
    expect(openVisitsAtClosing(saturday, [], sat - minute, org).flagged).toEqual([])
    expect(openVisitsAtClosing(saturday, [], sat + minute, org)).toEqual({ flagged: ['s'], closesAt: sat })
  })

  it('REC-6: yesterday’s forgotten visits are not flagged as today’s (they are closed automatically instead)', () => {
    const thursday = '2027-09-30'
    expect(openVisitsAtClosing(wednesday, checkOuts, at(thursday, '18:30'), org)).toEqual({ flagged: [], closesAt: at(thursday, '18:00') })
  })

  it('REC-6: on a holiday there is no closing time to flag at', () => {
    expect(openVisitsAtClosing([visit('h', days.holiday, '10:00')], [], at(days.holiday, '23:59'), org)).toEqual({ flagged: [] })
  })

  it('REC-6: on a day the building is closed there is no closing time to flag at', () => {
    expect(openVisitsAtClosing([visit('s', days.sunday, '10:00')], [], at(days.sunday, '23:59'), org)).toEqual({ flagged: [] })
  })
})

describe('REC-6 visits forgotten overnight are closed automatically, with a note', () => {
  const thursdayMorning = at('2027-09-30', '08:30')

  it('REC-6: the next morning an open visit is closed at its day’s closing time, with a note, never silently', () => {
    const closed = closeForgottenVisits([visit('a', days.wednesday, '10:00')], [], thursdayMorning, org, 'desk-1', 'tablet-1')
    expect(closed).toEqual([{ visitId: 'a', at: at(days.wednesday, '18:00'), day: days.wednesday, how: 'closing', note: autoCloseNote, deviceId: 'tablet-1', by: 'desk-1' }])
    expect(autoCloseNote).toMatch(/automatically/)
    expect(autoCloseNote).toMatch(/自动/)
  })

  it('REC-6: a visit is closed once: run again with its check-out, nothing more is written', () => {
    const visits = [visit('a', days.wednesday, '10:00')]
    const first = closeForgottenVisits(visits, [], thursdayMorning, org, 'desk-1', 'tablet-1')
    expect(first).toHaveLength(1)
    expect(closeForgottenVisits(visits, first, thursdayMorning + 60 * minute, org, 'desk-1', 'tablet-1')).toEqual([])
  })

  it('REC-6: a visit listed twice is still closed once', () => {
    const a = visit('a', days.wednesday, '10:00')
    expect(closeForgottenVisits([a, a], [], thursdayMorning, org, 'desk-1', 'tablet-1')).toHaveLength(1)
  })

  it('REC-6: visits checked out, refused visits and today’s visits are left alone', () => {
    const visits = [visit('out', days.wednesday, '09:30'), refused('r', days.wednesday, '10:00'), visit('today', '2027-09-30', '08:00')]
    expect(closeForgottenVisits(visits, [checkOut('out', days.wednesday, '10:00')], thursdayMorning, org, 'desk-1', 'tablet-1')).toEqual([])
  })

  it('REC-6: a visit on a holiday is closed at the end of that day', () => {
    const closed = closeForgottenVisits([visit('h', days.holiday, '10:00')], [], at(days.saturday, '10:00'), org, 'desk-1', 'tablet-1')
    expect(closed).toMatchObject([{ visitId: 'h', at: at(days.saturday, '00:00'), day: days.holiday, how: 'closing' }])
  })

  it('REC-6: a visitor let in after closing is closed at the end of the day, never before they came', () => {
    const closed = closeForgottenVisits([visit('late', days.wednesday, '19:00')], [], thursdayMorning, org, 'desk-1', 'tablet-1')
    expect(closed).toMatchObject([{ visitId: 'late', at: at('2027-09-30', '00:00') }])
  })

  it('REC-6: visits of several earlier days are each closed at their own day’s closing', () => {
    const visits = [visit('sat', days.saturday, '11:00'), visit('wed', days.wednesday, '11:00')]
    const closed = closeForgottenVisits(visits, [], at('2027-10-04', '09:00'), org, 'desk-1', 'tablet-1')
    expect(closed.map((c) => [c.visitId, c.at])).toEqual([
      ['sat', at(days.saturday, '16:00')],
      ['wed', at(days.wednesday, '18:00')],
    ])
  })
})

describe('REC-6 who is still in the building', () => {
  it('REC-6: the day’s open visits, newest first; not the ones checked out, refused, or of another day', () => {
    const visits = [
      visit('early', days.wednesday, '09:10'),
      visit('late', days.wednesday, '15:00'),
      visit('gone', days.wednesday, '11:00'),
      refused('r', days.wednesday, '12:00'),
      visit('other-day', '2027-09-28', '12:00'),
    ]
    const inside = inBuilding(visits, [checkOut('gone', days.wednesday, '11:30')], days.wednesday)
    expect(inside.map((v) => v.id)).toEqual(['late', 'early'])
  })

  it('REC-6: a visit closed automatically is no longer in the building', () => {
    const visits = [visit('a', days.wednesday, '10:00')]
    const closed = closeForgottenVisits(visits, [], at('2027-09-30', '08:30'), org, 'desk-1', 'tablet-1')
    expect(inBuilding(visits, closed, days.wednesday)).toEqual([])
  })
})

describe('REC-6 closing forgotten visits, for any history', () => {
  const dates = ['2027-09-27', '2027-09-28', days.wednesday, '2027-09-30', days.holiday, days.saturday, days.sunday]
  const arbVisit = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    day: fc.constantFrom(...dates),
    time: fc.constantFrom('08:00', '12:00', '17:59', '18:00', '22:30'),
    refused: fc.boolean(),
  })
  const arbHistory = fc.tuple(fc.uniqueArray(arbVisit, { maxLength: 5, selector: (v) => v.id }), fc.subarray(['a', 'b', 'c', 'd', 'e']), fc.constantFrom(...dates, '2027-10-04'))

  it('REC-6: each open visit of an earlier day is closed exactly once, never before it came, and a second run writes nothing', () => {
    fc.assert(
      fc.property(arbHistory, ([specs, outIds, today]) => {
        const visits = specs.map((s) => (s.refused ? refused(s.id, s.day, s.time) : visit(s.id, s.day, s.time)))
        const outs = outIds.map((id) => checkOut(id, '2027-09-27', '23:00'))
        const now = at(today, '08:30')
        const closed = closeForgottenVisits(visits, outs, now, org, 'desk-1', 'tablet-1')
        const ids = closed.map((c) => c.visitId)
        expect(new Set(ids).size).toBe(ids.length)
        for (const c of closed) {
          const record = visits.find((v) => v.id === c.visitId)!.record
          expect(outIds).not.toContain(c.visitId)
          expect(record.refused).toBeUndefined()
          expect(record.day < today).toBe(true)
          expect(c.at).toBeGreaterThanOrEqual(record.at)
          expect(c).toMatchObject({ how: 'closing', note: autoCloseNote })
        }
        expect(closeForgottenVisits(visits, [...outs, ...closed], now, org, 'desk-1', 'tablet-1')).toEqual([])
      }),
    )
  })
})
