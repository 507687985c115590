import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { anchorFor, anchorsOf, placeProblems } from './problem-placement'
import { draftProblems, newOverrideDraft, problemsWhileTyping, toDraft, withoutTier } from './settings-draft'
import { mergeForSave } from './settings-merge'

describe('MEM-1 settings form draft', () => {
  it('reads the MEM-1 defaults back unchanged, with no problem', () => {
    const draft = toDraft(defaultMembershipSettings())
    expect(draft.tiers[1]?.prices).toEqual({ month: '960.00', halfYear: '5184.00', year: '9600.00' })
    expect(draft.tiers[1]?.cap).toBe('4')
    expect(draftProblems(draft)).toEqual({ settings: defaultMembershipSettings(), problems: [] })
  })

  it('MEM-8: the card grace days: 30 for settings saved before the setting, read back as a whole number, a problem at its field otherwise', () => {
    const { cardGraceDays: _, ...before } = defaultMembershipSettings()
    const draft = toDraft(before)
    expect(draft.cardGraceDays).toBe('30')
    draft.cardGraceDays = '45'
    expect(draftProblems(draft)).toMatchObject({ settings: { cardGraceDays: 45 }, problems: [] })
    draft.cardGraceDays = 'x'
    expect(draftProblems(draft).problems).toEqual([{ path: 'cardGraceDays', problem: 'number-format' }])
    expect(anchorsOf(draft).has('cardGraceDays')).toBe(true)
  })

  it('names a price with three decimals, a negative one and an empty one at their fields, once each', () => {
    const draft = toDraft(defaultMembershipSettings())
    draft.tiers[1]!.prices.year = '12.345'
    draft.tiers[0]!.prices.month = '-1'
    draft.tiers[0]!.deposit = ' '
    expect(draftProblems(draft).problems).toEqual([
      { path: 'tiers.0.prices.month', problem: 'money-negative' },
      { path: 'tiers.0.deposit', problem: 'required' },
      { path: 'tiers.1.prices.year', problem: 'money-format' },
    ])
  })

  it('MEM-1: a price over its ceiling (99,999,999,999.00 once saved) is named while it is typed, before any save; an amount still being typed is not', () => {
    const draft = toDraft(defaultMembershipSettings())
    draft.tiers[1]!.prices.year = '99,999,999,999.00'
    draft.tiers[1]!.deposit = '100000.01'
    draft.tiers[0]!.prices.month = '960.'
    draft.tiers[0]!.name.en = 'x'.repeat(61)
    expect(problemsWhileTyping(draft)).toEqual([
      { path: 'tiers.0.name.en', problem: 'name-too-long' },
      { path: 'tiers.1.prices.year', problem: 'price-too-high' },
      { path: 'tiers.1.deposit', problem: 'deposit-too-high' },
    ])
    draft.tiers[1]!.prices.year = '1,000,000.00'
    draft.tiers[1]!.deposit = '100000'
    draft.tiers[0]!.name.en = 'x'.repeat(60)
    expect(problemsWhileTyping(draft)).toEqual([])
  })

  it('reads "120" as 120.00 yuan, an empty cap as no cap, and a cap of 0 as a cap problem', () => {
    const draft = toDraft(defaultMembershipSettings())
    draft.tiers[0]!.prices.month = '120'
    draft.tiers[1]!.cap = ''
    expect(draftProblems(draft).settings.tiers[0]?.prices.month).toBe(120_00)
    expect(draftProblems(draft).settings.tiers[1]).not.toHaveProperty('cap')
    draft.tiers[1]!.cap = '0'
    expect(draftProblems(draft).problems).toEqual([{ path: 'tiers.1.cap', problem: 'cap-invalid' }])
  })

  it('MEM-2: a closed holiday for all tiers has no hours; a tier-only change naming a removed tier asks for a tier', () => {
    const draft = toDraft(defaultMembershipSettings())
    draft.overrides.push({ ...newOverrideDraft('o1'), from: '2026-10-01', to: '2026-10-07', note: '国庆' })
    expect(draftProblems(draft).settings.overrides).toEqual([{ id: 'o1', from: '2026-10-01', to: '2026-10-07', closed: true, note: '国庆' }])
    draft.overrides[0]!.allTiers = false
    draft.overrides[0]!.tiers = ['vip']
    const without = withoutTier(draft, 'vip')
    expect(draftProblems(without).problems).toEqual([{ path: 'overrides.0.tiers', problem: 'override-no-tiers' }])
  })
})

describe('where a settings problem is shown', () => {
  const anchors = anchorsOf(toDraft(defaultMembershipSettings()))

  it('at its field, else at the nearest drawn ancestor, else on the page', () => {
    expect(anchorFor('tiers.1.prices.year', anchors)).toBe('tiers.1.prices.year')
    expect(anchorFor('tiers.0.hours.2.from', anchors)).toBe('tiers.0.hours.2')
    expect(anchorFor('tiers.0.id', anchors)).toBe('tiers.0')
    expect(anchorFor('somethingNew', anchors)).toBe('')
  })

  it('shows a problem repeated at one path once', () => {
    const placed = placeProblems(
      [
        { path: 'tiers.0.cap', problem: 'cap-invalid' },
        { path: 'tiers.0.cap', problem: 'cap-invalid' },
      ],
      anchors,
    )
    expect(placed.get('tiers.0.cap')).toHaveLength(1)
  })
})

describe('saving over another device’s save', () => {
  const base = defaultMembershipSettings()
  const mine = { ...defaultMembershipSettings(), pointsPerYuan: 2 }
  const holiday = { id: 'h', from: '2026-10-01', to: '2026-10-07', closed: true, note: '国庆' }

  it('keeps a calendar change saved elsewhere when only the points changed here', () => {
    const latest = { ...defaultMembershipSettings(), overrides: [holiday] }
    expect(mergeForSave(base, mine, latest)).toEqual({ ok: true, settings: { ...latest, pointsPerYuan: 2 } })
  })

  it('reports a part changed differently on both sides, and keeps mine only when asked', () => {
    const latest = { ...defaultMembershipSettings(), pointsPerYuan: 3 }
    expect(mergeForSave(base, mine, latest)).toEqual({ ok: false, conflicts: ['pointsPerYuan'] })
    expect(mergeForSave(base, mine, latest, true)).toEqual({ ok: true, settings: mine })
  })

  it('stores the whole form when nothing was stored yet', () => {
    expect(mergeForSave(base, mine, undefined)).toEqual({ ok: true, settings: mine })
  })
})
