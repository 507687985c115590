/**
 * `npm run provision -- --url http://127.0.0.1:5984/ --admin admin --password-file FILE`
 *
 * Brings a CouchDB-compatible server (Apache CouchDB 3.x, or Lobby's own
 * under /db/) to what Lobby needs: the realm databases, their `_security`,
 * their validate_doc_update design documents, and `_users`' `_security`.
 * Idempotent: prints what it created or changed, and nothing else changes.
 * Exit codes: 0 done, 1 the server refused or could not be reached, 2 bad usage.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { provisionPersonalRealm, provisionServer } from './databases.js'
import { CouchError, couchClient } from './http-client.js'
import { followMemberSignins } from './member-signins.js'
import { DEFAULT_PREFIX, checkPrefix } from './names.js'

export const USAGE = `Usage: npm run provision -- --url URL --admin NAME [options]
  --url URL             the CouchDB root: http://127.0.0.1:5984/ (CouchDB),
                        http://127.0.0.1:5480/db/ (Lobby's own server)
  --admin NAME          a server admin (LOBBY_ADMIN, default admin)
  --password-file FILE  file holding the admin's password (first line)
  --password PASSWORD   the password itself (visible to other users in ps; prefer a file
                        or LOBBY_ADMIN_PASSWORD)
  --prefix PREFIX       database name prefix (LOBBY_DB_PREFIX, default ${DEFAULT_PREFIX})
  --member USER_ID      also provision that member's personal realm (repeatable)
  --tech USER_ID        also provision that technician's personal realm (repeatable)
  --follow              then keep running: make members' accounts and databases as the desk
                        asks for them, and new technicians' databases (lobby_signin; what the
                        embedded server does itself)
  --help                show this text`

/**
 * @param {string[]} argv @param {Record<string, string | undefined>} env
 * @returns {{ help: true } | { help: false, url: string, admin: string, password: string, prefix: string, members: string[], techs: string[], follow: boolean }}
 */
export function parseProvisionOptions(argv, env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      admin: { type: 'string' },
      'password-file': { type: 'string' },
      password: { type: 'string' },
      prefix: { type: 'string' },
      member: { type: 'string', multiple: true },
      tech: { type: 'string', multiple: true },
      follow: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return { help: true }
  if (!values.url) throw new Error('--url is required')
  if (values.password !== undefined && values['password-file'] !== undefined) {
    throw new Error('Give --password or --password-file, not both')
  }
  let password = values.password
  if (values['password-file'] !== undefined) {
    try {
      password = readFileSync(values['password-file'], 'utf8').split(/\r?\n/)[0]
    } catch (err) {
      throw new Error(`Cannot read the password file: ${/** @type {Error} */ (err).message}`)
    }
  }
  password ??= env.LOBBY_ADMIN_PASSWORD
  if (!password) throw new Error('No admin password: give --password-file, --password or LOBBY_ADMIN_PASSWORD')
  return {
    help: false,
    url: values.url,
    admin: values.admin ?? env.LOBBY_ADMIN ?? 'admin',
    password,
    prefix: checkPrefix(values.prefix ?? env.LOBBY_DB_PREFIX ?? DEFAULT_PREFIX),
    members: values.member ?? [],
    techs: values.tech ?? [],
    follow: values.follow ?? false,
  }
}

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string, string | undefined>, out?: (line: string) => void, err?: (line: string) => void, fetch?: typeof fetch }} [io]
 * @returns {Promise<number>} the exit code
 */
export async function main(argv, { env = process.env, out = console.log, err = console.error, fetch: fetchImpl } = {}) {
  let options
  try {
    options = parseProvisionOptions(argv, env)
  } catch (e) {
    err(`${/** @type {Error} */ (e).message}\n\n${USAGE}`)
    return 2
  }
  if (options.help) {
    out(USAGE)
    return 0
  }

  try {
    const client = couchClient({ url: options.url, name: options.admin, password: options.password, fetch: fetchImpl })
    const { request } = client
    const session = await request('GET', '_session')
    if (!session.body?.userCtx?.roles?.includes('_admin')) {
      err(`${options.admin} is not a server admin on ${client.url}; provisioning needs one.`)
      return 1
    }
    out(`Provisioning ${client.url} (databases ${options.prefix}*)`)
    const { databases, changes } = await provisionServer(client, { prefix: options.prefix })
    for (const userId of options.members) changes.push(...(await provisionPersonalRealm(client, 'member', userId, options)).changes)
    for (const userId of options.techs) changes.push(...(await provisionPersonalRealm(client, 'tech', userId, options)).changes)
    for (const { database, action } of changes) out(`  ${database}: ${action}`)
    const count = databases.length + options.members.length + options.techs.length
    out(changes.length === 0 ? `Nothing to do: all ${count} databases and _users were already in place.` : `Done: ${changes.length} changes.`)
    if (options.follow) {
      // Issue 14: until stopped (Ctrl-C, or the service manager's SIGTERM).
      out('Following member sign-in and technician database requests (Ctrl-C to stop).')
      const stopping = new AbortController()
      for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => stopping.abort())
      await followMemberSignins(client, {
        prefix: options.prefix,
        signal: stopping.signal,
        onEvent: ({ kind, detail }) => (kind === 'error' ? err : out)(`  ${kind}: ${detail}`),
      })
    }
    return 0
  } catch (e) {
    // CouchError messages say which request failed and why; anything else is
    // shown whole, as it is not supposed to happen.
    err(`Provisioning failed: ${e instanceof CouchError ? e.message : /** @type {Error} */ (e)?.stack ?? e}`)
    return 1
  }
}

// Run when started as a script (not when imported by a test).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
