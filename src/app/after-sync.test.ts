import { describe, expect, it } from 'vitest'
import { roundEnded } from './after-sync'

describe('work after a sync round (issue 15: finished jobs taken in)', () => {
  it('runs when the engine leaves a round, whatever the round ended in; not when one starts or nothing changed', () => {
    expect(roundEnded('idle', 'syncing')).toBe(true)
    expect(roundEnded('offline', 'syncing')).toBe(true)
    expect(roundEnded('syncing', 'idle')).toBe(false)
    expect(roundEnded('idle', 'signed-out')).toBe(false)
    expect(roundEnded('idle', undefined)).toBe(false)
  })
})
