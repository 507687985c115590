/**
 * Response headers for everything under `/db/`, set before express-pouchdb
 * sees the request:
 * - `Cache-Control: no-store` on every answer. The data is ciphertext, but it
 *   still has no business in browser or proxy caches (nor do session answers).
 * - the `AuthSession` cookie always `HttpOnly; SameSite=Strict`, and `Secure`
 *   when the request came over HTTPS. express-pouchdb sets that cookie on
 *   sign-in, re-issues it on every request made with it and clears it on
 *   sign-out, each time with `HttpOnly` alone.
 */
import { isIP } from 'node:net'

export const SESSION_COOKIE = 'AuthSession'

/** @param {string | undefined} address */
function isLoopback(address) {
  if (!address) return false
  const ip = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
  return ip === '::1' || (isIP(ip) === 4 && ip.startsWith('127.'))
}

/**
 * Whether the browser talked to us over HTTPS: directly (`--https-cert`), or
 * through a TLS-terminating reverse proxy on this machine that says so in
 * `X-Forwarded-Proto`. The header is believed from loopback only; anyone else
 * could send it.
 * @param {import('node:http').IncomingMessage} req
 */
export function requestIsHttps(req) {
  if (/** @type {import('node:tls').TLSSocket} */ (req.socket).encrypted) return true
  if (!isLoopback(req.socket.remoteAddress)) return false
  const forwarded = req.headers['x-forwarded-proto']
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase()
  return first === 'https'
}

/** @type {import('express').RequestHandler} */
export function noStore(_req, res, next) {
  // Set at the last moment, so no route (express-pouchdb's _uuids sets its
  // own Cache-Control) can replace it.
  const writeHead = res.writeHead
  res.writeHead = /** @type {any} */ (function (/** @type {any[]} */ ...args) {
    res.setHeader('Cache-Control', 'no-store')
    for (const arg of args) {
      if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
        for (const key of Object.keys(arg)) if (key.toLowerCase() === 'cache-control') delete arg[key]
      }
    }
    return writeHead.apply(res, /** @type {any} */ (args))
  })
  next()
}

/** @type {import('express').RequestHandler} */
export function hardenSessionCookie(req, res, next) {
  const secure = requestIsHttps(req)
  // An own property, so it stays in place when express hands the response to
  // express-pouchdb's sub-app (which swaps the prototype, not the object).
  const cookie = /** @type {(name: string, value: any, options?: any) => any} */ (res.cookie)
  res.cookie = /** @type {any} */ (function (/** @type {string} */ name, /** @type {any} */ value, /** @type {any} */ options) {
    if (name !== SESSION_COOKIE) return cookie.call(res, name, value, options)
    return cookie.call(res, name, value, { ...options, httpOnly: true, sameSite: 'strict', secure })
  })
  next()
}

const CHANGES_PATH = /^\/[^/]+\/_changes\/?$/i

/**
 * Live `_changes` feeds (longpoll, continuous, eventsource) go out
 * uncompressed. express-pouchdb gzips whatever the client accepts, and gzip
 * holds small writes back until its buffer fills: heartbeats and single
 * changes sat in it, so a continuous feed stayed silent, through a reverse
 * proxy too (Caddy and nginx ask the backend for gzip themselves).
 * @type {import('express').RequestHandler}
 */
export function uncompressedFeeds(req, _res, next) {
  const feed = String(req.query.feed ?? '')
  if (CHANGES_PATH.test(req.path) && ['longpoll', 'continuous', 'eventsource'].includes(feed)) {
    delete req.headers['accept-encoding']
  }
  next()
}
