import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { feeEntry, stateOf } from './test-fixtures'
import type { WaitlistEntry } from './types'
import { capCheck, countActive, overCap, waitlistInOrder } from './vip-cap'

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

describe('MEM-4 over the cap after sync', () => {
  const settings = defaultMembershipSettings()
  const vipFee = (memberId: string, at: number, start = '2026-11-30', end = '2026-12-29') => feeEntry({ memberId, at, tierId: 'vip', start, end })
  const threeHeld = [vipFee('a', 1), vipFee('b', 2), vipFee('c', 3)]

  it('MEM-4: two tablets enrol the last place offline → over the cap by 1, the later enrolment named', () => {
    const ledger = [...threeHeld, vipFee('tablet2', 20), vipFee('tablet1', 10)]
    expect(overCap(ledger, vip, '2026-12-01', settings)).toEqual({ tierId: 'vip', cap: 4, holding: 5, enrolledLast: [{ memberId: 'tablet2', at: 20, start: '2026-11-30' }] })
  })
  it('MEM-4: enrolments at the same instant: the later in the ledger is named', () => {
    const ledger = [...threeHeld, vipFee('first', 10), vipFee('second', 10)]
    expect(overCap(ledger, vip, '2026-12-01', settings)?.enrolledLast.map((e) => e.memberId)).toEqual(['second'])
  })
  it('MEM-4: a renewal of an existing VIP is not a new place', () => {
    const ledger = [...threeHeld, vipFee('d', 4), vipFee('a', 50, '2026-12-30', '2027-01-29')]
    expect(overCap(ledger, vip, '2026-12-01', settings)).toBeUndefined()
  })
  it('MEM-4: the renewing VIP keeps the time of first enrolment, so the newcomer is named', () => {
    const ledger = [...threeHeld, vipFee('d', 4), vipFee('new', 30), vipFee('a', 50, '2026-12-30', '2027-01-29')]
    expect(overCap(ledger, vip, '2026-12-01', settings)?.enrolledLast).toEqual([{ memberId: 'new', at: 30, start: '2026-11-30' }])
  })
  it('MEM-4: none when within the cap, for a tier without one, or once the extra term has ended', () => {
    expect(overCap([...threeHeld, vipFee('d', 4)], vip, '2026-12-01', settings)).toBeUndefined()
    expect(overCap([...threeHeld, vipFee('d', 4), vipFee('e', 5)], ordinary, '2026-12-01', settings)).toBeUndefined()
    const ledger = [...threeHeld, vipFee('d', 4), vipFee('short', 5, '2026-11-01', '2026-11-30')]
    expect(overCap(ledger, vip, '2026-12-01', settings)).toBeUndefined()
  })
})
