import { describe, expect, it } from 'vitest'
import type { CheckOut } from './types'
import { duplicateCheckIns, type IdentifiedCheckIn, openCheckInOf, openCheckInsOf, whoIsIn } from './visits'

const checkIn = (id: string, at: number, memberId = 'm1', deviceId = 'tablet-a'): IdentifiedCheckIn => ({ id, record: { memberId, at, deviceId, by: 'staff-1' } })
const checkOut = (checkInId: string, at: number, memberId = 'm1'): CheckOut => ({ checkInId, memberId, at, by: 'staff-1' })

describe('MEM-3 visits', () => {
  it('MEM-3: a check-in without a check-out is the open visit', () => {
    const ins = [checkIn('a', 10)]
    expect(openCheckInOf(ins, [], 'm1')).toEqual(ins[0])
  })

  it('MEM-3: a check-out closes the visit', () => {
    expect(openCheckInOf([checkIn('a', 10)], [checkOut('a', 20)], 'm1')).toBeUndefined()
  })

  it('MEM-3: the latest open check-in of the member is the one returned', () => {
    const ins = [checkIn('b', 30), checkIn('a', 10), checkIn('other', 40, 'm2')]
    expect(openCheckInOf(ins, [], 'm1')?.id).toBe('b')
    expect(openCheckInsOf(ins, [], 'm1').map((c) => c.id)).toEqual(['a', 'b'])
  })

  it('MEM-3: who is in lists one open visit per member, in order of arrival', () => {
    const ins = [checkIn('m2-visit', 20, 'm2'), checkIn('m1-old', 10), checkIn('m1-new', 30), checkIn('m3-gone', 5, 'm3')]
    expect(whoIsIn(ins, [checkOut('m3-gone', 8, 'm3')]).map((c) => c.id)).toEqual(['m2-visit', 'm1-new'])
  })
})

describe('MEM-3 duplicate check-ins after sync', () => {
  it('MEM-3: the same card checked in on two offline tablets while the first visit is open is flagged', () => {
    const ins = [checkIn('on-a', 10, 'm1', 'tablet-a'), checkIn('on-b', 15, 'm1', 'tablet-b')]
    expect(duplicateCheckIns(ins, [])).toEqual([{ memberId: 'm1', ids: ['on-a', 'on-b'] }])
  })

  it('MEM-3: flagged too when the first visit was checked out only after the second check-in', () => {
    expect(duplicateCheckIns([checkIn('a', 10), checkIn('b', 15)], [checkOut('a', 20)])).toEqual([{ memberId: 'm1', ids: ['a', 'b'] }])
  })

  it('MEM-3: check-in, check-out, check-in again is not flagged', () => {
    expect(duplicateCheckIns([checkIn('a', 10), checkIn('b', 30)], [checkOut('a', 20)])).toEqual([])
  })

  it('MEM-3: a check-out at the very instant of the next check-in is not an overlap', () => {
    expect(duplicateCheckIns([checkIn('a', 10), checkIn('b', 20)], [checkOut('a', 20)])).toEqual([])
  })

  it('MEM-3: a chain of overlapping visits is one group; separate overlaps are separate groups', () => {
    const ins = [checkIn('a', 10), checkIn('b', 15), checkIn('c', 25), checkIn('d', 100), checkIn('e', 105), checkIn('other', 12, 'm2')]
    const outs = [checkOut('a', 20), checkOut('b', 30), checkOut('c', 40), checkOut('d', 110), checkOut('e', 111), checkOut('other', 13, 'm2')]
    expect(duplicateCheckIns(ins, outs)).toEqual([
      { memberId: 'm1', ids: ['a', 'b', 'c'] },
      { memberId: 'm1', ids: ['d', 'e'] },
    ])
  })

  it('MEM-3: different members in at the same time are not duplicates', () => {
    expect(duplicateCheckIns([checkIn('a', 10, 'm1'), checkIn('b', 11, 'm2')], [])).toEqual([])
  })

  it('MEM-3: a visit checked out on two tablets ended at the first check-out', () => {
    const outs = [checkOut('a', 50), checkOut('a', 20)]
    expect(duplicateCheckIns([checkIn('a', 10), checkIn('b', 30)], outs)).toEqual([])
  })
})
