import { describe, expect, it } from 'vitest'
import { installOfferQuiet, installQuietDays } from './install-dismissal'

const day = 24 * 60 * 60 * 1000
const now = Date.UTC(2026, 11, 7, 2, 0)

describe('install offer after "Not now" (issue 10: it reappeared after every reload)', () => {
  it('stays quiet for 30 days after the dismissal on this device', () => {
    expect(installQuietDays).toBe(30)
    expect(installOfferQuiet(String(now), now)).toBe(true)
    expect(installOfferQuiet(String(now - 29 * day), now)).toBe(true)
  })
  it('offers again once the 30 days are over', () => {
    expect(installOfferQuiet(String(now - 30 * day), now)).toBe(false)
    expect(installOfferQuiet(String(now - 400 * day), now)).toBe(false)
  })
  it('offers when nothing, or nothing readable, was remembered', () => {
    for (const kept of [null, '', 'soon', 'NaN']) expect(installOfferQuiet(kept, now), String(kept)).toBe(false)
  })
  it('does not stay quiet for ever on a dismissal dated in the future (a clock that was wrong)', () => {
    expect(installOfferQuiet(String(now + 365 * day), now)).toBe(false)
    // A few minutes ahead is another tab's clock tick, not a wrong clock.
    expect(installOfferQuiet(String(now + 60_000), now)).toBe(true)
  })
})
