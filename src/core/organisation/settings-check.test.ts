import { describe, expect, it } from 'vitest'
import { defaultOrganisationSettings } from './defaults'
import { checkOrganisationSettings } from './settings-check'

describe('organisation settings check', () => {
  it('accepts the defaults, with the given zone', () => {
    const s = defaultOrganisationSettings('Europe/Berlin')
    expect(s.timeZone).toBe('Europe/Berlin')
    expect(checkOrganisationSettings(s)).toEqual([])
  })

  it('falls back to Asia/Shanghai when the device zone is unknown, and keeps a legacy agreement as version 1', () => {
    const s = defaultOrganisationSettings('Mars/Olympus', { agreement: { 'zh-CN': '旧', en: 'old' }, idleLockSeconds: { frontdesk: 60, personal: 600 } })
    expect([s.timeZone, s.agreement, s.idleLockSeconds]).toEqual(['Asia/Shanghai', { version: 1, 'zh-CN': '旧', en: 'old' }, { frontdesk: 60, personal: 600 }])
  })

  it('names each field that keeps the settings from being saved', () => {
    const s = defaultOrganisationSettings('UTC')
    const bad = {
      ...s,
      timeZone: 'Mars/Olympus',
      hours: { ...s.hours, '2': { opens: '21:00', closes: '09:00' } },
      holidays: [{ date: '2027-02-30' }, { date: '2027-10-01' }, { date: '2027-10-01', name: 'again' }],
      idleLockSeconds: { frontdesk: 5, personal: 300 },
      agreement: { ...s.agreement, en: ' ' },
    }
    expect(checkOrganisationSettings(bad)).toEqual([
      { path: 'timeZone', problem: 'timezone-invalid' },
      { path: 'hours.2', problem: 'hours-invalid' },
      { path: 'holidays.0', problem: 'holiday-date-invalid' },
      { path: 'holidays.2', problem: 'holiday-duplicate' },
      { path: 'idleLockSeconds.frontdesk', problem: 'idle-lock-invalid' },
      { path: 'agreement.en', problem: 'agreement-required' },
    ])
  })

  it('BB-11: the days before a member is reminded to change their password: absent, or a whole number from 30 to 730', () => {
    const s = defaultOrganisationSettings('UTC')
    for (const ok of [undefined, 30, 180, 730]) expect(checkOrganisationSettings({ ...s, memberPasswordDays: ok }), String(ok)).toEqual([])
    for (const bad of [29, 731, 90.5, Number.NaN]) {
      expect(checkOrganisationSettings({ ...s, memberPasswordDays: bad }), String(bad)).toEqual([{ path: 'memberPasswordDays', problem: 'member-password-days-invalid' }])
    }
  })
})
