/**
 * The Lobby server as an express app: the CouchDB-compatible sync API under
 * `/db/`, `/healthz`, and the built PWA at `/`, all from one origin so the
 * session cookie stays first-party. Listening is left to the caller
 * (server/start.js, server/dev.js, tests).
 */
import { readFileSync } from 'node:fs'
import express from 'express'
import { adminOnlyGuard } from './admin-guard.js'
import { ADMIN_USER, loadOrCreateAdminPassword } from './admin-password.js'
import { corsForOrigins } from './cors.js'
import { hardenSessionCookie, noStore, uncompressedFeeds } from './db-headers.js'
import { createPouchServer } from './pouch-server.js'
import { followEmbedded, provisionEmbedded } from './provision/embedded.js'
import { databaseNameFor } from './provision/names.js'
import { STAFF_ROLES } from './provision/rules.js'
import { bulkGetAsCaller, limitLocalDocumentBodies, limitRequestBodies, ownUserDocGuard, signedInForDatabasePaths, stripTrustedOptions } from './request-guards.js'
import { loadOrCreateSessionSecret } from './session-secret.js'
import { createSignInLimiter, limitBasicSignIns } from './sign-in-limits.js'
import { staticApp } from './static-app.js'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/**
 * @typedef {object} LobbyServerOptions
 * @property {string} [dataDir] holds db/ (LevelDB), log.txt, admin-password and session-secret
 * @property {boolean} [memory] keep everything in memory and write no files
 * @property {string | null} [distDir] the built app; `null` serves no app (dev server)
 * @property {string[]} [corsOrigins] exact origins allowed cross-origin, with credentials
 * @property {boolean} [provision] create and update Lobby's databases, their `_security` and
 *   validation on start (default true; server/provision/)
 * @property {string} [prefix] database name prefix (default `lobby_`)
 * @property {import('./sign-in-limits.js').SignInLimits} [signInLimits] failed sign-ins allowed per
 *   name and per address (default 10 and 50 in 15 minutes)
 * @property {(message: string) => void} [log]
 */

const ERROR_NAMES = /** @type {Record<number, string>} */ ({ 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'too_large' })

/**
 * The last handler: errors as CouchDB-style JSON. Express's own answer is an
 * HTML page with the stack trace (the server's paths and module versions);
 * a malformed `%` escape in any path was enough to get one.
 * @param {(message: string) => void} log
 * @returns {import('express').ErrorRequestHandler}
 */
function answerErrorsAsJson(log) {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err)
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 600 ? err.status : 500
    if (status >= 500) log(`Lobby: ${err?.stack ?? err}`)
    res.status(status).json({
      error: ERROR_NAMES[status] ?? (status >= 500 ? 'unknown_error' : 'error'),
      reason: status >= 500 ? 'The server could not answer this request.' : String(err?.expose === false ? '' : err?.message ?? ''),
    })
  }
}

/**
 * @param {LobbyServerOptions} [options]
 */
export async function createLobbyServer(options = {}) {
  const {
    dataDir = '.lobby-data', memory = false, distDir = 'dist', corsOrigins = [], provision = true, prefix, signInLimits,
    log = console.log,
  } = options
  // Built first: it throws on a malformed origin before anything is opened.
  const cors = corsOrigins.length > 0 ? corsForOrigins(corsOrigins) : null
  const adminPassword = loadOrCreateAdminPassword({ dataDir, memory, log })
  const sessionSecret = loadOrCreateSessionSecret({ dataDir, memory, log })
  const signInLimiter = createSignInLimiter(signInLimits)
  const pouch = await createPouchServer({ dataDir, memory, adminPassword, sessionSecret, signInLimiter })
  let ready = true

  const app = express()
  app.disable('x-powered-by')
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    next()
  })
  if (cors) app.use(cors)

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    if (!ready) return res.status(503).json({ ok: false, version })
    res.json({ ok: true, version })
  })

  app.use('/db', noStore, hardenSessionCookie, uncompressedFeeds, stripTrustedOptions, limitRequestBodies, limitLocalDocumentBodies,
    limitBasicSignIns(signInLimiter, pouch.getUsersDb))
  // CouchDB answers its root with {"couchdb":"Welcome"}, which clients and
  // tools check for; express-pouchdb's own root answer lacks it.
  app.get('/db', (_req, res) => res.json({ couchdb: 'Welcome', vendor: { name: 'Lobby', version } }))
  // Sign-in without express-pouchdb's per-request `_users` instance (server/session-login.js).
  app.post('/db/_session', pouch.logIn)
  // Guards and API share one mount so all see the same paths.
  app.use('/db',
    adminOnlyGuard(pouch.rolesOf),
    signedInForDatabasePaths(pouch.userCtxOf, { publicDb: databaseNameFor('public', prefix), staffRoles: STAFF_ROLES }),
    bulkGetAsCaller(pouch.userCtxOf),
    ownUserDocGuard(pouch),
    pouch.pouchApp)

  if (distDir !== null) app.use(staticApp(distDir))
  app.use(answerErrorsAsJson(log))

  if (provision) {
    // A ready sync server: every start brings databases, `_security` and
    // validation up to date (idempotent; nothing is written when all is in place).
    try {
      await provisionEmbedded(app, { adminUser: ADMIN_USER, adminPassword, prefix })
    } catch (err) {
      await pouch.close()
      throw new Error(`Cannot provision the sync databases: ${/** @type {Error} */ (err).message}`)
    }
  }

  // Issue 14: members' accounts and personal databases, made from the requests staff write (couch_peruser's job).
  const follower = provision ? await followEmbedded(app, { adminUser: ADMIN_USER, adminPassword, prefix, log }) : null

  return {
    app,
    adminUser: ADMIN_USER,
    adminPassword,
    async close() {
      ready = false
      await follower?.stop()
      await pouch.close()
    },
  }
}
