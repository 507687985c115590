import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { isLocalDate } from '@/core/shared/local-date'
import { broadbandAccounts } from './broadband'
import { demoToday } from './members'
import { serviceRequestCount } from './service'

export const USAGE = `Usage: npm run demo -- [options]
Provisions a sync server with a demo organisation (staff sign-ins, sample people, and
members with their fees, VIP deposits and visits, a month of visitors at the reception
desk, a year of broadband accounts, three members' sign-ins on their phone, two months of
service requests worked by two technicians), sealed as
the app seals it. The server must have no organisation yet.

  --url URL             the sync server's CouchDB root (default http://127.0.0.1:5480/db/, npm start)
  --admin NAME          a server admin (LOBBY_ADMIN, default admin)
  --password-file FILE  file holding the admin's password (default .lobby-data/admin-password)
  --password PASSWORD   the password itself (or LOBBY_ADMIN_PASSWORD)
  --embedded            start Lobby's embedded server on the data folder instead (not while
                        npm start uses it); the data stays there for npm start / npm run serve
  --data DIR            the data folder for --embedded (default .lobby-data)
  --seed N              seed of the sample data (default 2026): same seed, same people
  --people N            how many people (default 2000)
  --members N           how many of them are members (default 500; at most --people)
  --visits N            how many visits in the 60 days up to --today (default 1000)
  --accounts N          how many broadband accounts, with a year of history (default 300;
                        at most --people; 0 for none)
  --requests N          how many service requests over the two months up to --today, with
                        their dispatches, jobs and return visits (default 200; 0 for none)
  --today DATE          the demo's today, YYYY-MM-DD (default ${demoToday}): memberships are
                        active or expired as of that date, and visits lead up to it
  --force-new           delete a previous demo organisation on the server first
  --help                show this text`

export type DemoOptions =
  | { help: true }
  | {
      help: false
      server: { embedded: true; dataDir: string } | { embedded: false; url: string; admin: string; password: string }
      seed: number
      people: number
      members: number
      visits: number
      today: string
      /** The month of visitors at the reception desk: always, from the command line. */
      reception: true
      /** The year at the broadband counter: always, from the command line (`accounts` 0: none). */
      broadband: true
      accounts: number
      /** Three people's sign-ins on their own phone (issue 14): always, from the command line. */
      memberSignins: true
      /** Issue 15: service requests over the two months up to today (0: none). */
      requests: number
      forceNew: boolean
    }

function integer(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) throw new Error(`${name} must be a whole number ≥ ${min}, got ${value}`)
  return Number(value)
}

/** Parses the command line; throws an Error whose message says what is wrong (then exit 2 with the usage). */
export function parseDemoOptions(argv: string[], env: Record<string, string | undefined>): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      admin: { type: 'string' },
      'password-file': { type: 'string' },
      password: { type: 'string' },
      embedded: { type: 'boolean', default: false },
      data: { type: 'string' },
      seed: { type: 'string' },
      people: { type: 'string' },
      members: { type: 'string' },
      visits: { type: 'string' },
      accounts: { type: 'string' },
      requests: { type: 'string' },
      today: { type: 'string' },
      'force-new': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return { help: true }
  const today = values.today ?? demoToday
  if (!isLocalDate(today)) throw new Error(`--today must be a date written YYYY-MM-DD, got ${today}`)
  const common = {
    seed: integer(values.seed, 2026, '--seed', 0),
    people: integer(values.people, 2000, '--people', 1),
    members: integer(values.members, 500, '--members', 0),
    visits: integer(values.visits, 1000, '--visits', 0),
    today,
    reception: true as const,
    broadband: true as const,
    memberSignins: true as const,
    accounts: integer(values.accounts, broadbandAccounts, '--accounts', 0),
    requests: integer(values.requests, serviceRequestCount, '--requests', 0),
    forceNew: values['force-new'],
  }
  if (values.embedded) {
    for (const flag of ['url', 'admin', 'password-file', 'password'] as const) {
      if (values[flag] !== undefined) throw new Error(`--${flag} is for a running server; --embedded starts its own`)
    }
    return { help: false, server: { embedded: true, dataDir: values.data ?? '.lobby-data' }, ...common }
  }
  if (values.data !== undefined) throw new Error('--data goes with --embedded')
  if (values.password !== undefined && values['password-file'] !== undefined) throw new Error('Give --password or --password-file, not both')
  let password = values.password ?? (values['password-file'] === undefined ? env.LOBBY_ADMIN_PASSWORD : undefined)
  if (password === undefined) {
    const file = values['password-file'] ?? join('.lobby-data', 'admin-password')
    try {
      password = readFileSync(file, 'utf8').split(/\r?\n/)[0]!
    } catch (e) {
      throw new Error(`Cannot read the admin password from ${file} (${(e as Error).message}). Start the server first (npm start), or use --embedded.`)
    }
  }
  return {
    help: false,
    server: { embedded: false, url: values.url ?? 'http://127.0.0.1:5480/db/', admin: values.admin ?? env.LOBBY_ADMIN ?? 'admin', password },
    ...common,
  }
}
