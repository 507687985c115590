import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { CheckIn, CheckOut } from '@/core/membership/types'
import type { IdentifiedCheckIn } from '@/core/membership/visits'
import { selfVisitsSchema } from './schemas'
import { visitsViews } from './visits-view'

const tz = 'Asia/Shanghai'
const at = (iso: string) => Date.parse(iso)
const now = at('2027-03-10T04:00:00Z')

const checkIn = (id: string, iso: string, extra: Partial<CheckIn> = {}): IdentifiedCheckIn => ({ id, record: { memberId: 'm1', at: at(iso), deviceId: 'tablet-1', by: 'staff-1', ...extra } })
const checkOut = (checkInId: string, iso: string, memberId = 'm1'): CheckOut => ({ checkInId, memberId, at: at(iso), by: 'staff-1' })

// 15:30 UTC on 31 December is 23:30 in Shanghai (2026); 16:30 UTC is 00:30 on 1 January (2027).
const checkIns = [
  checkIn('last-of-2026', '2026-12-31T15:30:00Z'),
  checkIn('first-of-2027', '2026-12-31T16:30:00Z', { override: { refusal: 'outside-hours', reason: 'new year party' } }),
  checkIn('still-in', '2027-03-10T01:00:00Z'),
  checkIn('spring', '2027-03-01T11:00:00Z'),
]
const checkOuts = [checkOut('last-of-2026', '2026-12-31T15:59:00Z'), checkOut('first-of-2027', '2026-12-31T18:00:00Z'), checkOut('spring', '2027-03-01T13:00:00Z')]

describe('self-service visits views', () => {
  it('MEM-3: one view per organisation-local year, newest year and newest visit first, with check-out and override', () => {
    const views = visitsViews('m1', checkIns, checkOuts, tz, now)
    expect(views).toEqual([
      {
        memberId: 'm1',
        year: '2027',
        visits: [
          { at: at('2027-03-10T01:00:00Z') },
          { at: at('2027-03-01T11:00:00Z'), out: at('2027-03-01T13:00:00Z') },
          { at: at('2026-12-31T16:30:00Z'), out: at('2026-12-31T18:00:00Z'), overridden: true },
        ],
        foldedAt: now,
      },
      { memberId: 'm1', year: '2026', visits: [{ at: at('2026-12-31T15:30:00Z'), out: at('2026-12-31T15:59:00Z') }], foldedAt: now },
    ])
    for (const view of views) expect(v.parse(selfVisitsSchema, view)).toEqual(view)
  })

  it('MEM-3: a visit still open has no `out`', () => {
    const [year2027] = visitsViews('m1', checkIns, checkOuts, tz, now)
    expect(year2027?.visits[0]).toEqual({ at: at('2027-03-10T01:00:00Z') })
    expect(year2027?.visits[0]).not.toHaveProperty('out')
  })

  it('MEM-3: a visit two tablets both checked out ended at the first check-out', () => {
    const twice = [...checkOuts, checkOut('spring', '2027-03-01T12:30:00Z')]
    const [year2027] = visitsViews('m1', checkIns, twice, tz, now)
    expect(year2027?.visits[1]).toEqual({ at: at('2027-03-01T11:00:00Z'), out: at('2027-03-01T12:30:00Z') })
  })

  it('MEM-3: a member who never came has no visits views', () => {
    expect(visitsViews('m1', [], [], tz, now)).toEqual([])
  })

  it('CONF-11: another member’s check-ins and check-outs never reach the view', () => {
    const theirs = [checkIn('theirs', '2027-03-02T11:00:00Z', { memberId: 'm2' }), checkIn('theirs-2025', '2025-06-01T11:00:00Z', { memberId: 'm2' })]
    // Even a check-out of theirs naming one of this member's visits does not close it.
    const mixed = visitsViews('m1', [...theirs, ...checkIns], [checkOut('still-in', '2027-03-10T02:00:00Z', 'm2'), ...checkOuts], tz, now)
    expect(mixed).toEqual(visitsViews('m1', checkIns, checkOuts, tz, now))
    expect(mixed.map((y) => y.year)).toEqual(['2027', '2026'])
  })

  it('CONF-11: the same records in any order give the same views (two staff devices write the same bodies)', () => {
    const same = checkIn('same-instant', '2027-03-01T11:00:00Z', { deviceId: 'tablet-2' })
    const records = [...checkIns, same]
    const a = visitsViews('m1', records, checkOuts, tz, now)
    expect(visitsViews('m1', [...records].reverse(), [...checkOuts].reverse(), tz, now)).toEqual(a)
  })
})
