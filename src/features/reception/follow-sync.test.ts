import { describe, expect, it } from 'vitest'
import { rereadAfterRound } from './follow-sync'

const seen = { arrivals: 3, day: '2026-12-07' }

// REC-1, REC-5, REC-6: the in-building and expected lists and the approvals follow what other tablets write.
describe('the reception lists follow sync', () => {
  it('REC-6: a round that brought another device’s desk records reads today again', () => {
    expect(rereadAfterRound({ ended: true }, seen, { arrivals: 4, day: '2026-12-07' })).toBe(true)
  })

  it('REC-6: a round that brought nothing reads nothing (the lists already hold this tablet’s own writes)', () => {
    expect(rereadAfterRound({ ended: true }, seen, { arrivals: 3, day: '2026-12-07' })).toBe(false)
  })

  it('REC-1: a new day reads the new day’s lists even when nothing arrived', () => {
    expect(rereadAfterRound({ ended: true }, seen, { arrivals: 3, day: '2026-12-08' })).toBe(true)
  })

  it('nothing is read while a round is still running', () => {
    expect(rereadAfterRound({ ended: false }, seen, { arrivals: 9, day: '2026-12-07' })).toBe(false)
  })
})
