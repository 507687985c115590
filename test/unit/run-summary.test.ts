import { describe, expect, it } from 'vitest'
import { countReport } from '../run-summary.js'

/** The shape Vitest's JSON reporter writes (only the fields the summary reads). */
function report(files: { name: string; status: string; message?: string; tests: string[] }[]) {
  const all = files.flatMap((f) => f.tests)
  return {
    numPassedTests: all.filter((s) => s === 'passed').length,
    numFailedTests: all.filter((s) => s === 'failed').length,
    numPendingTests: all.filter((s) => s === 'skipped' || s === 'pending').length,
    numTodoTests: all.filter((s) => s === 'todo').length,
    testResults: files.map((f) => ({ name: f.name, status: f.status, message: f.message ?? '', assertionResults: f.tests.map((status) => ({ status })) })),
  }
}

describe('npm test summary (test/run-summary.js)', () => {
  it('counts the tests of a file whose beforeAll failed as failed, not skipped', () => {
    // What Vitest reports when Chromium is missing: the file failed, its tests "skipped".
    const r = report([
      { name: 'test/e2e/lock.e2e.ts', status: 'failed', message: 'browserType.launch: Failed to launch', tests: ['skipped', 'skipped', 'skipped'] },
      { name: 'test/unit/a.test.ts', status: 'passed', tests: ['passed', 'passed', 'skipped'] },
    ])
    const counts = countReport(r)
    expect(counts).toMatchObject({ passed: 2, failed: 3, skipped: 1 })
    expect(counts.failures).toEqual(['test/e2e/lock.e2e.ts: browserType.launch: Failed to launch'])
  })

  it('keeps tests skipped on purpose skipped in a file where a test failed', () => {
    const r = report([{ name: 'test/unit/b.test.ts', status: 'failed', tests: ['failed', 'skipped', 'passed'] }])
    expect(countReport(r)).toMatchObject({ passed: 1, failed: 1, skipped: 1 })
  })

  it('counts a file that failed to load (no tests) as one failure', () => {
    const r = report([{ name: 'test/unit/c.test.ts', status: 'failed', message: 'SyntaxError', tests: [] }])
    const counts = countReport(r)
    expect(counts).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
    expect(counts.failures).toEqual(['test/unit/c.test.ts: SyntaxError'])
  })

  it('counts a file that failed after all its tests passed (afterAll) as one failure', () => {
    const r = report([{ name: 'test/unit/d.test.ts', status: 'failed', message: 'afterAll threw', tests: ['passed'] }])
    expect(countReport(r)).toMatchObject({ passed: 1, failed: 1, skipped: 0 })
  })
})
