/**
 * The server admin's password: generated once, kept in `<dataDir>/admin-password`
 * (mode 0600, directory 0700) and reused on later starts; in memory mode a new
 * one per start that is never written anywhere.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ADMIN_USER = 'admin'

/** @param {string} dataDir */
export function adminPasswordPath(dataDir) {
  return join(resolve(dataDir), 'admin-password')
}

function generatePassword() {
  return randomBytes(24).toString('base64url')
}

/**
 * @param {{ dataDir: string, memory: boolean, log?: (msg: string) => void }} options
 * @returns {string} the admin password
 */
export function loadOrCreateAdminPassword({ dataDir, memory, log = () => {} }) {
  if (memory) return generatePassword()

  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 })
  const file = adminPasswordPath(dataDir)
  try {
    // 'wx' fails if the file exists, so a password already in use is never replaced.
    const password = generatePassword()
    writeFileSync(file, password + '\n', { mode: 0o600, flag: 'wx' })
    return password
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err
  }

  if ((statSync(file).mode & 0o077) !== 0) {
    // Copied or restored with loose permissions: tighten rather than refuse to start.
    chmodSync(file, 0o600)
    log(`Tightened permissions of ${file} to 0600`)
  }
  const password = readFileSync(file, 'utf8').trim()
  if (!password) throw new Error(`${file} is empty; delete it to generate a new admin password`)
  return password
}
