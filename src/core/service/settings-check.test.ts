import { describe, expect, it } from 'vitest'
import { checkServiceSettings, defaultServiceSettings } from './settings-check'

describe('SVC-4 service settings', () => {
  it('SVC-4: the default is 3 attempts, and it may be saved', () => {
    expect(defaultServiceSettings).toEqual({ unreachableAttempts: 3 })
    expect(checkServiceSettings(defaultServiceSettings)).toEqual([])
  })

  it('SVC-4: 3, 4 and 5 attempts may be saved; 2, 6, 3.5 and NaN may not', () => {
    for (const n of [3, 4, 5]) expect(checkServiceSettings({ unreachableAttempts: n }), String(n)).toEqual([])
    for (const n of [2, 6, 3.5, Number.NaN])
      expect(checkServiceSettings({ unreachableAttempts: n }), String(n)).toEqual([{ field: 'unreachableAttempts', code: 'out-of-range' }])
  })
})
