import { describe, expect, it } from 'vitest'
import { badgeGraceAfterRotationMs, badgeKeyRetired } from './badge-epoch'

const rotatedAt = Date.UTC(2026, 11, 7, 6, 0)

describe('REC-4, MEM-8 badges of a replaced card key', () => {
  it('REC-4: a badge of the newest key, or of a key whose replacement this device has not seen, is not retired', () => {
    expect(badgeKeyRetired(undefined, rotatedAt + 10 * badgeGraceAfterRotationMs)).toBe(false)
  })

  it('REC-4: a badge of a replaced key reads for a day after the replacement (the day it was printed for), then no more', () => {
    expect(badgeGraceAfterRotationMs).toBe(24 * 3_600_000)
    expect(badgeKeyRetired(rotatedAt, rotatedAt + badgeGraceAfterRotationMs - 60_000)).toBe(false)
    expect(badgeKeyRetired(rotatedAt, rotatedAt + badgeGraceAfterRotationMs + 60_000)).toBe(true)
  })
})
