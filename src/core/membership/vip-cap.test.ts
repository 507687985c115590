import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { stateOf } from './test-fixtures'
import type { WaitlistEntry } from './types'
import { capCheck, countActive, waitlistInOrder } from './vip-cap'

const [ordinary, vip] = [defaultMembershipSettings().tiers[0]!, defaultMembershipSettings().tiers[1]!]

describe('MEM-4 VIP cap', () => {
  it('MEM-4: the 4th VIP is accepted with cap 4', () => {
    expect(capCheck(vip, 3)).toEqual({ ok: true })
  })
  it('MEM-4: the 5th VIP is refused, naming the cap 4', () => {
    expect(capCheck(vip, 4)).toEqual({ ok: false, cap: 4 })
  })
  it('MEM-4: a tier without a cap takes anyone', () => {
    expect(capCheck(ordinary, 10_000)).toEqual({ ok: true })
  })
  it('MEM-4: a cap a manager changed is what counts', () => {
    expect(capCheck({ ...vip, cap: 6 }, 5)).toEqual({ ok: true })
    expect(capCheck({ ...vip, cap: 6 }, 6)).toEqual({ ok: false, cap: 6 })
  })
  it('MEM-4: counts active and not-yet-started members of the tier, not expired ones or other tiers', () => {
    const states = [
      stateOf({ status: 'active', tierId: 'vip' }),
      stateOf({ status: 'not-started', tierId: 'vip' }),
      stateOf({ status: 'expired', tierId: 'vip' }),
      stateOf({ status: 'active', tierId: 'ordinary' }),
      stateOf({ status: 'none' }),
    ]
    expect(countActive('vip', states)).toBe(2)
    expect(countActive('ordinary', states)).toBe(1)
  })
})

describe('MEM-4 waiting list', () => {
  const entry = (personId: string, at: number, more: Partial<WaitlistEntry> = {}): WaitlistEntry => ({ personId, tierId: 'vip', at, note: '', ...more })

  it('MEM-4: lists open entries of the tier by time, equal times in the order given', () => {
    const entries = [
      entry('c', 30),
      entry('a', 10),
      entry('b1', 20),
      entry('b2', 20),
      entry('gone', 5, { closed: { at: 40, outcome: 'withdrawn' } }),
      entry('other', 1, { tierId: 'ordinary' }),
    ]
    expect(waitlistInOrder(entries, 'vip').map((e) => e.personId)).toEqual(['a', 'b1', 'b2', 'c'])
  })
  it('MEM-4: an enrolled person leaves the list', () => {
    expect(waitlistInOrder([entry('a', 10, { closed: { at: 11, outcome: 'enrolled' } })], 'vip')).toEqual([])
  })
})
