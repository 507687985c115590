/**
 * The key that signs `AuthSession` cookies (CouchDB's `couch_httpd_auth/secret`),
 * kept in `<dataDir>/session-secret` (mode 0600) so a restart does not sign
 * everyone out. In memory mode a new one per start, written nowhere.
 * Whoever reads this file can forge a session for any user: treat it like the
 * admin password.
 */
import { randomBytes } from 'node:crypto'
import { loadOrCreateSecret } from './secret-file.js'

/**
 * @param {{ dataDir: string, memory: boolean, log?: (msg: string) => void }} options
 * @returns {string} 64 hex digits
 */
export function loadOrCreateSessionSecret({ dataDir, memory, log }) {
  return loadOrCreateSecret({
    dataDir, memory, log, fileName: 'session-secret', generate: () => randomBytes(32).toString('hex'),
  })
}
