/**
 * Lobby patches express-pouchdb's internals (server/pouch-repairs.js,
 * request-guards.js, session-login.js, pouch-server.js), and each patch closes
 * a hole. Were a patch point to move in another version, the patch would
 * quietly do nothing and the hole would be open again: so every patch point is
 * checked with `requirePatchPoint`, and a missing one stops the server from
 * starting, naming the point. (The versions are pinned in package.json.)
 */

export class MissingPatchPointError extends Error {
  /** @param {string} point what was looked for, e.g. `express-pouchdb utils.sendJSON` */
  constructor(point) {
    super(`Lobby cannot patch express-pouchdb: ${point} is missing. The server does not start without ` +
      'this repair. Install the exact versions in package.json (npm ci).')
    this.name = 'MissingPatchPointError'
    this.point = point
  }
}

/**
 * @template T
 * @param {T} value the thing a patch needs
 * @param {string} point names it in the error
 * @param {(value: T) => boolean} [isRight] default: a function
 * @returns {T}
 */
export function requirePatchPoint(value, point, isRight = (v) => typeof v === 'function') {
  if (!isRight(value)) throw new MissingPatchPointError(point)
  return value
}

/**
 * express-pouchdb's own helpers (`lib/utils.js`), so answers and body parsing
 * stay identical to its own; each one checked.
 * @param {(id: string) => any} requireFromExpressPouchDB
 */
export function expressPouchUtils(requireFromExpressPouchDB) {
  let utils
  try {
    utils = requireFromExpressPouchDB('./utils.js')
  } catch {
    throw new MissingPatchPointError('express-pouchdb lib/utils.js')
  }
  for (const name of ['sendJSON', 'sendError', 'jsonParser', 'urlencodedParser']) {
    requirePatchPoint(utils?.[name], `express-pouchdb utils.${name}`)
  }
  return /** @type {{ sendJSON: (res: any, status: number, body: unknown) => void, sendError: (res: any, err: unknown) => void, jsonParser: import('express').RequestHandler, urlencodedParser: import('express').RequestHandler }} */ (utils)
}

/**
 * Puts `handler` first in the pouchdb-wrappers handler chain of `db[method]`
 * (the chain is read on every call, first handler outermost). Throws when the
 * method is not wrapped.
 * @param {any} db @param {string} method e.g. `changes` or `replicate.from`
 * @param {(original: () => any, args: any) => any} handler
 */
export function prependHandler(db, method, handler) {
  const fn = method.split('.').reduce((base, name) => base?.[name], db)
  const chain = requirePatchPoint(fn?._handlers, `the pouchdb-wrappers handler chain of db.${method}`, Array.isArray)
  chain.unshift(handler)
  return chain
}
