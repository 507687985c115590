/**
 * The CouchDB-compatible HTTP API (express-pouchdb) with admin party off, and
 * the session look-up the admin-only guard needs.
 */
import { devNull } from 'node:os'
import { join, resolve } from 'node:path'
import expressPouchDB from 'express-pouchdb'
import { ADMIN_USER } from './admin-password.js'
import { requirePatchPoint } from './patch-point.js'
import { createPouchClass } from './pouch-class.js'
import { userCtxOfRequest } from './request-roles.js'
import { guardAdminDocuments, keepReplicatedHistory, limitLocalDocuments, repairSystemDbProtection, reportRefusedChanges } from './pouch-repairs.js'
import { sessionLogIn } from './session-login.js'

/**
 * Parts of express-pouchdb's `fullCouchDB` mode that Lobby does not use. What
 * stays: _users, _session, _security, validate_doc_update, _changes,
 * _bulk_docs, _revs_diff, _bulk_get, _compact, _find and _config (the last
 * three for server admins only: server/admin-guard.js).
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
  // Views: Lobby's documents are ciphertext, so it queries on the device and
  // has no views; nor does its admin. `_temp_view` evaluated the request's
  // `map` for anyone, before any permission check, with Node's `vm` (no
  // sandbox: the code reached the server's process). server/admin-guard.js
  // refuses these paths to non-admins as well, should a route come back.
  'routes/temp-views', 'routes/views', 'routes/ddoc-info', 'routes/view-cleanup',
]

/**
 * The parts of an express-pouchdb app this server hooks into, each checked, so
 * that a version without one refuses to start rather than run unrepaired.
 * @param {any} pouchApp
 */
export function checkExpressPouchDB(pouchApp) {
  requirePatchPoint(pouchApp?.dbWrapper?.wrap, 'express-pouchdb app.dbWrapper.wrap')
  for (const method of ['get', 'set', 'on', 'removeListener']) {
    requirePatchPoint(pouchApp?.couchConfig?.[method], `express-pouchdb app.couchConfig.${method}`)
  }
  requirePatchPoint(pouchApp?.daemonManager?._daemons, 'express-pouchdb app.daemonManager._daemons', Array.isArray)
  requirePatchPoint(pouchApp?.setPouchDB, 'express-pouchdb app.setPouchDB')
}

/** @param {any} config express-pouchdb's couchConfig @param {string} section @param {string} key @param {string} value */
function setConfig(config, section, key, value) {
  return new Promise((done, fail) => config.set(section, key, value,
    (/** @type {Error | null} */ err) => (err ? fail(err) : done(undefined))))
}

/**
 * @param {{ dataDir: string, memory: boolean, adminPassword: string, sessionSecret: string,
 *   signInLimiter: import('./sign-in-limits.js').SignInLimiter }} options
 */
export async function createPouchServer({ dataDir, memory, adminPassword, sessionSecret, signInLimiter }) {
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
  checkExpressPouchDB(pouchApp)
  pouchApp.disable('x-powered-by')
  const config = pouchApp.couchConfig

  const usersDbName = () => config.get('couch_httpd_auth', 'authentication_db')
  // Every instance express-pouchdb hands out (per request, for its session
  // look-ups, ours below) passes through here once wrapped (server/pouch-repairs.js).
  const dbWrapper = pouchApp.dbWrapper
  const wrap = dbWrapper.wrap.bind(dbWrapper)
  dbWrapper.wrap = async (/** @type {string} */ name, /** @type {any} */ db) => {
    const wrapped = keepReplicatedHistory(limitLocalDocuments(guardAdminDocuments(reportRefusedChanges(await wrap(name, db)))))
    return name === usersDbName() ? repairSystemDbProtection(wrapped) : wrapped
  }
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

  // Settings go in before the app is handed out (no request can arrive
  // earlier), and not before setPouchDB(): express-pouchdb reacts to an auth
  // change by polling, without end, for a PouchDB to be set.
  // The cookie-signing key from the data folder, so restarts keep sessions
  // (express-pouchdb would draw a new one per start).
  await setConfig(config, 'couch_httpd_auth', 'secret', sessionSecret)
  // Admin party off. config.set() stores the password hashed.
  //
  // PASSWORD HASHING — known weakness, see docs/security.md. pouchdb-auth
  // hashes the admin password here and every `_users` password on write with
  // PBKDF2-SHA1 at `couch_httpd_auth/iterations`, which express-pouchdb
  // defaults to 10 rounds (CouchDB before 3.4 did the same). Raising it is no
  // real fix: pouchdb-auth's PBKDF2 is synchronous pure JavaScript (about
  // 7 ms per 1000 rounds), so each sign-in would block the whole server.
  // Lobby must not rely on these hashes alone; docs/security.md says what
  // does protect the data.
  await setConfig(config, 'admins', ADMIN_USER, adminPassword)

  // One wrapped `_users` instance for role look-ups and sign-in: every wrap
  // registers the db in pouchdb-auth for good, so wrapping per request would
  // leak. It holds a snapshot of the admins and the secret, so it is replaced
  // whenever those settings change (rare: only an admin's `_config` write; the
  // old one stays registered, as in-flight requests may still use it).
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
    /** `POST /_session`, to mount in front of pouchApp: sign-in on the shared `_users` instance. */
    logIn: sessionLogIn(getUsersDb, signInLimiter),
    /** The name and roles express-pouchdb will see for a request. @param {import('express').Request} req */
    userCtxOf: async (req) => userCtxOfRequest(req, await getUsersDb()),
    /** @param {import('express').Request} req */
    rolesOf: async (req) => (await userCtxOfRequest(req, await getUsersDb())).roles,
    usersDbName,
    getUsersDb,
    async close() {
      config.removeListener('admins', forgetUsersDb)
      config.removeListener('couch_httpd_auth', forgetUsersDb)
      // Take it out of pouchdb-auth's process-wide registry (the instances
      // express-pouchdb wrapped itself stay there: a few per server).
      try {
        (await usersDb)?.stopUsingAsAuthenticationDB()
      } catch {
        // not wrapped after all: nothing to take out
      }
      // daemonManager.stop() gives up at the first daemon without a stop()
      // (the very first one), so its listeners would outlive the server.
      for (const daemon of pouchApp.daemonManager._daemons) await daemon.stop?.(Pouch)
      await closeAll()
      // The log stream is not exposed otherwise; end it so no file stays open.
      pouchApp.couchLogger?._stream?.end()
    },
  }
}
