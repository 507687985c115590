import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { decideCheckIn, overridableAtDesk, type CheckInInput } from './checkin-decision'
import { defaultMembershipSettings } from './defaults'
import { stateOf } from './test-fixtures'
import type { Member } from './types'

const settings = defaultMembershipSettings()
const mondayEvening = instantOf('2027-01-04', '19:30', settings.timeZone)
const member: Member = { personId: 'p1', memberNo: 'M7K3QX9A', cardSerial: 2, createdAt: 0 }
const active = stateOf({ status: 'active', tierId: 'ordinary', start: '2027-01-01', end: '2027-03-31' })

// Everything in order: the one refusal a test wants is added on top.
function input(change: Partial<CheckInInput> = {}): CheckInInput {
  return { card: { memberId: 'm1', serial: 2 }, member, state: active, blacklisted: false, settings, now: mondayEvening, ...change }
}

describe('MEM-3 check-in decision', () => {
  it('MEM-3: admits an active ordinary member on Monday 19:30, with tier and end date', () => {
    expect(decideCheckIn(input())).toEqual({ admit: true, tierId: 'ordinary', end: '2027-03-31' })
  })

  it('MEM-3: admits a member found by number or phone, without a card', () => {
    expect(decideCheckIn(input({ card: { memberId: 'm1' } }))).toEqual({ admit: true, tierId: 'ordinary', end: '2027-03-31' })
  })

  it('MEM-3: refuses an unknown card', () => {
    expect(decideCheckIn(input({ card: 'unknown', member: undefined, state: undefined }))).toEqual({ admit: false, reason: 'unknown-card' })
  })

  it('MEM-3: refuses as unknown when the card names a member that is not found', () => {
    expect(decideCheckIn(input({ member: undefined }))).toEqual({ admit: false, reason: 'unknown-card' })
  })

  it('MEM-8: refuses a forged card, though it names no member', () => {
    expect(decideCheckIn(input({ card: 'forged', member: undefined, state: undefined }))).toEqual({ admit: false, reason: 'forged-card' })
  })

  it('REC-4: refuses a visitor badge as one (reception checks visitors out), before anything about a member, and never over it', () => {
    expect(decideCheckIn(input({ card: 'visitor-badge', member: undefined, state: undefined }))).toEqual({ admit: false, reason: 'visitor-badge' })
    expect(overridableAtDesk('visitor-badge')).toBe(false)
  })

  it('MEM-8: refuses a revoked card (an older serial than the member’s card)', () => {
    expect(decideCheckIn(input({ card: { memberId: 'm1', serial: 1 } }))).toEqual({ admit: false, reason: 'revoked-card' })
  })

  it('MEM-9: refuses a blacklisted member', () => {
    expect(decideCheckIn(input({ blacklisted: true }))).toEqual({ admit: false, reason: 'blacklisted' })
  })

  it('MEM-3: refuses a suspended member', () => {
    expect(decideCheckIn(input({ member: { ...member, suspended: { reason: 'unpaid damage', at: 1 } } }))).toEqual({ admit: false, reason: 'suspended' })
  })

  it('MEM-3: refuses a membership not yet started, with its start date', () => {
    const state = stateOf({ status: 'not-started', tierId: 'ordinary', start: '2027-02-01', end: '2027-02-28' })
    expect(decideCheckIn(input({ state }))).toEqual({ admit: false, reason: 'not-started', start: '2027-02-01' })
  })

  it('MEM-3: refuses an expired membership, with its end date', () => {
    const state = stateOf({ status: 'expired', tierId: 'ordinary', start: '2026-12-01', end: '2026-12-31' })
    expect(decideCheckIn(input({ state }))).toEqual({ admit: false, reason: 'expired', end: '2026-12-31' })
  })

  it('MEM-3: a member who never paid a fee is refused as an unknown card (no membership yet)', () => {
    expect(decideCheckIn(input({ state: stateOf({ status: 'none' }) }))).toEqual({ admit: false, reason: 'unknown-card' })
    expect(decideCheckIn(input({ state: undefined }))).toEqual({ admit: false, reason: 'unknown-card' })
  })

  it('MEM-3: refuses a member already checked in, with since when', () => {
    expect(decideCheckIn(input({ openCheckIn: { at: mondayEvening - 600_000 } }))).toEqual({ admit: false, reason: 'already-checked-in', since: mondayEvening - 600_000 })
  })

  it('MEM-2: refuses an ordinary member on Friday 10:00, with the next opening (Saturday 14:30)', () => {
    const fridayMorning = instantOf('2027-01-08', '10:00', settings.timeZone)
    expect(decideCheckIn(input({ now: fridayMorning }))).toEqual({
      admit: false,
      reason: 'outside-hours',
      nextOpening: instantOf('2027-01-09', '14:30', settings.timeZone),
    })
  })

  it('MEM-2: admits a VIP on Friday 10:00', () => {
    const state = stateOf({ status: 'active', tierId: 'vip', start: '2027-01-01', end: '2027-01-31' })
    expect(decideCheckIn(input({ state, now: instantOf('2027-01-08', '10:00', settings.timeZone) }))).toEqual({ admit: true, tierId: 'vip', end: '2027-01-31' })
  })

  describe('MEM-3 precedence: the first refusal that applies is the one shown', () => {
    const everythingWrong: CheckInInput = input({
      card: { memberId: 'm1', serial: 1 },
      member: { ...member, suspended: { reason: 'x', at: 1 } },
      state: stateOf({ status: 'expired', tierId: 'ordinary', start: '2026-12-01', end: '2026-12-31' }),
      blacklisted: true,
      openCheckIn: { at: 1 },
      now: instantOf('2027-01-08', '10:00', settings.timeZone),
    })
    const reasonOf = (change: Partial<CheckInInput>) => {
      const d = decideCheckIn({ ...everythingWrong, ...change })
      return d.admit ? 'admit' : d.reason
    }

    it('MEM-3: an unknown card is the first refusal; a forged one comes before "no member found"', () => {
      expect(reasonOf({ card: 'unknown' })).toBe('unknown-card')
      expect(reasonOf({ card: 'forged', member: undefined })).toBe('forged-card')
    })
    it('MEM-8: a revoked card before blacklisted', () => {
      expect(reasonOf({})).toBe('revoked-card')
    })
    it('MEM-9: blacklisted before suspended', () => {
      expect(reasonOf({ card: { memberId: 'm1', serial: 2 } })).toBe('blacklisted')
    })
    it('MEM-3: suspended before expired', () => {
      expect(reasonOf({ card: { memberId: 'm1' }, blacklisted: false })).toBe('suspended')
    })
    it('MEM-3: not started before already checked in', () => {
      const state = stateOf({ status: 'not-started', tierId: 'ordinary', start: '2027-02-01', end: '2027-02-28' })
      expect(reasonOf({ card: { memberId: 'm1' }, blacklisted: false, member, state })).toBe('not-started')
    })
    it('MEM-3: expired before already checked in', () => {
      expect(reasonOf({ card: { memberId: 'm1' }, blacklisted: false, member })).toBe('expired')
    })
    it('MEM-3: already checked in before outside hours', () => {
      expect(reasonOf({ card: { memberId: 'm1' }, blacklisted: false, member, state: active })).toBe('already-checked-in')
    })
    it('MEM-2: outside hours is the last refusal', () => {
      expect(reasonOf({ card: { memberId: 'm1' }, blacklisted: false, member, state: active, openCheckIn: undefined })).toBe('outside-hours')
    })
  })
})

describe('MEM-3, MEM-9 which refusals the desk may override', () => {
  it('MEM-9, MEM-3: a blacklisted member, a forged card and a revoked card are never overridden at the desk', () => {
    for (const reason of ['blacklisted', 'forged-card', 'revoked-card'] as const) expect(overridableAtDesk(reason)).toBe(false)
  })
  it('MEM-3: nor an unknown card (nobody to admit) or a visit already open (check out instead)', () => {
    for (const reason of ['unknown-card', 'already-checked-in'] as const) expect(overridableAtDesk(reason)).toBe(false)
  })
  it('MEM-8: nor a card of a retired key past its grace (like a revoked card: the desk reissues it)', () => {
    expect(overridableAtDesk('card-outdated')).toBe(false)
  })
  it('MEM-3: a membership that is expired, not started, suspended or outside its hours may be overridden with a reason', () => {
    for (const reason of ['expired', 'not-started', 'suspended', 'outside-hours'] as const) expect(overridableAtDesk(reason)).toBe(true)
  })
})

describe('MEM-8 cards of a retired card key', () => {
  it('MEM-8: admits a card of a retired key within the grace days, asking the desk to reissue it', () => {
    expect(decideCheckIn(input({ card: { memberId: 'm1', serial: 2, epoch: 'reissue' } }))).toEqual({ admit: true, tierId: 'ordinary', end: '2027-03-31', reissueCard: true })
  })
  it('MEM-8: refuses it after the grace days as card-outdated', () => {
    expect(decideCheckIn(input({ card: { memberId: 'm1', serial: 2, epoch: 'outdated' } }))).toEqual({ admit: false, reason: 'card-outdated' })
  })
  it('MEM-8: a revoked card is revoked whatever its key; a card of the newest key asks nothing', () => {
    expect(decideCheckIn(input({ card: { memberId: 'm1', serial: 1, epoch: 'outdated' } }))).toEqual({ admit: false, reason: 'revoked-card' })
    expect(decideCheckIn(input({ card: { memberId: 'm1', serial: 2, epoch: 'current' } }))).toEqual({ admit: true, tierId: 'ordinary', end: '2027-03-31' })
  })
})
