import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('npm test without Chromium (test/run-all.js)', () => {
  it('stops at once with one line saying how to install it, before lint and the type check', () => {
    // If run-all went on to lint, it would not be done within the timeout and `status` would be null.
    const r = spawnSync(process.execPath, ['test/run-all.js'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
      timeout: 10_000,
    })
    expect(r.status).toBe(1)
    const lines = `${r.stdout}${r.stderr}`.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('/nonexistent/chromium')
    expect(lines[0]).toContain('apt-get install -y chromium')
    expect(lines[0]).toContain('CHROMIUM_PATH')
  })
})
