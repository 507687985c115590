/**
 * Requests only a server admin may make, refused before they reach
 * express-pouchdb:
 * - creating or deleting a database. express-pouchdb 4.2 crashes the whole
 *   process when a non-admin PUTs a new database (PouchDB.new() hands back a
 *   rejected promise where a database is expected), so this must come first.
 * - listing databases (`_all_dbs`), admin-only by default in CouchDB 3 too:
 *   the names of personal realms (`member:<id>`) are not for everyone.
 * - Mango (`_find`, `_explain`, `_index`). express-pouchdb 4.2 calls these
 *   without the caller's identity, so `_security` is never checked: anyone
 *   could read every document of every database, password hashes in `_users`
 *   included, or add indexes (design documents). CouchDB lets members use
 *   them; Lobby does not need them (the documents are ciphertext, queries run
 *   on the device), so here they are for the server admin only.
 * - anything that runs code: views, temporary views (whose `map` express-pouchdb
 *   evaluated, for anyone, before any permission check, and Node's `vm` is no
 *   sandbox), show/list/update/rewrite functions, design document info,
 *   view clean-up, compaction, and `_changes` filtered by a design document's
 *   filter or view. Most of these routes are switched off altogether
 *   (EXCLUDED_PARTS in server/pouch-server.js); this guard keeps them from
 *   non-admins even if a route comes back in another express-pouchdb version.
 */

/** One path segment under the mount point, optionally with a trailing slash. */
const DATABASE_PATH = /^\/[^/]+\/?$/
/** `DELETE /_session` is signing out, not deleting a database. */
const SESSION_PATH = /^\/_session\/?$/i
const ALL_DBS_PATH = /^\/_all_dbs\/?$/i // express routes ignore case
const MANGO_PATH = /^\/[^/]+\/_(find|explain|index)(\/|$)/i

/** Path segments of routes that run stored or sent code, or maintain indexes. */
const CODE_SEGMENTS = new Set([
  '_temp_view', '_view', '_show', '_list', '_update', '_rewrite', '_info', '_view_cleanup', '_compact',
])
/** `_changes` filters that run no code: PouchDB's replication by id or selector, design documents only. */
const BUILT_IN_FILTERS = new Set(['_doc_ids', '_selector', '_design'])

/**
 * Whether a request reaches code-running routes. Matched on every segment,
 * raw and URL-decoded, in any case, so neither `/_TEMP_VIEW` nor
 * `/_temp%5Fview` nor `_design%2Fx/_view/y` slips past; a false match only
 * refuses a non-admin something Lobby does not use.
 * @param {import('express').Request} req
 */
function runsCode(req) {
  let decoded = req.path
  try {
    decoded = decodeURIComponent(req.path)
  } catch {
    // keep the raw path
  }
  const segments = `${req.path}/${decoded}`.toLowerCase().split('/')
  if (segments.some((segment) => CODE_SEGMENTS.has(segment))) return true
  if (segments.includes('_changes')) {
    const { filter, view } = req.query
    if (view !== undefined) return true
    if (filter !== undefined && !(typeof filter === 'string' && BUILT_IN_FILTERS.has(filter))) return true
  }
  return false
}

/** @param {import('express').Request} req @returns {string | null} why it needs an admin */
function adminOnlyReason(req) {
  // req.path is relative to where express-pouchdb is mounted and still
  // URL-encoded, so `/a%2Fb` is one segment here exactly as in its `/:db` route.
  const signOut = req.method === 'DELETE' && SESSION_PATH.test(req.path)
  if ((req.method === 'PUT' || req.method === 'DELETE') && DATABASE_PATH.test(req.path) && !signOut) {
    return 'Only a server admin can create databases.'
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && ALL_DBS_PATH.test(req.path)) {
    return 'You are not a server admin.'
  }
  if (MANGO_PATH.test(req.path)) {
    return 'Only a server admin can use _find, _explain and _index on this server.'
  }
  if (runsCode(req)) {
    return 'Only a server admin can use views, design functions, filters and compaction on this server.'
  }
  return null
}

/**
 * @param {(req: import('express').Request) => Promise<string[]>} rolesOf
 * @returns {import('express').RequestHandler}
 */
export function adminOnlyGuard(rolesOf) {
  return (req, res, next) => {
    const reason = adminOnlyReason(req)
    if (!reason) return next()
    rolesOf(req).then((roles) => {
      if (roles.includes('_admin')) return next()
      res.status(401).json({ error: 'unauthorized', reason })
    }, next)
  }
}
