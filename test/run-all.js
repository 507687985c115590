/**
 * `npm test`: lint, type check, then every Vitest project (unit, server, e2e),
 * and one summary line: "N passed, N failed" (", N skipped" only if any).
 * Lint and the type check count as one check each. Without Chromium the E2E tests cannot run,
 * so it stops at once and says how to get it rather than reporting them as skipped.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { chromiumPath } from '../scripts/chromium.js'
import { countReport } from './run-summary.js'

if (!existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}: the end-to-end tests need it. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`)
  process.exit(1)
}

const counts = { passed: 0, failed: 0, skipped: 0 }
const failures = []

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } })
  return r.status === 0
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) counts.passed++
  else {
    counts.failed++
    failures.push(label)
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
check('lint', npx, ['eslint', '.'])
check('type check', 'npm', ['run', '--silent', 'typecheck'])

mkdirSync('.e2e', { recursive: true })
const report = '.e2e/vitest-report.json'
rmSync(report, { force: true })
const vitestOk = run('unit, server and end-to-end tests', npx, [
  'vitest', 'run', ...process.argv.slice(2), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
])
if (existsSync(report)) {
  const tests = countReport(JSON.parse(readFileSync(report, 'utf8')))
  counts.passed += tests.passed
  counts.failed += tests.failed
  counts.skipped += tests.skipped
  failures.push(...tests.failures)
} else if (!vitestOk) {
  counts.failed++
  failures.push('vitest did not produce a report')
}
if (!vitestOk && counts.failed === 0) {
  counts.failed++
  failures.push('vitest exited with an error')
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`)
const skipped = counts.skipped ? `, ${counts.skipped} skipped` : ''
console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`)
process.exit(counts.failed ? 1 : 0)
