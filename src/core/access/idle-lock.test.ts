import { describe, expect, it } from 'vitest'
import { idleLockDue, locksWhenHidden } from './idle-lock'

describe('CONF-7 idle lock', () => {
  const touched = Date.UTC(2026, 0, 5, 9, 0, 0)
  it('counts the time since the last touch by the wall clock, hours asleep included', () => {
    expect(idleLockDue(touched + 299_000, touched, 300)).toBe(false)
    expect(idleLockDue(touched + 300_000, touched, 300)).toBe(true)
    expect(idleLockDue(touched + 2 * 3600_000, touched, 300)).toBe(true)
  })
  it('locks a front-desk tablet as soon as it is hidden, not someone’s own device', () => {
    expect(locksWhenHidden('frontdesk')).toBe(true)
    expect(locksWhenHidden('personal')).toBe(false)
  })
})
