import { describe, expect, it } from 'vitest'
import { expiringSoon } from './expiring'
import { stateOf } from './test-fixtures'

const item = (memberId: string, status: 'active' | 'expired' | 'not-started', end: string) => ({ memberId, state: stateOf({ status, tierId: 'ordinary', start: '2027-01-01', end }) })

describe('MEM-7 expiring soon', () => {
  const items = [
    item('in-7-days', 'active', '2027-03-17'),
    item('in-8-days', 'active', '2027-03-18'),
    item('today', 'active', '2027-03-10'),
    item('in-2-days', 'active', '2027-03-12'),
    item('expired', 'expired', '2027-03-09'),
    item('future', 'not-started', '2027-03-12'),
  ]

  it('MEM-7: lists active members ending within 7 days, today and day 7 included, soonest first', () => {
    expect(expiringSoon(items, '2027-03-10', 7).map((i) => i.memberId)).toEqual(['today', 'in-2-days', 'in-7-days'])
  })

  it('MEM-7: follows the setting', () => {
    expect(expiringSoon(items, '2027-03-10', 2).map((i) => i.memberId)).toEqual(['today', 'in-2-days'])
    expect(expiringSoon(items, '2027-03-10', 0).map((i) => i.memberId)).toEqual(['today'])
  })

  it('MEM-7: returns the items it was given, with whatever else they carry', () => {
    const withName = [{ ...item('a', 'active', '2027-03-11'), name: '张三' }]
    expect(expiringSoon(withName, '2027-03-10', 7)).toEqual(withName)
  })
})
