/**
 * Requests only a server admin may make, refused before they reach
 * express-pouchdb:
 * - creating or deleting a database. express-pouchdb 4.2 crashes the whole
 *   process when a non-admin PUTs a new database (PouchDB.new() hands back a
 *   rejected promise where a database is expected), so this must come first.
 * - listing databases (`_all_dbs`), admin-only by default in CouchDB 3 too:
 *   the names of personal realms (`member:<id>`) are not for everyone.
 */

/** One path segment under the mount point, optionally with a trailing slash. */
const DATABASE_PATH = /^\/[^/]+\/?$/
const ALL_DBS_PATH = /^\/_all_dbs\/?$/

/** @param {import('express').Request} req @returns {string | null} why it needs an admin */
function adminOnlyReason(req) {
  // req.path is relative to where express-pouchdb is mounted and still
  // URL-encoded, so `/a%2Fb` is one segment here exactly as in its `/:db` route.
  if ((req.method === 'PUT' || req.method === 'DELETE') && DATABASE_PATH.test(req.path)) {
    return 'Only a server admin can create databases.'
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && ALL_DBS_PATH.test(req.path)) {
    return 'You are not a server admin.'
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
