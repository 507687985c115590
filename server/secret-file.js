/**
 * A secret kept in a file of the data directory: generated once (mode 0600,
 * directory 0700) and reused on later starts; in memory mode a new one per
 * start that is never written anywhere.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * @param {{ dataDir: string, memory: boolean, fileName: string, generate: () => string, log?: (msg: string) => void }} options
 * @returns {string} the secret
 */
export function loadOrCreateSecret({ dataDir, memory, fileName, generate, log = () => {} }) {
  if (memory) return generate()

  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 })
  const file = join(resolve(dataDir), fileName)
  try {
    // 'wx' fails if the file exists, so a secret already in use is never replaced.
    const secret = generate()
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
    return secret
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err
  }

  if ((statSync(file).mode & 0o077) !== 0) {
    // Copied or restored with loose permissions: tighten rather than refuse to start.
    chmodSync(file, 0o600)
    log(`Tightened permissions of ${file} to 0600`)
  }
  const secret = readFileSync(file, 'utf8').trim()
  if (!secret) throw new Error(`${file} is empty; delete it to generate a new one`)
  return secret
}
