import { describe, expect, it } from 'vitest'
import { busyDelayMs, idleDelayMs, nextRound, unreachableCapMs, type RoundOutcome } from './round-schedule'

/**
 * A fake clock: the loop's rounds against a server that does not answer from `downFrom` to `upAt`
 * (ms). Returns the instants at which rounds ran.
 */
function roundsAgainst(downFrom: number, upAt: number, until: number, pending = 0): number[] {
  const rounds: number[] = []
  let unreachable = 0
  for (let now = 0; now <= until; ) {
    rounds.push(now)
    const outcome: RoundOutcome = { reached: now < downFrom || now >= upAt, pending }
    const next = nextRound(outcome, unreachable)
    unreachable = next.unreachable
    now += next.delayMs
  }
  return rounds
}

describe('SVC-3 sync rounds while the server cannot be reached (everything syncs when the network returns)', () => {
  it('probes again soon, then backs off by doubling: 1 s, 2 s, 4 s, 8 s, 16 s, then at the cap', () => {
    const delays: number[] = []
    let unreachable = 0
    for (let i = 0; i < 8; i++) {
      const next = nextRound({ reached: false, pending: 1 }, unreachable)
      delays.push(next.delayMs)
      unreachable = next.unreachable
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, unreachableCapMs, unreachableCapMs, unreachableCapMs])
    expect(unreachableCapMs).toBeLessThanOrEqual(30_000)
    expect(unreachableCapMs).toBeGreaterThanOrEqual(15_000)
  })

  it('never waits past the cap however long the server was away', () => {
    expect(nextRound({ reached: false, pending: 0 }, 10_000).delayMs).toBe(unreachableCapMs)
  })

  it('starts a round within the cap of the server answering again, wherever in the backoff that happens', () => {
    for (const upAt of [1_500, 9_000, 45_000, 10 * 60_000 + 123]) {
      const rounds = roundsAgainst(0, upAt, upAt + 60_000, 1)
      const firstAfter = rounds.find((t) => t >= upAt)!
      expect(firstAfter - upAt, `server back at ${upAt} ms`).toBeLessThanOrEqual(unreachableCapMs)
    }
  })

  it('once the server answers, returns to the usual rhythm and forgets the backoff', () => {
    expect(nextRound({ reached: true, pending: 0 }, 7)).toEqual({ delayMs: idleDelayMs, unreachable: 0 })
    expect(nextRound({ reached: true, pending: 3 }, 7)).toEqual({ delayMs: busyDelayMs, unreachable: 0 })
    // A second outage starts over at 1 s.
    expect(nextRound({ reached: false, pending: 0 }, 0).delayMs).toBe(1_000)
  })
})
