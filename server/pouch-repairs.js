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
 *
 * 3. `_security` and design documents kept from members: see `guardAdminDocuments`.
 *
 * 4. Replicated updates and deletions stored, not dropped, once a database has
 *    a validate function: see `keepReplicatedHistory`.
 */
import { createRequire } from 'node:module'
import { MissingPatchPointError, prependHandler, requirePatchPoint } from './patch-point.js'

/** Methods pouchdb-system-db wraps with its admins-only check. */
const SYSTEM_DB_METHODS = [
  'allDocs', 'bulkGet', 'revsDiff', 'changes', 'query', 'get', 'getAttachment', 'sync', 'replicate.from', 'replicate.to',
]
/**
 * Repaired too where wrapped. Their plugins come and go: show and list are off
 * with their routes, and pouchdb-find's methods are wrapped only when it was
 * installed before pouchdb-system-db ran (not so with LevelDB). None is
 * reachable by non-admins over HTTP anyway (server/admin-guard.js).
 */
const OPTIONAL_SYSTEM_DB_METHODS = ['getIndexes', 'find', 'explain', 'show', 'list']
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
 * replaces missing handlers. Safe to call more than once per instance. Throws
 * (the server does not start) when a method is not wrapped as expected.
 * @param {any} db a `_users` instance wrapped by express-pouchdb
 */
export function repairSystemDbProtection(db) {
  if (db[REPAIRED]) return db
  const present = OPTIONAL_SYSTEM_DB_METHODS.filter((name) => Array.isArray(db[name]?._handlers))
  const methods = [...SYSTEM_DB_METHODS, ...present]
  // Every chain checked before any is changed: all or nothing.
  for (const path of methods) {
    const method = path.split('.').reduce((base, name) => base?.[name], db)
    requirePatchPoint(method?._handlers, `the pouchdb-wrappers handler chain of db.${path} (pouchdb-system-db)`, Array.isArray)
  }
  for (const path of methods) {
    const handlers = prependHandler(db, path, provideArgsDb)
    for (let i = handlers.length - 1; i >= 0; i--) {
      if (typeof handlers[i] !== 'function') handlers.splice(i, 1, attachmentAsDocument)
    }
  }
  db[REPAIRED] = true
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
  if (db[REPORTING]) return db
  prependHandler(db, 'changes', (/** @type {() => any} */ original) => {
    const feed = original()
    feed?.catch?.((/** @type {unknown} */ err) => {
      if (feed.listenerCount?.('error') > 0) feed.emit('error', err)
    })
    return feed
  })
  db[REPORTING] = true
  return db
}


const requireFromExpressPouchDB = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'))
/** @param {string} id a module express-pouchdb depends on @param {(value: any) => boolean} [isRight] */
function requireModule(id, isRight) {
  let value
  try {
    value = requireFromExpressPouchDB(id)
  } catch {
    throw new MissingPatchPointError(`the module ${id}`)
  }
  return requirePatchPoint(value, `the module ${id}`, isRight)
}
const wrappers = requireModule('pouchdb-wrappers', (m) => typeof m?.installWrapperMethods === 'function')
const createBulkDocsWrapper = requireModule('pouchdb-bulkdocs-wrapper')
const PouchPluginError = requireModule('pouchdb-plugin-error')

const SECURITY_DOC = '_local/_security'
const GUARDING = Symbol('lobby.guardsAdminDocuments')

/** @param {any} options @returns {boolean} a request's call by someone other than a server admin */
function byNonAdmin(options) {
  const userCtx = options?.userCtx
  // No userCtx: an internal call (pouchdb-security reading and writing
  // `_security`, pouchdb-auth storing its design document).
  return Boolean(userCtx) && !(userCtx.roles ?? []).includes('_admin')
}

/** @param {unknown} id */
function isAdminDocument(id) {
  return id === SECURITY_DOC || String(id).startsWith('_design/')
}

function refuse() {
  return Promise.reject(new PouchPluginError({
    status: 403,
    name: 'forbidden',
    message: 'Only a server admin can change design documents and _security on this server.',
  }))
}

/** @type {(original: () => any, args: any) => any} */
function guardDocWrite(original, args) {
  return byNonAdmin(args.options) && isAdminDocument(args.doc?._id) ? refuse() : original()
}

const adminDocumentWrappers = {
  put: guardDocWrite,
  post: guardDocWrite,
  remove: guardDocWrite,
  bulkDocs: createBulkDocsWrapper((/** @type {any} */ doc, /** @type {any} */ args) =>
    byNonAdmin(args.options) && isAdminDocument(doc?._id) ? refuse() : Promise.resolve()),
  putSecurity: (/** @type {() => any} */ original, /** @type {any} */ args) => (byNonAdmin(args.options) ? refuse() : original()),
}

/**
 * Design documents and `_security` for server admins only. pouchdb-security
 * keeps a database's `_security` as the ordinary local document
 * `_local/_security` and lets any member write it: a member (anyone, for a
 * database without members) could make themselves its admin, then replace its
 * `validate_doc_update`. CouchDB keeps `_security` out of reach of documents.
 * Database admins would also be allowed design documents and `_security`;
 * the only ones in Lobby are `_users`' (role `admin`, to manage accounts),
 * and `_users`' design document holds the rule that keeps `_admin` out of
 * user documents, so they get neither.
 * @param {any} db any instance wrapped by express-pouchdb
 */
export function guardAdminDocuments(db) {
  if (db[GUARDING]) return db
  for (const name of Object.keys(adminDocumentWrappers)) requirePatchPoint(db[name], `db.${name}`)
  wrappers.installWrapperMethods(db, adminDocumentWrappers)
  db[GUARDING] = true
  return db
}


const KEEPING_HISTORY = Symbol('lobby.keepsReplicatedHistory')

/** Makes `doc._revisions` ignore assignments (it can still be deleted). @param {any} doc */
function freezeRevisions(doc) {
  if (!doc || typeof doc !== 'object' || !Object.hasOwn(doc, '_revisions')) return
  const revisions = doc._revisions
  Object.defineProperty(doc, '_revisions', {
    get: () => revisions,
    set: () => {},
    enumerable: true,
    configurable: true,
  })
}

/**
 * Replicated edits kept. pouchdb-validation 4.2 hands validate_doc_update
 * each new document with `_revisions` overwritten by the *stored* document's
 * history. A replicator writes with `new_edits: false`, where `_revisions` is
 * the history that says which revision this is: revision 2 of a document then
 * arrived as revision 1 again, which the server already had. The write was
 * answered as a success and nothing was stored — every replicated update and
 * deletion was silently lost as soon as a database had a validate function.
 * Here a document's own `_revisions` is kept, before validation sees it
 * (validate_doc_update then sees the new history, as in CouchDB).
 * @param {any} db any instance wrapped by express-pouchdb
 */
export function keepReplicatedHistory(db) {
  if (db[KEEPING_HISTORY]) return db
  /** @type {Record<string, (original: () => any, args: any) => any>} */
  const handlers = {
    put: (original, args) => { freezeRevisions(args.doc); return original() },
    post: (original, args) => { freezeRevisions(args.doc); return original() },
    bulkDocs: (original, args) => { for (const doc of args.docs ?? []) freezeRevisions(doc); return original() },
  }
  for (const name of Object.keys(handlers)) {
    requirePatchPoint(db[name]?._handlers, `the pouchdb-wrappers handler chain of db.${name}`, Array.isArray)
  }
  // First in each chain: before pouchdb-validation's handler runs.
  for (const [name, handler] of Object.entries(handlers)) prependHandler(db, name, handler)
  db[KEEPING_HISTORY] = true
  return db
}


const LIMITING_LOCAL = Symbol('lobby.limitsLocalDocuments')

/**
 * Largest `_local` document a non-admin may write. PouchDB's replication
 * checkpoints (its only `_local` documents here) hold a session id, a
 * sequence and a short history: well under 1 KiB.
 */
export const MAX_LOCAL_DOC_BYTES = 64 * 1024

/** @param {any} doc @param {any} options @returns {Promise<void>} refused, or fine */
function checkLocalWrite(doc, options) {
  const id = String(doc?._id ?? '')
  if (!id.startsWith('_local/') || id === SECURITY_DOC || !byNonAdmin(options)) return Promise.resolve()
  if (!options.userCtx.name) {
    return Promise.reject(new PouchPluginError({ status: 401, name: 'unauthorized', message: 'Sign in to write _local documents.' }))
  }
  if (Buffer.byteLength(JSON.stringify(doc)) > MAX_LOCAL_DOC_BYTES) {
    return Promise.reject(new PouchPluginError({
      status: 413, name: 'too_large', message: `_local documents are limited to ${MAX_LOCAL_DOC_BYTES} bytes.`,
    }))
  }
  return Promise.resolve()
}

/** @type {(original: () => any, args: any) => any} */
function limitLocalWrite(original, args) {
  return checkLocalWrite(args.doc, args.options).then(() => original())
}

/**
 * `_local` documents are not replicated, not validated by
 * `validate_doc_update` and not counted anywhere: anyone could store one of
 * any size (a 20 MiB `PUT /db/lobby_public/_local/x` was kept). Here only
 * signed-in users write them, and no bigger than a replication checkpoint
 * needs; through any write method (a `_bulk_docs` batch or a POST may carry a
 * `_local/` id too). Server admins and internal calls are not limited.
 * (server/request-guards.js refuses anonymous `_local` paths and oversized
 * bodies before they are read; this is the rule itself.)
 * @param {any} db any instance wrapped by express-pouchdb
 */
export function limitLocalDocuments(db) {
  if (db[LIMITING_LOCAL]) return db
  const localWrappers = {
    put: limitLocalWrite,
    post: limitLocalWrite,
    remove: limitLocalWrite,
    bulkDocs: createBulkDocsWrapper((/** @type {any} */ doc, /** @type {any} */ args) => checkLocalWrite(doc, args.options)),
  }
  for (const name of Object.keys(localWrappers)) requirePatchPoint(db[name], `db.${name}`)
  wrappers.installWrapperMethods(db, localWrappers)
  db[LIMITING_LOCAL] = true
  return db
}
