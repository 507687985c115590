/**
 * The server admin's password: generated once, kept in `<dataDir>/admin-password`
 * (mode 0600, directory 0700) and reused on later starts; in memory mode a new
 * one per start that is never written anywhere.
 */
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { loadOrCreateSecret } from './secret-file.js'

export const ADMIN_USER = 'admin'
const FILE_NAME = 'admin-password'

/** @param {string} dataDir */
export function adminPasswordPath(dataDir) {
  return join(resolve(dataDir), FILE_NAME)
}

/**
 * @param {{ dataDir: string, memory: boolean, log?: (msg: string) => void }} options
 * @returns {string} the admin password
 */
export function loadOrCreateAdminPassword({ dataDir, memory, log }) {
  return loadOrCreateSecret({
    dataDir, memory, log, fileName: FILE_NAME,
    // Never a leading '-': a password passed on a command line must not look like an option.
    generate: () => `L${randomBytes(24).toString('base64url')}`,
  })
}
