/**
 * The CouchDB-compatible HTTP API (express-pouchdb) with admin party off, and
 * the session look-up the admin-only guard needs.
 */
import { devNull } from 'node:os'
import { join, resolve } from 'node:path'
import expressPouchDB from 'express-pouchdb'
import { ADMIN_USER } from './admin-password.js'
import { createPouchClass } from './pouch-class.js'
import { rolesOfRequest } from './request-roles.js'

/**
 * Parts of express-pouchdb's `fullCouchDB` mode that Lobby does not use. What
 * stays: _users, _session, _security, validate_doc_update, _changes,
 * _bulk_docs, _revs_diff, _bulk_get, _find, views, _config (admins only).
 */
const EXCLUDED_PARTS = [
  'routes/fauxton', // admin web UI: not needed, large surface
  'routes/special-test-auth', // CouchDB test-suite handler that can grant _admin via config
  'routes/session-stub', // claims `_admin` for everyone; only dead because routes/session comes first
  'routes/http-log', // access log of every request into log.txt
  'routes/vhosts', 'routes/rewrite', 'routes/cluster', 'routes/cluster-rewrite', // URL rewriting, Fauxton helpers
  'routes/replicate', 'replicator', // server-side replication: devices replicate themselves
  'routes/db-updates', // unimplemented in express-pouchdb (always 400)
  'routes/show', 'routes/list', 'routes/update', // server-side design functions, deprecated in CouchDB 3
]

/**
 * @param {{ dataDir: string, memory: boolean, adminPassword: string }} options
 */
export async function createPouchServer({ dataDir, memory, adminPassword }) {
  const { Pouch, closeAll } = createPouchClass({ dataDir, memory })
  const pouchApp = expressPouchDB({
    mode: 'fullCouchDB',
    overrideMode: { exclude: EXCLUDED_PARTS },
    // Config lives in memory, rebuilt on every start from what Lobby keeps
    // itself (the admin password file). express-pouchdb's config.json writer
    // has every save write the same temp file, so two saves in flight (its own
    // at start-up and ours below) fail or leave a corrupt config.json.
    inMemoryConfig: true,
    // Its logger always opens a file, by default ./log.txt.
    logPath: memory ? devNull : join(resolve(dataDir), 'log.txt'),
  })
  pouchApp.disable('x-powered-by')
  const config = pouchApp.couchConfig

  const usersDbName = () => config.get('couch_httpd_auth', 'authentication_db')
  try {
    // LevelDB lets one process open a database. Without this check a second
    // server on the same data directory dies later of an unhandled rejection.
    await new Pouch(usersDbName()).info()
  } catch (err) {
    await closeAll()
    pouchApp.couchLogger?._stream?.end()
    throw new Error(`Cannot open the databases in ${resolve(dataDir)} (${/** @type {Error} */ (err).message}). ` +
      'Is another Lobby server using this data directory?')
  }
  await pouchApp.setPouchDB(Pouch)

  // Admin party off before the app is handed out (no request can arrive
  // earlier). Not before setPouchDB(): express-pouchdb reacts to an admins
  // change by polling, without end, for a PouchDB to be set. config.set()
  // stores the password hashed (pouchdb-auth: PBKDF2 with only 10 rounds, a
  // known weakness, see docs/security.md).
  await new Promise((done, fail) => config.set('admins', ADMIN_USER, adminPassword,
    (/** @type {Error | null} */ err) => (err ? fail(err) : done(undefined))))

  // One wrapped `_users` instance for role look-ups: every wrap registers the
  // db in pouchdb-auth for good, so wrapping per request would leak. It holds
  // a snapshot of the admins, so it is dropped whenever those settings change.
  /** @type {Promise<any> | null} */
  let usersDb = null
  const forgetUsersDb = () => { usersDb = null }
  config.on('admins', forgetUsersDb)
  config.on('couch_httpd_auth', forgetUsersDb)
  function getUsersDb() {
    usersDb ??= pouchApp.dbWrapper.wrap(usersDbName(), new Pouch(usersDbName()))
    return /** @type {Promise<any>} */ (usersDb)
  }
  // Opening _users now also means the server is really ready when this returns.
  await (await getUsersDb()).info()

  return {
    pouchApp,
    /** @param {import('express').Request} req */
    rolesOf: async (req) => rolesOfRequest(req, await getUsersDb()),
    async close() {
      config.removeListener('admins', forgetUsersDb)
      config.removeListener('couch_httpd_auth', forgetUsersDb)
      // daemonManager.stop() gives up at the first daemon without a stop()
      // (the very first one), so its listeners would outlive the server.
      for (const daemon of pouchApp.daemonManager._daemons) await daemon.stop?.(Pouch)
      await closeAll()
      // The log stream is not exposed otherwise; end it so no file stays open.
      pouchApp.couchLogger?._stream?.end()
    },
  }
}
