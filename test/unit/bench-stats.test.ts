import { describe, expect, it } from 'vitest'
import { percentile, resultsJson, summarise } from '../../bench/stats'

/** Issue 9 §6: `npm run bench` writes bench/results.json with one object per metric. */
describe('bench statistics and bench/results.json', () => {
  it('takes the nearest-rank p95, so one slow run in twenty is the p95 and two are the max', () => {
    const runs = [...Array.from({ length: 18 }, () => 10), 40, 90]
    expect(percentile([...runs].sort((a, b) => a - b), 95)).toBe(40)
    expect(percentile([1, 2, 3, 4, 5], 95)).toBe(5)
    expect(percentile([], 95)).toBeNaN()
  })

  it('summarises unsorted runs into min, median, p95 and max, keeping the runs in the order taken', () => {
    const r = summarise('checkin_scan_ms', 'scan → verdict', [30, 10, 50, 20, 40])
    expect(r).toMatchObject({ metric: 'checkin_scan_ms', unit: 'ms', runs: 5, min: 10, median: 30, p95: 50, max: 50, samples: [30, 10, 50, 20, 40] })
  })

  it('compares the median with a baseline and judges the p95 against a goal', () => {
    const r = summarise('checkin_scan_ms', 'scan → verdict', [60, 70, 80, 90, 274], 'ms', { baseline: 137, goal: 50 })
    expect(r.ratio_to_baseline).toBe(0.58)
    expect(r.pass).toBe(false)
    expect(summarise('phone_search_ms', 'search', [1, 2, 3, 4, 5], 'ms', { goal: 10 }).pass).toBe(true)
    // "p95 < 10 ms": exactly 10 is not under it.
    expect(summarise('phone_search_ms', 'search', [10, 10, 10, 10, 10], 'ms', { goal: 10 }).pass).toBe(false)
  })

  it('writes an array of { metric, unit, median, p95, runs, baseline, ratio_to_baseline } objects, the baseline fields null where none applies', () => {
    const rows = [summarise('checkin_scan_ms', 'scan', [60, 70, 80, 90, 100], 'ms', { baseline: 137, goal: 50 }), summarise('desk_heap_growth_mb', 'heap', [1.5], 'MB')]
    const written = JSON.parse(resultsJson(rows)) as Record<string, unknown>[]
    expect(written).toHaveLength(2)
    expect(written[0]).toMatchObject({ metric: 'checkin_scan_ms', unit: 'ms', median: 80, p95: 100, runs: 5, baseline: 137, ratio_to_baseline: 0.58, goal: 50, pass: false })
    expect(written[1]).toMatchObject({ metric: 'desk_heap_growth_mb', unit: 'MB', median: 1.5, p95: 1.5, runs: 1 })
    expect(written[1]).toMatchObject({ baseline: null, ratio_to_baseline: null })
    expect(written[0]).not.toHaveProperty('label')
  })
})
