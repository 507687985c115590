import { describe, expect, it } from 'vitest'
import { deskTimeZone, isTimeZone } from './time-zone'

describe('organisation time zone', () => {
  it('knows IANA names and refuses made-up or empty ones', () => {
    expect([isTimeZone('Asia/Shanghai'), isTimeZone('Europe/Berlin'), isTimeZone('UTC')]).toEqual([true, true, true])
    expect([isTimeZone('Mars/Olympus'), isTimeZone(''), isTimeZone('  ')]).toEqual([false, false, false])
  })

  it("MEM-2: the desk reads the organisation's zone first, then the zone it stored, then Asia/Shanghai", () => {
    expect(deskTimeZone('Europe/Berlin', 'Asia/Tokyo')).toBe('Europe/Berlin')
    expect(deskTimeZone(undefined, 'Asia/Tokyo')).toBe('Asia/Tokyo')
    expect(deskTimeZone(undefined, undefined)).toBe('Asia/Shanghai')
    expect(deskTimeZone('Mars/Olympus', 'nowhere')).toBe('Asia/Shanghai')
  })
})
