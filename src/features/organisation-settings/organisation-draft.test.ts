import { describe, expect, it } from 'vitest'
import { defaultOrganisationSettings } from '@/core/organisation/defaults'
import { checkOrganisationSettings } from '@/core/organisation/settings-check'
import { fromDraft, timeZoneChoices, toDraft } from './organisation-draft'

describe('organisation settings form', () => {
  it('reads back the settings it was opened on', () => {
    const s = { ...defaultOrganisationSettings('Asia/Shanghai'), holidays: [{ date: '2027-10-01', name: '国庆节' }, { date: '2027-10-02' }] }
    expect(fromDraft(toDraft(s))).toEqual(s)
  })

  it('leaves a day unticked out of the hours (closed), and drops an empty holiday name', () => {
    const d = toDraft(defaultOrganisationSettings('UTC'))
    d.days[6]!.open = false
    d.holidays.push({ date: '2027-12-25', name: '  ' })
    const s = fromDraft(d)
    expect(Object.keys(s.hours)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(s.holidays).toEqual([{ date: '2027-12-25' }])
  })

  it('CONF-7: an idle lock left empty or typed as words is a problem, not zero', () => {
    const d = toDraft(defaultOrganisationSettings('UTC'))
    d.idleLock = { frontdesk: '', personal: 'soon' }
    expect(checkOrganisationSettings(fromDraft(d)).map((p) => p.path)).toEqual(['idleLockSeconds.frontdesk', 'idleLockSeconds.personal'])
  })

  it('keeps the current zone among the choices even when the runtime list lacks it', () => {
    expect(timeZoneChoices('UTC', ['Asia/Shanghai'])).toEqual(['UTC', 'Asia/Shanghai'])
    expect(timeZoneChoices('Asia/Shanghai', ['Asia/Shanghai'])).toEqual(['Asia/Shanghai'])
  })
})
