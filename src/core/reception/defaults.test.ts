import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { defaultAckMinutes, defaultPlaceIds, defaultReceptionSettings } from './defaults'
import { receptionSettingsSchema } from './schemas'

describe('REC-2, REC-3, REC-7 default reception settings', () => {
  const settings = defaultReceptionSettings()

  it('REC-2: the defaults are records the schema accepts', () => {
    expect(v.safeParse(receptionSettingsSchema, settings).success).toBe(true)
  })

  it('REC-3: a host has 5 minutes to acknowledge before the desk is reminded', () => {
    expect(settings.ackMinutes).toBe(5)
    expect(defaultAckMinutes).toBe(5)
  })

  it('REC-5: the teaching/academic area is the one restricted place', () => {
    expect(settings.places.filter((p) => p.restricted).map((p) => p.id)).toEqual([defaultPlaceIds.academicArea])
    expect(settings.places.find((p) => p.restricted)?.name['zh-CN']).toContain('学术')
  })

  it('REC-7: the ladders are the regulation’s, fines in fen', () => {
    expect(settings.ladders['improper-reception'].map((s) => s.fine)).toEqual([0, 0, 0, 50_00])
    expect(settings.ladders['no-badge'].map((s) => s.fine)).toEqual([50_00, 100_00])
  })

  it('REC-2: each call is a fresh copy (a manager’s draft never edits the defaults)', () => {
    const draft = defaultReceptionSettings()
    draft.categories[0]!.name.en = 'changed'
    draft.ladders['no-badge'][0]!.actions.push('education')
    expect(defaultReceptionSettings().categories[0]!.name.en).not.toBe('changed')
    expect(defaultReceptionSettings().ladders['no-badge'][0]!.actions).toEqual(['verbal-warning', 'fine'])
  })
})
