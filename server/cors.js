/**
 * CORS for an explicit list of origins, with credentials (the CouchDB session
 * cookie). The app and `/db/` normally share one origin and need none of it;
 * this is for an app served from elsewhere. Never `*`, never an unlisted origin.
 * (express-pouchdb 4.2 itself sends no CORS headers: that lived in the
 * pouchdb-server CLI, which Lobby does not use.)
 */

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS'
// Headers PouchDB sends to CouchDB (Authorization only with basic auth).
const ALLOWED_HEADERS = 'Accept, Authorization, Content-Type, Origin, Referer, X-Requested-With'
// Response headers PouchDB's replication reads besides the CORS-safelisted ones.
const EXPOSED_HEADERS = 'Cache-Control, Content-Type, ETag, Server, Location'

/**
 * @param {string[]} origins exact origins, e.g. `https://desk.example`
 * @returns {import('express').RequestHandler}
 */
export function corsForOrigins(origins) {
  for (const origin of origins) {
    // Origins are compared as exact strings, so `https://a.example/` (with a
    // slash) or `*` would silently never match: refuse them up front.
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new Error(`Not a CORS origin (expected scheme://host[:port]): ${origin}`)
    }
  }
  const allowed = new Set(origins)
  return (req, res, next) => {
    const origin = req.headers.origin
    // Answers differ per Origin, so caches must key on it.
    res.vary('Origin')
    if (!origin || !allowed.has(origin)) return next()

    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS)
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      res.setHeader('Access-Control-Max-Age', '600')
      return res.status(204).end()
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    next()
  }
}
