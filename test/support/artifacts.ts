import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The repo's artifacts/ folder (gitignored): what a test run leaves behind for a person to look at. */
export const artifactsDir = fileURLToPath(new URL('../../artifacts/', import.meta.url))

/** Where to write `name` (e.g. "screenshots/members-list.png") under artifacts/, its folder made if missing. */
export function artifactPath(name: string): string {
  const path = `${artifactsDir}${name}`
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true })
  return path
}
