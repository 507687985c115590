import { describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultPlaceIds, defaultReceptionSettings, noPlace } from '@/core/reception/defaults'
import { suggestReception } from '@/core/reception/suggestion'
import {
  changedParts,
  draftProblems,
  fromDraft,
  newCategoryDraft,
  newPlaceDraft,
  removeCategory,
  removePlace,
  toDraft,
  withLevel,
} from './reception-settings-draft'

const draft = () => toDraft(defaultReceptionSettings())
const at = (id: string) => defaultReceptionSettings().categories.findIndex((c) => c.id === id)
const supplier = at(defaultCategoryIds.supplier)

describe('the reception settings form: a draft read back into settings (REC-2, REC-3, REC-7)', () => {
  it('REC-2: the stored settings read back unchanged, with no problem', () => {
    expect(draftProblems(draft())).toEqual({ settings: defaultReceptionSettings(), problems: [] })
  })

  it('REC-2: a category’s new place and hospitality are what the desk is then told to offer', () => {
    const d = draft()
    d.categories[supplier] = { ...d.categories[supplier]!, place: defaultPlaceIds.meetingRoom, hospitality: 'coffee-drinks-tea', receivedBy: 'host' }
    const { settings, problems } = draftProblems(d)
    expect(problems).toEqual([])
    const suggested = suggestReception(settings, defaultCategoryIds.supplier)
    expect(suggested.ok && suggested.choice).toEqual({ level: 'normal', place: defaultPlaceIds.meetingRoom, hospitality: 'coffee-drinks-tea', receivedBy: 'host' })
  })

  it('REC-2: names are trimmed; a missing name in either language is named at its field', () => {
    const d = draft()
    d.categories[supplier]!.name = { 'zh-CN': '  供货商 ', en: ' ' }
    const { settings, problems } = draftProblems(d)
    expect(settings.categories[supplier]!.name['zh-CN']).toBe('供货商')
    expect(problems).toEqual([{ path: `categories.${supplier}.name.en`, problem: 'name-required' }])
  })

  it('REC-2: refusing puts the category nowhere; receiving again takes the first place', () => {
    const d = draft()
    const refused = withLevel(d.categories[supplier]!, 'refuse', d.places)
    expect(refused).toMatchObject({ level: 'refuse', place: noPlace })
    expect(withLevel(refused, 'low', d.places)).toMatchObject({ level: 'low', place: defaultPlaceIds.meetingRoom })
    // A place already chosen is kept when only the level changes.
    expect(withLevel(d.categories[supplier]!, 'high', d.places).place).toBe(defaultPlaceIds.receptionArea)
  })

  it('REC-2: removing a saved category retires it (old visits keep its id and name, no new visit is offered it); a new one is dropped', () => {
    const d = removeCategory(draft(), defaultCategoryIds.media)
    const { settings, problems } = draftProblems(d)
    expect(problems).toEqual([])
    const media = settings.categories.find((c) => c.id === defaultCategoryIds.media)
    expect(media).toMatchObject({ retired: true, name: { en: 'Media' } })
    expect(suggestReception(settings, defaultCategoryIds.media)).toEqual({ ok: false, problem: 'retired-category' })

    const added = { ...draft(), categories: [...draft().categories, newCategoryDraft('category-x', defaultPlaceIds.receptionArea)] }
    expect(removeCategory(added, 'category-x').categories.map((c) => c.id)).toEqual(draft().categories.map((c) => c.id))
  })

  it('REC-2: a new category needs its names; once named it is offered', () => {
    const d = { ...draft(), categories: [...draft().categories, newCategoryDraft('category-x', defaultPlaceIds.receptionArea)] }
    const n = d.categories.length - 1
    expect(draftProblems(d).problems).toEqual([
      { path: `categories.${n}.name.zh-CN`, problem: 'name-required' },
      { path: `categories.${n}.name.en`, problem: 'name-required' },
    ])
    d.categories[n]!.name = { 'zh-CN': '快递员', en: 'Courier' }
    const { settings, problems } = draftProblems(d)
    expect(problems).toEqual([])
    expect(suggestReception(settings, 'category-x')).toMatchObject({ ok: true, choice: { level: 'normal', place: defaultPlaceIds.receptionArea } })
  })

  it('REC-2: a saved place is never removed (visits name it); a new one is, and a category left naming it is refused', () => {
    expect(removePlace(draft(), defaultPlaceIds.meetingRoom).places).toHaveLength(draft().places.length)
    const d = { ...draft(), places: [...draft().places, { ...newPlaceDraft('place-x'), name: { 'zh-CN': '花园', en: 'Garden' } }] }
    d.categories[supplier]!.place = 'place-x'
    expect(draftProblems(d).problems).toEqual([])
    const without = removePlace(d, 'place-x')
    expect(without.places).toHaveLength(draft().places.length)
    expect(draftProblems(without).problems).toEqual([{ path: `categories.${supplier}.place`, problem: 'place-unknown' }])
  })

  it('REC-3: the acknowledgement minutes are a whole number from 1 to 120, named at their field otherwise', () => {
    const d = draft()
    d.ackMinutes = ' 10 '
    expect(draftProblems(d).settings.ackMinutes).toBe(10)
    for (const typed of ['', 'ten', '2.5', '0', '-3', '121']) {
      d.ackMinutes = typed
      expect(draftProblems(d).problems, typed).toEqual([{ path: 'ackMinutes', problem: 'ack-minutes-invalid' }])
    }
  })

  it('REC-7: a step’s fine is typed in yuan and stored in fen; an unreadable fine is named once, at its field', () => {
    const d = draft()
    d.ladders['no-badge'][0]!.fine = '80'
    expect(draftProblems(d).settings.ladders['no-badge'][0]).toEqual({ actions: ['verbal-warning', 'fine'], fine: 80_00 })
    d.ladders['no-badge'][0]!.fine = '8o'
    expect(draftProblems(d).problems).toEqual([{ path: 'ladders.no-badge.0.fine', problem: 'fine-invalid' }])
  })

  it('REC-7: a step that fines names an amount; a step with nothing to do, or a ladder with no step, is refused', () => {
    const d = draft()
    d.ladders['improper-reception'][3]!.fine = '0'
    d.ladders['improper-reception'][0]!.actions = []
    d.ladders['no-badge'] = []
    expect(draftProblems(d).problems).toEqual([
      { path: 'ladders.improper-reception.0.actions', problem: 'actions-required' },
      { path: 'ladders.improper-reception.3.fine', problem: 'fine-mismatch' },
      { path: 'ladders.no-badge', problem: 'ladder-empty' },
    ])
  })

  it('the audit entry names which parts changed, never their contents', () => {
    const before = defaultReceptionSettings()
    const d = draft()
    d.ackMinutes = '7'
    d.ladders['no-badge'][1]!.fine = '120'
    expect(changedParts(before, fromDraft(d).settings)).toEqual(['ackMinutes', 'ladders'])
    expect(changedParts(before, defaultReceptionSettings())).toEqual([])
  })
})
