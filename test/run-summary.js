/**
 * Counting for `npm test`'s summary line, from Vitest's JSON report.
 * Kept apart from run-all.js so the counting itself is tested (test/unit/run-summary.test.ts).
 */

/**
 * A file that failed on its own (a load error, a beforeAll or afterAll that threw) carries a message;
 * Vitest then reports the tests it never ran as "skipped". Those count as failed: they did not pass,
 * and a missing browser must not read as "34 skipped". A file with no failed test to show for its
 * failure counts as one failure.
 *
 * @param {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number,
 *   testResults: { name: string, status: string, message?: string, assertionResults: { status: string }[] }[] }} report
 * @returns {{ passed: number, failed: number, skipped: number, failures: string[] }}
 */
export function countReport(report) {
  const counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests, failures: [] }
  for (const file of report.testResults) {
    if (file.status !== 'failed' || !file.message) continue
    const notRun = file.assertionResults.filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo').length
    const failedTests = file.assertionResults.filter((t) => t.status === 'failed').length
    counts.skipped -= notRun
    counts.failed += notRun
    if (notRun + failedTests === 0) counts.failed++
    counts.failures.push(`${file.name}: ${file.message}`)
  }
  return counts
}
