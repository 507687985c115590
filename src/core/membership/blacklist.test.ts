import { describe, expect, it } from 'vitest'
import { isBlacklisted } from './blacklist'
import type { BlacklistEvent } from './types'

const event = (action: BlacklistEvent['action'], at: number, reason = '', memberId = 'm1'): BlacklistEvent => ({ memberId, action, reason, at, by: 'manager-1' })

describe('MEM-9 blacklist', () => {
  it('MEM-9: no event, not blacklisted', () => {
    expect(isBlacklisted([], 'm1')).toBeUndefined()
  })
  it('MEM-9: an add blacklists, with its reason and time', () => {
    expect(isBlacklisted([event('add', 10, 'broke the laser cutter')], 'm1')).toEqual({ reason: 'broke the laser cutter', at: 10 })
  })
  it('MEM-9: a later lift ends it', () => {
    expect(isBlacklisted([event('add', 10, 'x'), event('lift', 20, 'paid for repair')], 'm1')).toBeUndefined()
  })
  it('MEM-9: a re-add after a lift blacklists again, with the new reason', () => {
    const events = [event('add', 10, 'first'), event('lift', 20), event('add', 30, 'again')]
    expect(isBlacklisted(events, 'm1')).toEqual({ reason: 'again', at: 30 })
  })
  it('MEM-9: the latest event by time decides, whatever order they synced in', () => {
    expect(isBlacklisted([event('lift', 20), event('add', 10, 'x')], 'm1')).toBeUndefined()
    expect(isBlacklisted([event('add', 30, 'again'), event('lift', 20), event('add', 10, 'first')], 'm1')).toEqual({ reason: 'again', at: 30 })
  })
  it('MEM-9: an add and a lift at the same time: the add wins, in either order', () => {
    expect(isBlacklisted([event('add', 10, 'x'), event('lift', 10)], 'm1')).toEqual({ reason: 'x', at: 10 })
    expect(isBlacklisted([event('lift', 10), event('add', 10, 'x')], 'm1')).toEqual({ reason: 'x', at: 10 })
  })
  it('MEM-9: another member’s events do not count', () => {
    expect(isBlacklisted([event('add', 10, 'x', 'm2')], 'm1')).toBeUndefined()
  })
})
