import { describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultPlaceIds, defaultReceptionSettings, noPlace } from './defaults'
import { changeReception, suggestReception } from './suggestion'
import type { ReceptionChoice, ReceptionSettings } from './types'

const settings = defaultReceptionSettings()
const ids = defaultCategoryIds

const high: ReceptionChoice = { level: 'high', place: defaultPlaceIds.meetingRoom, hospitality: 'coffee-drinks-tea', receivedBy: 'host-with-department' }
const normal: ReceptionChoice = { level: 'normal', place: defaultPlaceIds.receptionArea, hospitality: 'water', receivedBy: 'host-or-colleague' }
const low: ReceptionChoice = { level: 'low', place: defaultPlaceIds.receptionArea, hospitality: 'water', receivedBy: 'host' }
const refuse: ReceptionChoice = { level: 'refuse', place: noPlace, hospitality: 'none', receivedBy: 'front-desk' }

describe('REC-2 the reception level follows the category', () => {
  const rows: [string, string, ReceptionChoice][] = [
    ['senior leadership', ids.seniorLeadership, high],
    ['the education authority', ids.educationAuthority, high],
    ['an important government department', ids.governmentDepartment, high],
    ['a VIP who booked ahead', ids.bookedVip, high],
    ['the media', ids.media, high],
    ['a supplier', ids.supplier, normal],
    ['a student’s parent', ids.parent, normal],
    ['a person with a complaint', ids.complainant, normal],
    ['a visitor with an appointment', ids.appointment, normal],
    ['a temporary visitor', ids.temporary, normal],
    ['a visitor of lower rank than the host', ids.lowerRank, low],
  ]
  for (const [who, id, choice] of rows) {
    it(`REC-2: ${who} → ${choice.level}, ${choice.place}, ${choice.hospitality}, ${choice.receivedBy}`, () => {
      const suggestion = suggestReception(settings, id)
      expect(suggestion).toMatchObject({ ok: true, choice, refused: false })
    })
  }

  it('REC-2: the table holds every row of the rules, each named in both languages', () => {
    const names = settings.categories.map((c) => c.name['zh-CN'])
    expect(names).toEqual(
      expect.arrayContaining(['上级领导', '教育主管部门', '重要政府部门', '预约贵宾', '媒体', '供应商', '学生家长', '投诉人', '预约访客', '临时访客', '低于接待人级别的访客', '求职者', '保险推销']),
    )
    for (const c of settings.categories) expect(c.name.en.trim()).not.toBe('')
    expect(Object.values(ids).sort()).toEqual(settings.categories.map((c) => c.id).sort())
  })

  it('REC-2: insurance sales is refused: not let in, nothing offered, turned away by the front desk', () => {
    expect(suggestReception(settings, ids.insuranceSales)).toEqual({ ok: true, choice: refuse, refused: true, badge: { issued: false, why: 'refused' } })
  })

  it('REC-2: others who disturb normal work are refused the same way', () => {
    expect(suggestReception(settings, ids.disruptive)).toMatchObject({ ok: true, choice: refuse, refused: true })
  })

  it('REC-2: a job applicant’s first interview: HR, the reception area, nothing offered yet', () => {
    const first: ReceptionChoice = { level: 'applicant', place: defaultPlaceIds.receptionArea, hospitality: 'none', receivedBy: 'hr' }
    expect(suggestReception(settings, ids.jobApplicant, 1)).toEqual({ ok: true, choice: first, refused: false, badge: { issued: false, why: 'applicant' } })
    expect(suggestReception(settings, ids.jobApplicant)).toEqual(suggestReception(settings, ids.jobApplicant, 1))
  })

  it('REC-2: a job applicant’s second interview: HR, the same place, and water', () => {
    const second: ReceptionChoice = { level: 'applicant', place: defaultPlaceIds.receptionArea, hospitality: 'water', receivedBy: 'hr' }
    expect(suggestReception(settings, ids.jobApplicant, 2)).toEqual({ ok: true, choice: second, refused: false, badge: { issued: false, why: 'applicant' } })
  })

  it('REC-2: a second interview never offers less than the applicant row does', () => {
    const generous: ReceptionSettings = {
      ...settings,
      categories: settings.categories.map((c) => (c.id === ids.jobApplicant ? { ...c, hospitality: 'coffee-drinks-tea' as const } : c)),
    }
    expect(suggestReception(generous, ids.jobApplicant, 2)).toMatchObject({ choice: { hospitality: 'coffee-drinks-tea' } })
  })

  it('REC-2: the interview number means nothing outside the applicant row', () => {
    expect(suggestReception(settings, ids.supplier, 2)).toEqual(suggestReception(settings, ids.supplier))
  })

  it('REC-2: an unknown category suggests nothing', () => {
    expect(suggestReception(settings, 'astronaut')).toEqual({ ok: false, problem: 'unknown-category' })
  })

  it('REC-2: a retired category is not offered for new visits', () => {
    const retired: ReceptionSettings = { ...settings, categories: settings.categories.map((c) => (c.id === ids.media ? { ...c, retired: true } : c)) }
    expect(suggestReception(retired, ids.media)).toEqual({ ok: false, problem: 'retired-category' })
  })

  it('REC-2: the suggestion follows the manager’s edits to the table', () => {
    const edited: ReceptionSettings = {
      ...settings,
      categories: settings.categories.map((c) => (c.id === ids.supplier ? { ...c, level: 'high' as const, place: defaultPlaceIds.meetingRoom } : c)),
    }
    expect(suggestReception(edited, ids.supplier)).toMatchObject({ ok: true, choice: { level: 'high', place: defaultPlaceIds.meetingRoom }, badge: { issued: false, why: 'high-level' } })
  })
})

describe('REC-2 the desk changes the suggestion, with a reason', () => {
  it('REC-2: keeping the suggestion needs no reason and records no change', () => {
    expect(changeReception(normal, { ...normal }, '')).toEqual({ ok: true })
  })

  it('REC-2: a change records what was suggested and why', () => {
    const chosen = { ...normal, place: defaultPlaceIds.meetingRoom }
    expect(changeReception(normal, chosen, '  the meeting room was free  ')).toEqual({ ok: true, changed: { suggested: normal, reason: 'the meeting room was free' } })
  })

  it('REC-2: a change without a reason is refused', () => {
    expect(changeReception(normal, high, '   ')).toEqual({ ok: false, problem: 'reason-required' })
  })

  it('REC-2: a reason over 200 characters is refused', () => {
    expect(changeReception(normal, high, 'x'.repeat(201))).toEqual({ ok: false, problem: 'reason-too-long' })
    expect(changeReception(normal, high, 'x'.repeat(200))).toMatchObject({ ok: true })
  })

  it('REC-2: refusing a visitor the table would let in is a change like any other', () => {
    expect(changeReception(low, refuse, 'selling at the door')).toEqual({ ok: true, changed: { suggested: low, reason: 'selling at the door' } })
  })
})
