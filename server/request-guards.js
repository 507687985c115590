/**
 * Holes in express-pouchdb 4.2's authorization, closed before a request
 * reaches it. Each was reachable over HTTP; test/server/*.test.ts proves them
 * shut. (Mango routes, which skip `_security` altogether, are refused to
 * non-admins in server/admin-guard.js.)
 */
import { createRequire } from 'node:module'
import { expressPouchUtils } from './patch-point.js'
import { MAX_LOCAL_DOC_BYTES as MAX_LOCAL_DOC_BYTES_HTTP } from './pouch-repairs.js'

const requireFromExpressPouchDB = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'))
const couchUtils = expressPouchUtils(requireFromExpressPouchDB)

/** @typedef {import('./request-roles.js').UserCtx} UserCtx */
/** @typedef {(req: import('express').Request) => Promise<UserCtx>} UserCtxOf */

/**
 * express-pouchdb passes the caller's identity to PouchDB as the options
 * `userCtx` and `secObj`, and most routes build their options from the query
 * string. It overwrites both where it remembers to; no client ever gets to set
 * them.
 * @type {import('express').RequestHandler}
 */
export function stripTrustedOptions(req, _res, next) {
  for (const key of ['userCtx', 'secObj']) delete req.query[key]
  next()
}

const BULK_GET_PATH = /^\/[^/]+\/_bulk_get\/?$/i

/**
 * `POST /{db}/_bulk_get` is what replication reads documents with, and
 * express-pouchdb hands the request body to PouchDB as the options without the
 * caller's identity: `_security` counted everyone as server admin, so anyone
 * could read any document of any database. Here the body gets the caller's
 * `userCtx` (anything the client put there replaced). An empty `docs` list is
 * answered here too: PouchDB never calls back for one, so the request hung.
 * @param {UserCtxOf} userCtxOf
 * @returns {import('express').RequestHandler}
 */
export function bulkGetAsCaller(userCtxOf) {
  return (req, res, next) => {
    if (req.method !== 'POST' || !BULK_GET_PATH.test(req.path)) return next()
    // Parsed as express-pouchdb would; its own parser then leaves the body be.
    couchUtils.jsonParser(req, res, () => {
      const body = req.body
      if (!body || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(body.docs)) {
        return couchUtils.sendJSON(res, 400, { error: 'bad_request', reason: "Missing JSON list of 'docs'" })
      }
      if (body.docs.length === 0) return couchUtils.sendJSON(res, 200, { results: [] })
      userCtxOf(req).then((userCtx) => {
        body.userCtx = userCtx
        delete body.secObj
        next()
      }, next)
    })
  }
}

/** @param {unknown} a @param {unknown} b */
function sameRoles(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((role, i) => role === b[i])
}

/** @param {import('express').Response} res @param {string} reason */
function forbidden(res, reason) {
  couchUtils.sendJSON(res, 403, { error: 'forbidden', reason })
}

/**
 * A signed-in user's own `_users` document. So that users can read and update
 * it, express-pouchdb makes the caller `_admin` for any request under
 * `/_users/org.couchdb.user:<own name>`. With that, `_users`' own rules no
 * longer applied: a user could give themselves any role, and a PUT to their
 * own URL with another `_id` in the body overwrote anyone's account
 * (password and roles). Here such writes are held to what CouchDB allows a
 * non-admin: a JSON PUT of the same document with the same roles (to change
 * the password, say) or a DELETE; anything else (attachments, multipart,
 * COPY) is for admins.
 * @param {{ userCtxOf: UserCtxOf, usersDbName: () => string, getUsersDb: () => Promise<any> }} deps
 * @returns {import('express').RequestHandler}
 */
export function ownUserDocGuard({ userCtxOf, usersDbName, getUsersDb }) {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const [, dbSegment, idSegment, ...rest] = req.path.split('/')
    // express-pouchdb's `/_users/:id` matches the name literally, in any case.
    if (!idSegment || dbSegment?.toLowerCase() !== usersDbName().toLowerCase()) return next()
    let id
    try {
      id = decodeURIComponent(idSegment)
    } catch {
      return next()
    }
    const more = rest.some(Boolean)

    ;(async () => {
      const userCtx = await userCtxOf(req)
      if (!userCtx.name || userCtx.roles.includes('_admin')) return next()
      // express-pouchdb's test: the stored document at that id has the caller's name.
      const stored = await (await getUsersDb()).get(id).catch(() => null)
      if (!stored || stored.name !== userCtx.name) return next()

      if (req.method === 'DELETE' && !more) return next()
      if (req.method !== 'PUT' || more || /^multipart\//i.test(req.headers['content-type'] ?? '')) {
        return forbidden(res, 'Only a server admin can change a user document this way; update it with a JSON PUT.')
      }
      couchUtils.jsonParser(req, res, () => {
        const body = req.body ?? {}
        const target = body._id || req.query.id || id // express-pouchdb's order
        if (target !== id) return forbidden(res, 'You may only update your own user document.')
        if (!sameRoles(body.roles, stored.roles)) return forbidden(res, 'Only _admin may edit roles')
        next()
      })
    })().catch(next)
  }
}

/** Largest request body the sync API accepts: a `_bulk_docs` batch or an attachment. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024

/**
 * Request bodies within bounds before express-pouchdb reads any of them. It
 * reads bodies before it checks `_security`, so anyone could make it:
 * - buffer a body of any size in memory (its JSON limit is 4 GB, attachments
 *   have none);
 * - write multipart uploads to temporary files it never deletes (its
 *   `multipart/related` document PUT and Fauxton's `multipart/form-data`
 *   POST; PouchDB uses neither).
 * So: a Content-Length over `MAX_BODY_BYTES` gets 413, a body without one
 * (chunked) 411, and multipart 415.
 * @type {import('express').RequestHandler}
 */
export function limitRequestBodies(req, res, next) {
  const refuse = (/** @type {number} */ status, /** @type {string} */ error, /** @type {string} */ reason) => {
    // The body stays unread: end the connection rather than drain it.
    res.setHeader('Connection', 'close')
    couchUtils.sendJSON(res, status, { error, reason })
  }
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
    return refuse(413, 'too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)
  }
  if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined) {
    return refuse(411, 'bad_request', 'Send the body with a Content-Length.')
  }
  if (/^multipart\//i.test(req.headers['content-type'] ?? '')) {
    return refuse(415, 'bad_content_type', 'Multipart bodies are not accepted; send JSON, or an attachment as its own PUT.')
  }
  next()
}

export { MAX_LOCAL_DOC_BYTES } from './pouch-repairs.js'

/** `/<db>/_…`: anything of a database but a document by id (listings, feeds, replication, `_local`, `_design`, `_security`). */
const SPECIAL_DB_PATH = /^\/[^/]+\/_/

/** @param {string} path @returns {string} the path URL-decoded where it can be, as given where not */
function decodedPath(path) {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * Anonymous clients get documents by id, nothing more. The public database is
 * readable by anyone so that a device can join before its user has signed in
 * (src/sync/join.ts fetches `org` and `login:<hash>` by id); listing it
 * (`_all_docs`, `_changes`, `_bulk_get`, `_revs_diff`, `_find`, …) handed out
 * every login document, the names of every account's user ids with them.
 * Database-level paths (`/<db>/_…`) are for signed-in users: replication signs
 * in first. This covers `_local` documents too (an anonymous 20 MiB
 * `_local/x` was stored): no anonymous `_local` read or write anywhere. Server
 * admins and every signed-in user go on to express-pouchdb's own checks.
 * @param {UserCtxOf} userCtxOf
 * @param {{ publicDb: string, staffRoles: readonly string[] }} [options] the public database's name, and the roles that list it
 * @returns {import('express').RequestHandler}
 */
export function signedInForDatabasePaths(userCtxOf, { publicDb, staffRoles } = { publicDb: 'lobby_public', staffRoles: [] }) {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next()
    if (!SPECIAL_DB_PATH.test(req.path) && !SPECIAL_DB_PATH.test(decodedPath(req.path))) return next()
    userCtxOf(req).then((userCtx) => {
      if (userCtx.roles.includes('_admin')) return next()
      if (!userCtx.name) {
        return couchUtils.sendJSON(res, 401, { error: 'unauthorized', reason: 'Sign in first: anonymous clients may only fetch documents by id.' })
      }
      // Issue 14 (CONF-11): a member (no staff role) reads the public database as a stranger does, by id: listing it
      // would hand them every staff sign-in's parameters, and they need nothing of it but the organisation.
      const segment = decodedPath(req.path).split('/')[1]
      if (segment === publicDb && !userCtx.roles.some((role) => staffRoles.includes(role))) {
        return couchUtils.sendJSON(res, 403, { error: 'forbidden', reason: 'Members may only fetch documents of this database by id.' })
      }
      next()
    }, next)
  }
}

const LOCAL_DOC_PATH = /^\/[^/]+\/_local\//i

/**
 * A `_local` document PUT whose body is over the limit is refused before it
 * is read (the limit itself is enforced on every write method in
 * server/pouch-repairs.js).
 * @type {import('express').RequestHandler}
 */
export function limitLocalDocumentBodies(req, res, next) {
  const local = LOCAL_DOC_PATH.test(req.path) || LOCAL_DOC_PATH.test(decodedPath(req.path))
  if (local && Number(req.headers['content-length']) > MAX_LOCAL_DOC_BYTES_HTTP) {
    res.setHeader('Connection', 'close')
    return couchUtils.sendJSON(res, 413, { error: 'too_large', reason: `_local documents are limited to ${MAX_LOCAL_DOC_BYTES_HTTP} bytes.` })
  }
  next()
}
