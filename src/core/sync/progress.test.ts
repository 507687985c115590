import { describe, expect, it } from 'vitest'
import { progressEstimate } from './progress'

const p = (done: number, total: number) => ({ database: 'lobby_directory', done, total, startedAt: 0 })

describe('issue 13: progress of a first sync', () => {
  it('the time left is the rest at the rate so far, rounded up to 5 s', () => {
    // 2,500 of 10,000 in 10 s: 7,500 more take 30 s.
    expect(progressEstimate(p(2_500, 10_000), 10_000)).toEqual({ percent: 25, secondsLeft: 30 })
    // 31.2 s is said as 35.
    expect(progressEstimate(p(2_500, 10_000), 10_400)).toEqual({ percent: 25, secondsLeft: 35 })
  })

  it('no estimate while too little is in to go by, and none once all is in', () => {
    expect(progressEstimate(p(150, 10_000), 10_000)).toEqual({ percent: 1 })
    expect(progressEstimate(p(1_000, 10_000), 1_500)).toEqual({ percent: 10 })
    expect(progressEstimate(p(10_000, 10_000), 20_000)).toEqual({ percent: 100 })
  })

  it('never more than all, never less than 5 s while something is left', () => {
    expect(progressEstimate(p(10_400, 10_000), 20_000)).toEqual({ percent: 100 })
    expect(progressEstimate(p(9_990, 10_000), 20_000)).toEqual({ percent: 99, secondsLeft: 5 })
    expect(progressEstimate(p(0, 0), 5_000)).toEqual({ percent: 100 })
  })
})
