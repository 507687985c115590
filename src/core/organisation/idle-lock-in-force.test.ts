import { describe, expect, it } from 'vitest'
import { defaultIdleLockSeconds } from '@/core/access/agreement'
import { idleLockInForce } from './idle-lock-in-force'

describe('CONF-7 idle lock in force: the device’s choice, else the organisation’s, else the built-in default', () => {
  const organisation = { frontdesk: 90, personal: 600 }

  it('a device that chose nothing follows the organisation’s value for its kind', () => {
    expect(idleLockInForce('frontdesk', undefined, organisation)).toEqual({ seconds: 90, source: 'organisation' })
    expect(idleLockInForce('personal', undefined, organisation)).toEqual({ seconds: 600, source: 'organisation' })
  })

  it('a device’s own choice wins over the organisation’s value, whatever its kind', () => {
    expect(idleLockInForce('frontdesk', 45, organisation)).toEqual({ seconds: 45, source: 'device' })
    expect(idleLockInForce('personal', 45, organisation)).toEqual({ seconds: 45, source: 'device' })
  })

  it('follows the organisation when its value changes later, unless the device chose its own', () => {
    const later = { frontdesk: 300, personal: 1200 }
    expect(idleLockInForce('personal', undefined, later)).toEqual({ seconds: 1200, source: 'organisation' })
    expect(idleLockInForce('personal', 45, later)).toEqual({ seconds: 45, source: 'device' })
  })

  it('goes back to the organisation’s value once the device’s choice is cleared', () => {
    expect(idleLockInForce('frontdesk', 45, organisation).source).toBe('device')
    expect(idleLockInForce('frontdesk', undefined, organisation)).toEqual({ seconds: 90, source: 'organisation' })
  })

  it('uses the built-in default per kind while the device knows no organisation value', () => {
    expect(idleLockInForce('frontdesk', undefined, undefined)).toEqual({ seconds: defaultIdleLockSeconds.frontdesk, source: 'built-in' })
    expect(idleLockInForce('personal', undefined, undefined)).toEqual({ seconds: defaultIdleLockSeconds.personal, source: 'built-in' })
  })

  it('never keeps a screen unlocked on a value outside 10 s … 1 h: it falls through to the next source', () => {
    expect(idleLockInForce('personal', 5, organisation)).toEqual({ seconds: 600, source: 'organisation' })
    expect(idleLockInForce('personal', Number.NaN, organisation)).toEqual({ seconds: 600, source: 'organisation' })
    for (const broken of [0, 9, 3601, Number.POSITIVE_INFINITY, 60.5]) {
      expect(idleLockInForce('personal', undefined, { frontdesk: 90, personal: broken }), String(broken)).toEqual({ seconds: defaultIdleLockSeconds.personal, source: 'built-in' })
    }
  })
})
