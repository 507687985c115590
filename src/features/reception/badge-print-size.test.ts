import { afterEach, describe, expect, it, vi } from 'vitest'
import { badgePrintSizeOf, rememberBadgePrintSize, rememberedBadgePrintSize } from './badge-print-size'

afterEach(() => {
  vi.unstubAllGlobals()
})

function memoryStorage() {
  const kept = new Map<string, string>()
  return {
    kept,
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
    removeItem: (k: string) => void kept.delete(k),
  }
}

describe('REC-4 the badge paper is a device choice', () => {
  it('REC-4: the label is the default; only a known size is taken from what the device kept', () => {
    expect(badgePrintSizeOf(null)).toBe('label')
    expect(badgePrintSizeOf('a6')).toBe('a6')
    expect(badgePrintSizeOf('label')).toBe('label')
    expect(badgePrintSizeOf('A4; injected')).toBe('label')
  })

  it('REC-4: the choice is remembered on this device, as the size alone (no personal data)', () => {
    const storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    expect(rememberedBadgePrintSize()).toBe('label')
    rememberBadgePrintSize('a6')
    expect(rememberedBadgePrintSize()).toBe('a6')
    expect([...storage.kept.values()]).toEqual(['a6'])
  })
})
