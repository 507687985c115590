/**
 * A small CouchDB HTTP client over fetch: basic auth (or a session cookie),
 * JSON in and out, and errors that say what went wrong in words an operator
 * can act on. Provisioning uses nothing but the CouchDB HTTP API through it,
 * so it works the same against the embedded server and Apache CouchDB 3.
 */

export class CouchError extends Error {
  /**
   * @param {string} message
   * @param {{ status?: number, error?: string, reason?: string, cause?: unknown }} [details]
   */
  constructor(message, { status, error, reason, cause } = {}) {
    super(message, { cause })
    this.name = 'CouchError'
    /** HTTP status, or 0 when the server could not be reached */
    this.status = status ?? 0
    /** CouchDB's `error` (`unauthorized`, `forbidden`, `conflict`, …) */
    this.error = error ?? (status ? 'http_error' : 'unreachable')
    this.reason = reason ?? ''
  }
}

/**
 * @typedef {object} CouchClientOptions
 * @property {string} url the server's root, e.g. `http://127.0.0.1:5984/` or `https://lobby.example/db/`
 * @property {string} [name] basic auth user
 * @property {string} [password]
 * @property {string} [cookie] a `Cookie` header value instead of basic auth (`AuthSession=…`)
 * @property {typeof fetch} [fetch]
 * @property {number} [timeoutMs] per request (default 30 s)
 */

/**
 * @typedef {object} CouchClient
 * @property {string} url the server root, ending in `/`
 * @property {(method: string, path: string, options?: { body?: unknown, ok?: number[] }) => Promise<{ status: number, body: any }>} request
 *   `path` is relative to the root and already encoded (see `dbPath`, `docPath`);
 *   statuses in `ok` (besides 2xx) come back instead of throwing
 */

/**
 * @param {CouchClientOptions} options
 * @returns {CouchClient}
 */
export function couchClient({ url, name, password, cookie, fetch: fetchImpl = fetch, timeoutMs = 30_000 }) {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new CouchError(`Not an http(s) URL: ${url}`, { error: 'bad_url' })
  }
  const root = url.endsWith('/') ? url : `${url}/`
  /** @type {Record<string, string>} */
  const auth = {}
  if (cookie) auth.cookie = cookie
  else if (name !== undefined) auth.authorization = `Basic ${Buffer.from(`${name}:${password ?? ''}`).toString('base64')}`

  async function request(/** @type {string} */ method, /** @type {string} */ path, { body, ok = [] } = /** @type {{ body?: unknown, ok?: number[] }} */ ({})) {
    const target = new URL(path, root)
    let res
    try {
      res = await fetchImpl(target, {
        method,
        headers: { accept: 'application/json', ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (err) {
      const cause = /** @type {any} */ (err)
      const why = cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? String(err)
      throw new CouchError(`Cannot reach ${root} (${why})`, { cause: err })
    }
    const text = await res.text()
    let parsed
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = null
    }
    if (res.ok || ok.includes(res.status)) return { status: res.status, body: parsed }
    throw errorFor(method, target, res.status, parsed, text)
  }

  return { url: root, request }
}

/**
 * @param {string} method @param {URL} target @param {number} status @param {any} parsed @param {string} text
 */
function errorFor(method, target, status, parsed, text) {
  const error = typeof parsed?.error === 'string' ? parsed.error : 'http_error'
  const reason = typeof parsed?.reason === 'string' ? parsed.reason : text.slice(0, 200)
  const where = `${method} ${target.pathname}`
  if (parsed === null && status !== 401) {
    // Not CouchDB answering: a wrong URL (a web page, a proxy's error page).
    return new CouchError(`${where}: ${status} and no CouchDB answer — is the URL the CouchDB root (for Lobby's own server: …/db/)?`, { status, error, reason })
  }
  if (status === 401) {
    return new CouchError(`${where}: 401 ${error}: ${reason || 'the server refused the credentials'} — check the admin name and password`, { status, error, reason })
  }
  return new CouchError(`${where}: ${status} ${error}${reason ? `: ${reason}` : ''}`, { status, error, reason })
}

/** @param {string} db a database name @returns {string} its path under the root */
export function dbPath(db) {
  return encodeURIComponent(db)
}

/**
 * @param {string} db @param {string} id a document id (`_design/…` and `_local/…` keep their slash)
 * @returns {string}
 */
export function docPath(db, id) {
  const special = /^(_design|_local)\/(.+)$/s.exec(id)
  const encoded = special ? `${special[1]}/${encodeURIComponent(special[2])}` : encodeURIComponent(id)
  return `${dbPath(db)}/${encoded}`
}
