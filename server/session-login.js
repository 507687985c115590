/**
 * `POST /_session` without a leak. express-pouchdb's own handler opens and
 * wraps a new `_users` instance per request, and pouchdb-auth keeps every
 * wrapped instance in a module-level registry for good, so each sign-in
 * (right or wrong password) cost memory until the process ended. This one
 * answers the same way with the one `_users` instance the server keeps.
 */
import { createRequire } from 'node:module'
import { expressPouchUtils } from './patch-point.js'
import { sendTooManySignIns } from './sign-in-limits.js'

// express-pouchdb's own helpers, so answers and body parsing stay identical.
const requireFromExpressPouchDB = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'))
const couchUtils = expressPouchUtils(requireFromExpressPouchDB)

/**
 * `POST /_session` as express-pouchdb answers it (JSON or form body; the
 * cookie is hardened by server/db-headers.js), using `getUsersDb()`.
 * `?next=` redirects only to a path on this origin. Failed sign-ins count
 * against the name and the address (server/sign-in-limits.js); past a limit
 * the answer is 429 before the password is tried.
 * @param {() => Promise<any>} getUsersDb
 * @param {import('./sign-in-limits.js').SignInLimiter} limiter
 * @returns {import('express').RequestHandler[]}
 */
export function sessionLogIn(getUsersDb, limiter) {
  /** @type {import('express').RequestHandler} */
  const logIn = (req, res) => {
    const { name, password } = req.body ?? {}
    const next = req.query.next
    if (next !== undefined && (typeof next !== 'string' || !/^\/(?![/\\])/.test(next))) {
      return couchUtils.sendJSON(res, 400, { error: 'bad_request', reason: 'next must be a path on this server' })
    }
    const wait = limiter.blockedFor(req, name)
    if (wait) return sendTooManySignIns(res, wait)
    getUsersDb()
      .then((db) => db.multiUserLogIn(name, password))
      .then((/** @type {any} */ resp) => {
        res.cookie('AuthSession', resp.sessionID, { httpOnly: true })
        delete resp.sessionID
        if (next !== undefined) return res.location(next).status(302).end()
        couchUtils.sendJSON(res, 200, resp)
      })
      .catch((/** @type {any} */ err) => {
        if (err?.status === 401) limiter.recordFailure(req, name)
        couchUtils.sendError(res, err)
      })
  }
  return [couchUtils.jsonParser, couchUtils.urlencodedParser, logIn]
}
