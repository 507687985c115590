/**
 * Failed sign-ins limited per user name and per client address, so the
 * server's cheap password hashes (docs/security.md) cannot be guessed at
 * speed: 300 wrong `_session` sign-ins used to take half a second. Counted are
 * failures only, of `POST /_session` and of Basic auth on any request; a
 * name or address past its limit gets `429 Too Many Requests` with
 * `Retry-After` for every sign-in, right or wrong, until its window ends.
 * Successful sign-ins are never counted. Requests carrying a session cookie or
 * no credentials are not affected.
 */
import { isIP } from 'node:net'
import { authSessionCookie, basicCredentials } from './request-roles.js'

/**
 * @typedef {object} SignInLimits
 * @property {number} [perName] failures per user name in a window (default 10)
 * @property {number} [perAddress] failures per client address in a window (default 50)
 * @property {number} [windowMs] window length, from the first failure (default 15 minutes)
 */

const DEFAULTS = { perName: 10, perAddress: 50, windowMs: 15 * 60 * 1000 }
/** Counters kept per kind; past this, expired ones go, then the oldest. */
const MAX_ENTRIES = 10_000

/** @param {string | undefined} address */
function normalizeAddress(address) {
  if (!address) return ''
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
}

/** @param {string} ip */
function isLoopback(ip) {
  return ip === '::1' || (isIP(ip) === 4 && ip.startsWith('127.'))
}

/**
 * The client's address. Behind a reverse proxy on this machine every request
 * comes from loopback; then the address the proxy saw is the last entry of
 * `X-Forwarded-For` (nginx's `$proxy_add_x_forwarded_for` and Caddy append
 * it). The header is believed from loopback only.
 * @param {import('node:http').IncomingMessage} req
 */
export function clientAddress(req) {
  const direct = normalizeAddress(req.socket.remoteAddress)
  if (!isLoopback(direct)) return direct
  const header = req.headers['x-forwarded-for']
  const last = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean).pop()
  return last ? normalizeAddress(last) : direct
}

/** Failure counts per key in fixed windows that start at a key's first failure. */
class FailureCounter {
  /** @param {number} limit @param {number} windowMs @param {() => number} now */
  constructor(limit, windowMs, now) {
    this.limit = limit
    this.windowMs = windowMs
    this.now = now
    /** @type {Map<string, { count: number, resetAt: number }>} */
    this.entries = new Map()
  }

  /** @param {string} key @returns {number} seconds until the key may try again, 0 if it may now */
  blockedFor(key) {
    const entry = this.entries.get(key)
    if (!entry) return 0
    const left = entry.resetAt - this.now()
    if (left <= 0) {
      this.entries.delete(key)
      return 0
    }
    return entry.count >= this.limit ? Math.ceil(left / 1000) : 0
  }

  /** @param {string} key */
  fail(key) {
    const now = this.now()
    const entry = this.entries.get(key)
    if (entry && entry.resetAt > now) {
      entry.count++
      return
    }
    this.entries.delete(key)
    if (this.entries.size >= MAX_ENTRIES) this.prune(now)
    this.entries.set(key, { count: 1, resetAt: now + this.windowMs })
  }

  /** @param {number} now */
  prune(now) {
    for (const [key, entry] of this.entries) if (entry.resetAt <= now) this.entries.delete(key)
    // Still full: the oldest windows go first (a Map keeps insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES) break
      this.entries.delete(key)
    }
  }
}

/**
 * @param {SignInLimits & { now?: () => number }} [options]
 */
export function createSignInLimiter(options = {}) {
  const { perName, perAddress, windowMs } = { ...DEFAULTS, ...options }
  const now = options.now ?? Date.now
  const byName = new FailureCounter(perName, windowMs, now)
  const byAddress = new FailureCounter(perAddress, windowMs, now)
  return {
    /**
     * @param {import('node:http').IncomingMessage} req @param {unknown} name
     * @returns {number} seconds to wait, 0 when this sign-in may be tried
     */
    blockedFor(req, name) {
      return Math.max(byAddress.blockedFor(clientAddress(req)), byName.blockedFor(String(name ?? '')))
    },
    /** @param {import('node:http').IncomingMessage} req @param {unknown} name */
    recordFailure(req, name) {
      byAddress.fail(clientAddress(req))
      byName.fail(String(name ?? ''))
    },
  }
}

/** @typedef {ReturnType<typeof createSignInLimiter>} SignInLimiter */

/**
 * The CouchDB-style answer for a refused sign-in.
 * @param {import('express').Response} res @param {number} seconds
 */
export function sendTooManySignIns(res, seconds) {
  res.setHeader('Retry-After', String(seconds))
  res.status(429).json({
    error: 'too_many_requests',
    reason: `Too many failed sign-ins. Try again in ${seconds} seconds.`,
  })
}

/**
 * Basic auth on any request under `/db/`, counted like a sign-in. Checked
 * the way express-pouchdb reads credentials (server/request-roles.js): a
 * session cookie that can be looked up wins, and then the Basic header is not
 * a sign-in at all. A limited name or address gets 429 before its password is
 * tried; a wrong one is counted and the request goes on (express-pouchdb
 * answers 401).
 * @param {SignInLimiter} limiter
 * @param {() => Promise<any>} getUsersDb `_users` as wrapped by express-pouchdb
 * @returns {import('express').RequestHandler}
 */
export function limitBasicSignIns(limiter, getUsersDb) {
  return (req, res, next) => {
    const credentials = basicCredentials(req.headers.authorization)
    if (!credentials) return next()
    ;(async () => {
      const usersDb = await getUsersDb()
      const sessionId = authSessionCookie(req.headers.cookie)
      if (sessionId) {
        try {
          await usersDb.multiUserSession(sessionId)
          return next()
        } catch {
          // malformed cookie: the Basic header counts
        }
      }
      const wait = limiter.blockedFor(req, credentials.name)
      if (wait) return sendTooManySignIns(res, wait)
      try {
        await usersDb.multiUserLogIn(credentials.name, credentials.pass)
      } catch {
        limiter.recordFailure(req, credentials.name)
      }
      next()
    })().catch(next)
  }
}
