import { describe, expect, it } from 'vitest'
import { defaultIdleLockSeconds } from '@/core/access/agreement'
import { useDeviceKind } from './device-kind'
import { setOrganisationIdleLock, useIdleLockSetting } from './idle-lock-setting'

describe('CONF-7 this device’s idle lock, with the organisation’s as its default (issue 9 §4)', () => {
  it('follows the organisation until the device chooses, keeps its choice when the organisation changes, and goes back on request', () => {
    useDeviceKind().setDeviceKind('personal')
    const setting = useIdleLockSetting()
    setOrganisationIdleLock({ frontdesk: 90, personal: 600 })
    expect([setting.seconds.value, setting.source.value]).toEqual([600, 'organisation'])

    setting.setSeconds(45)
    setOrganisationIdleLock({ frontdesk: 90, personal: 1200 })
    expect([setting.seconds.value, setting.source.value]).toEqual([45, 'device'])
    expect(setting.fallback.value).toEqual({ seconds: 1200, source: 'organisation' })

    setting.followDefault()
    expect([setting.seconds.value, setting.source.value]).toEqual([1200, 'organisation'])
    setOrganisationIdleLock(undefined)
    expect([setting.seconds.value, setting.source.value]).toEqual([defaultIdleLockSeconds.personal, 'built-in'])
  })

  it('keeps a device’s own choice within 10 s … 1 h', () => {
    const setting = useIdleLockSetting()
    setting.setSeconds(99_999)
    expect(setting.seconds.value).toBe(3600)
    setting.setSeconds(1)
    expect(setting.seconds.value).toBe(10)
    setting.followDefault()
  })
})
