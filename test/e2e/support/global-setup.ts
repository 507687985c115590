import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { distDir, nextDistDir, nextVersionSuffix, repoRoot } from './paths'

/**
 * Builds the app exactly as shipped (dist/) and a second build with a changed
 * version (.e2e/dist-next/) for the update test. LOBBY_E2E_REUSE_BUILD=1 skips
 * rebuilding when both exist (handy while writing tests; CI always rebuilds).
 */
export default function setup(): void {
  if (process.env.LOBBY_E2E_REUSE_BUILD === '1' && existsSync(`${distDir}/sw.js`) && existsSync(`${nextDistDir}/sw.js`)) return
  const { version } = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string }
  const vite = `${repoRoot}node_modules/vite/bin/vite.js`
  const build = (env: Record<string, string>) =>
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
      cwd: repoRoot,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env },
      stdio: 'inherit',
    })
  build({ LOBBY_OUT_DIR: distDir })
  build({ LOBBY_OUT_DIR: nextDistDir, LOBBY_VERSION: `${version}${nextVersionSuffix}` })
}
