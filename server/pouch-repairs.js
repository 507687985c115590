/**
 * Repairs to the database instances express-pouchdb 4.2 wraps, applied by
 * server/pouch-server.js as each one is wrapped.
 *
 * 1. `_users` reads refused with 401 instead of failing with 500. pouchdb-auth makes
 *    `_users` a system database with pouchdb-system-db 4.2, whose "admins
 *    only" check calls `args.db.getSecurity()`; pouchdb-wrappers 4.2 names that
 *    argument `args.base`, so every non-admin read (`_changes`, `_all_docs`,
 *    a document, …) threw a TypeError, answered as 500, and an attachment
 *    read crashed the process. Adding `args.db` in front of those wrappers
 *    lets the check run as written: 401 for listings, 404 for documents.
 *
 * 2. A refused continuous `_changes` feed answered with 401 instead of ending
 *    the process: see `reportRefusedChanges`.
 */

/** Methods pouchdb-system-db wraps with its admins-only check. */
const SYSTEM_DB_METHODS = [
  'allDocs', 'bulkGet', 'revsDiff', 'getIndexes', 'find', 'explain', 'show', 'list', 'changes', 'query',
  'get', 'getAttachment', 'sync', 'replicate.from', 'replicate.to',
]
const REPAIRED = Symbol('lobby.systemDbRepaired')

/** @type {(original: () => any, args: any) => any} */
function provideArgsDb(original, args) {
  args.db ??= args.base
  return original()
}

/**
 * Stands in for pouchdb-system-db's attachment check, which it installs as
 * `undefined` (it names `wrappers.get`, which does not exist). The call then
 * threw a TypeError after the document read had started, and that read's
 * rejection, left unhandled, ended the process: one anonymous
 * `GET /db/_users/<id>/<name>` stopped the server. Same rule as for the
 * document: read it first, as the caller.
 * @type {(original: () => any, args: any) => any}
 */
function attachmentAsDocument(original, args) {
  return args.base.get(args.docId, { userCtx: args.options.userCtx }).then(() => original())
}

/**
 * Puts `provideArgsDb` first in each wrapped method's handler chain, and
 * replaces missing handlers. Safe to call more than once per instance.
 * @param {any} db a `_users` instance wrapped by express-pouchdb
 */
export function repairSystemDbProtection(db) {
  if (db[REPAIRED]) return db
  db[REPAIRED] = true
  for (const path of SYSTEM_DB_METHODS) {
    const names = path.split('.')
    const method = names.reduce((base, name) => base?.[name], db)
    // pouchdb-wrappers reads this array on every call, first handler outermost.
    const handlers = method?._handlers
    if (!Array.isArray(handlers)) continue
    for (let i = handlers.length - 1; i >= 0; i--) {
      if (typeof handlers[i] !== 'function') handlers.splice(i, 1, attachmentAsDocument)
    }
    handlers.unshift(provideArgsDb)
  }
  return db
}


const REPORTING = Symbol('lobby.reportsRefusedChanges')

/**
 * pouchdb-security refuses a `_changes` feed through a promise on the feed
 * object, not through its 'error' event; express-pouchdb's continuous feed
 * listens only for the event. The rejection went unhandled and ended the
 * process: one anonymous `GET /db/<any members-only db>/_changes?feed=continuous`
 * stopped the server. Here the rejection is handled and passed on as the event
 * whenever someone listens for it (express-pouchdb then answers 401).
 * @param {any} db any instance wrapped by express-pouchdb
 */
export function reportRefusedChanges(db) {
  const handlers = db.changes?._handlers
  if (db[REPORTING] || !Array.isArray(handlers)) return db
  db[REPORTING] = true
  handlers.unshift((/** @type {() => any} */ original) => {
    const feed = original()
    feed?.catch?.((/** @type {unknown} */ err) => {
      if (feed.listenerCount?.('error') > 0) feed.emit('error', err)
    })
    return feed
  })
  return db
}
