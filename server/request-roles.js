/**
 * The roles express-pouchdb will see for a request, worked out before the
 * request reaches it. Mirrors its authentication middleware
 * (node_modules/express-pouchdb/lib/routes/authentication.js) step for step,
 * because the guard must never allow what express-pouchdb then refuses.
 */

/** @param {string | undefined} header @returns {string | undefined} */
export function authSessionCookie(header) {
  const match = /(?:^|;)\s*AuthSession\s*=([^;]*)/.exec(header ?? '')
  if (!match) return undefined
  // Trimmed, unquoted and URI-decoded, as cookie-parser does.
  let value = match[1].trim()
  if (value.startsWith('"')) value = value.slice(1, -1)
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Same expressions as the `basic-auth` package express-pouchdb uses, so both
 * read the same credentials from the same header.
 * @param {string | undefined} header @returns {{ name: string, pass: string } | undefined}
 */
export function basicCredentials(header) {
  const match = /^ *(?:[Bb][Aa][Ss][Ii][Cc]) +([A-Za-z0-9._~+/-]+=*) *$/.exec(header ?? '')
  if (!match) return undefined
  const userPass = /^([^:]*):(.*)$/.exec(Buffer.from(match[1], 'base64').toString())
  return userPass ? { name: userPass[1], pass: userPass[2] } : undefined
}

/**
 * @typedef {{ name: string | null, roles: string[] }} UserCtx
 */

/**
 * @param {import('express').Request} req
 * @param {any} usersDb `_users` wrapped by express-pouchdb (has pouchdb-auth's multiUser* methods)
 * @returns {Promise<UserCtx>}
 */
export async function userCtxOfRequest(req, usersDb) {
  // A cookie wins whenever its session can be looked up, even when that
  // session is expired or unknown; only a malformed cookie falls through to
  // basic auth. That is express-pouchdb's order, so it is ours too.
  const sessionId = authSessionCookie(req.headers.cookie)
  if (sessionId) {
    try {
      const session = await usersDb.multiUserSession(sessionId)
      return userCtx(session.userCtx)
    } catch {
      // malformed cookie: go on to basic auth
    }
  }
  const credentials = basicCredentials(req.headers.authorization)
  if (!credentials) {
    // Without credentials express-pouchdb asks for a session with no id,
    // which is anonymous (or `_admin` only in admin party, which Lobby turns off).
    const session = await usersDb.multiUserSession(undefined)
    return userCtx(session.userCtx)
  }
  try {
    return userCtx(await usersDb.multiUserLogIn(credentials.name, credentials.pass))
  } catch {
    return { name: null, roles: [] } // wrong name or password: express-pouchdb answers 401 as well
  }
}

/** @param {any} ctx @returns {UserCtx} */
function userCtx(ctx) {
  return { name: ctx?.name ?? null, roles: [...(ctx?.roles ?? [])] }
}
