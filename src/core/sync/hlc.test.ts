import { describe, expect, it } from 'vitest'
import { formatHlc, parseHlc, tick, ticks } from './hlc'

describe('hybrid logical clock', () => {
  it('a bulk write takes clocks that sort in the order of its records, within one millisecond', () => {
    const issued = ticks({ wall: 1_000, count: 5, device: 'd1' }, 10_000, 1_000, 'd1').map(formatHlc)
    expect(issued).toHaveLength(10_000)
    expect(parseHlc(issued[0]!)).toEqual({ wall: 1_000, count: 6, device: 'd1' })
    expect([...issued].sort()).toEqual(issued)
    expect(new Set(issued).size).toBe(10_000)
  })

  it('a counter at its last value moves the clock a millisecond ahead rather than failing', () => {
    const full = { wall: 2_000, count: 36 ** 4 - 1, device: 'd1' }
    const next = tick(full, 2_000, 'd1')
    expect(next).toEqual({ wall: 2_001, count: 0, device: 'd1' })
    expect(formatHlc(next) > formatHlc(full)).toBe(true)
  })

  it('no clocks for an empty write', () => {
    expect(ticks(undefined, 0, 1_000, 'd1')).toEqual([])
  })
})
