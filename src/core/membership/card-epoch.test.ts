import { describe, expect, it } from 'vitest'
import { cardEpochStatus, defaultCardGraceDays } from './card-epoch'

const day = 86_400_000
const rotatedAt = Date.UTC(2027, 0, 4, 11, 30)

describe('MEM-8 card key epochs at the desk', () => {
  it('MEM-8: a card of the newest key is current', () => {
    expect(cardEpochStatus({ cardEpoch: 3, currentEpoch: 3, graceDays: 30, now: rotatedAt })).toBe('current')
  })

  it('MEM-8: a card of an older key is admitted with a prompt to reissue it, for the grace days after that key was retired', () => {
    expect(cardEpochStatus({ cardEpoch: 1, currentEpoch: 2, retiredAt: rotatedAt, graceDays: 30, now: rotatedAt })).toBe('reissue')
    expect(cardEpochStatus({ cardEpoch: 1, currentEpoch: 2, retiredAt: rotatedAt, graceDays: 30, now: rotatedAt + 30 * day - 1 })).toBe('reissue')
  })

  it('MEM-8: after the grace days the card is outdated (refused, like a revoked card: the desk reissues it)', () => {
    expect(cardEpochStatus({ cardEpoch: 1, currentEpoch: 2, retiredAt: rotatedAt, graceDays: 30, now: rotatedAt + 30 * day })).toBe('outdated')
    expect(cardEpochStatus({ cardEpoch: 1, currentEpoch: 3, retiredAt: rotatedAt, graceDays: 0, now: rotatedAt })).toBe('outdated')
  })

  it('MEM-8: the grace counts from when the card\'s own key was retired, not from the newest rotation', () => {
    // Epoch 1 retired 40 days ago, epoch 2 yesterday: a card of epoch 1 is past its grace.
    expect(cardEpochStatus({ cardEpoch: 1, currentEpoch: 3, retiredAt: rotatedAt - 40 * day, graceDays: 30, now: rotatedAt })).toBe('outdated')
  })

  it('MEM-8: an older key whose retirement this device does not know is treated as retired now: reissue, never refused silently', () => {
    expect(cardEpochStatus({ cardEpoch: 1, currentEpoch: 2, graceDays: 30, now: rotatedAt })).toBe('reissue')
  })

  it('MEM-8: the grace setting defaults to 30 days', () => {
    expect(defaultCardGraceDays).toBe(30)
  })
})
