import { describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultPlaceIds, defaultReceptionSettings, noPlace } from './defaults'
import { checkReceptionSettings, fineCeiling } from './settings-check'
import type { ReceptionSettings, VisitorCategory } from './types'

const base = defaultReceptionSettings()
const supplierAt = base.categories.findIndex((c) => c.id === defaultCategoryIds.supplier)
const insuranceAt = base.categories.findIndex((c) => c.id === defaultCategoryIds.insuranceSales)
const withCategory = (at: number, change: Partial<VisitorCategory>): ReceptionSettings => ({
  ...base,
  categories: base.categories.map((c, i) => (i === at ? { ...c, ...change } : c)),
})
const withLadder = (kind: 'no-badge' | 'improper-reception', steps: ReceptionSettings['ladders']['no-badge']): ReceptionSettings => ({
  ...base,
  ladders: { ...base.ladders, [kind]: steps },
})

describe('REC-2, REC-3, REC-7 reception settings a manager saves', () => {
  it('REC-2: the default settings pass', () => {
    expect(checkReceptionSettings(defaultReceptionSettings())).toEqual([])
  })

  it('REC-2: a category must name an existing place', () => {
    expect(checkReceptionSettings(withCategory(supplierAt, { place: 'roof' }))).toEqual([{ path: `categories.${supplierAt}.place`, problem: 'place-unknown' }])
  })

  it('REC-2: only a refused category has no place, and a refused category has none', () => {
    expect(checkReceptionSettings(withCategory(supplierAt, { place: noPlace }))).toEqual([{ path: `categories.${supplierAt}.place`, problem: 'place-unknown' }])
    expect(checkReceptionSettings(withCategory(insuranceAt, { place: defaultPlaceIds.receptionArea }))).toEqual([
      { path: `categories.${insuranceAt}.place`, problem: 'refused-has-place' },
    ])
  })

  it('REC-2: category ids are unique and not empty', () => {
    expect(checkReceptionSettings(withCategory(supplierAt, { id: defaultCategoryIds.media }))).toEqual([{ path: `categories.${supplierAt}.id`, problem: 'id-duplicate' }])
    expect(checkReceptionSettings(withCategory(supplierAt, { id: ' ' }))).toEqual([{ path: `categories.${supplierAt}.id`, problem: 'id-required' }])
  })

  it('REC-2: place ids are unique, and none is the "not let in" place', () => {
    const dup = { ...base, places: [...base.places, { ...base.places[0]! }] }
    expect(checkReceptionSettings(dup)).toEqual([{ path: `places.${base.places.length}.id`, problem: 'id-duplicate' }])
    const reserved = { ...base, places: [...base.places, { id: noPlace, name: { 'zh-CN': '无', en: 'None' }, restricted: false }] }
    expect(checkReceptionSettings(reserved)).toEqual([{ path: `places.${base.places.length}.id`, problem: 'id-reserved' }])
  })

  it('REC-2: both names of a category are given and at most 60 characters', () => {
    const unnamed = withCategory(supplierAt, { name: { 'zh-CN': '', en: 'x'.repeat(61) } })
    expect(checkReceptionSettings(unnamed)).toEqual([
      { path: `categories.${supplierAt}.name.zh-CN`, problem: 'name-required' },
      { path: `categories.${supplierAt}.name.en`, problem: 'name-too-long' },
    ])
  })

  it('REC-2: both names of a place are given', () => {
    const places = base.places.map((p, i) => (i === 0 ? { ...p, name: { 'zh-CN': '会议室', en: '  ' } } : p))
    expect(checkReceptionSettings({ ...base, places })).toEqual([{ path: 'places.0.name.en', problem: 'name-required' }])
  })

  it('REC-2: there is at least one category', () => {
    expect(checkReceptionSettings({ ...base, categories: [] })).toEqual([{ path: 'categories', problem: 'categories-required' }])
  })

  it('REC-3: the acknowledgement time is a whole number of minutes from 1 to 120', () => {
    for (const ackMinutes of [0, 121, 2.5, Number.NaN]) expect(checkReceptionSettings({ ...base, ackMinutes })).toEqual([{ path: 'ackMinutes', problem: 'ack-minutes-invalid' }])
    for (const ackMinutes of [1, 120]) expect(checkReceptionSettings({ ...base, ackMinutes })).toEqual([])
  })

  it('REC-7: each ladder has at least one step', () => {
    expect(checkReceptionSettings(withLadder('no-badge', []))).toEqual([{ path: 'ladders.no-badge', problem: 'ladder-empty' }])
  })

  it('REC-7: each step does something', () => {
    expect(checkReceptionSettings(withLadder('no-badge', [{ actions: [], fine: 0 }]))).toEqual([{ path: 'ladders.no-badge.0.actions', problem: 'actions-required' }])
  })

  it('REC-7: a fine is whole fen, not negative, not above the ceiling', () => {
    const step = (fine: number) => withLadder('improper-reception', [{ actions: ['fine'], fine }])
    expect(checkReceptionSettings(step(-1))).toEqual([{ path: 'ladders.improper-reception.0.fine', problem: 'fine-invalid' }])
    expect(checkReceptionSettings(step(0.5))).toEqual([{ path: 'ladders.improper-reception.0.fine', problem: 'fine-invalid' }])
    expect(checkReceptionSettings(step(fineCeiling + 1))).toEqual([{ path: 'ladders.improper-reception.0.fine', problem: 'fine-too-high' }])
    expect(checkReceptionSettings(step(fineCeiling))).toEqual([])
  })

  it('REC-7: a step fines if and only if it has an amount', () => {
    expect(checkReceptionSettings(withLadder('no-badge', [{ actions: ['verbal-warning'], fine: 50_00 }]))).toEqual([{ path: 'ladders.no-badge.0.fine', problem: 'fine-mismatch' }])
    expect(checkReceptionSettings(withLadder('no-badge', [{ actions: ['fine'], fine: 0 }]))).toEqual([{ path: 'ladders.no-badge.0.fine', problem: 'fine-mismatch' }])
  })
})
