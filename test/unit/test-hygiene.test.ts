import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Issue 9 §7: the habits the next desks' tests will copy. Each guard names the files that break it.
const root = fileURLToPath(new URL('../../', import.meta.url))

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p).replaceAll('\\', '/'))
    .filter(keep)
}
const testFiles = [
  ...filesUnder('test', (p) => /\.(ts|js)$/.test(p)),
  ...filesUnder('src', (p) => p.endsWith('.test.ts')),
].filter((p) => p !== relative(root, fileURLToPath(import.meta.url)).replaceAll('\\', '/'))

/** `path:line` of every line matching `pattern` in `files`, unless `allowed(line, previousLine)` says otherwise. */
function offending(files: string[], pattern: RegExp, allowed: (line: string, previous: string) => boolean = () => false): string[] {
  return files.flatMap((file) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n')
    return lines.flatMap((line, i) => (pattern.test(line) && !allowed(line, lines[i - 1] ?? '') ? [`${file}:${i + 1}`] : []))
  })
}

describe('test hygiene', () => {
  it('E2E screenshots go under the ignored artifacts/ folder, never /tmp', () => {
    expect(offending(testFiles, /screenshot\(\{[^}]*path:/, (line) => line.includes('artifactPath('))).toEqual([])
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('artifacts/')
  })

  it('tests start the embedded server only through test/support/lobby-server.ts', () => {
    expect(offending(testFiles.filter((p) => p !== 'test/support/lobby-server.ts'), /createLobbyServer\(|\.app\.listen\(|createHttpServer\(/)).toEqual([])
  })

  it('tests poll or use a fake clock instead of sleeping; a deliberate "nothing happens" wait says why on the line before', () => {
    const sleep = /setTimeout\([^,]+,\s*[1-9]|waitForTimeout\(|\bsleep\(|\bdelay\(/
    // A file on vi.useFakeTimers() sleeps on the fake clock: no real time passes.
    const onRealClock = testFiles.filter((p) => !readFileSync(join(root, p), 'utf8').includes('vi.useFakeTimers()'))
    expect(offending(onRealClock, sleep, (_line, previous) => /\/\/ Deliberate wait:/.test(previous))).toEqual([])
  })
})
