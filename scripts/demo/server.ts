import type { AddressInfo } from 'node:net'
import { loginHash } from '@/storage/sign-ins.repo'
import { databaseNameFor } from '@/sync/remote-names'
import { createLobbyServer } from '../../server/app.js'
import { provisionServer } from '../../server/provision/databases.js'
import { couchClient, docPath, type CouchClient } from '../../server/provision/http-client.js'
import { STAFF_ROLES, MEMBER_ROLE } from '../../server/provision/rules.js'
import { listServerUsers } from '../../server/provision/users.js'

/** A refusal the operator can act on: printed as it is, exit code 1. */
export class DemoRefusal extends Error {}

export interface DemoServer {
  /** The CouchDB root the app uses, ending in `/db/` for Lobby's own server. */
  base: string
  /** How messages name it (the subject of a sentence): its URL, or the embedded server's data folder. */
  label: string
  admin: CouchClient
  close(): Promise<void>
}

/** A running server (`npm start`, or CouchDB behind /db/), used with a server admin's credentials. */
export async function remoteServer(url: string, name: string, password: string): Promise<DemoServer> {
  const admin = couchClient({ url, name, password })
  const session = await admin.request('GET', '_session')
  if (!session.body?.userCtx?.roles?.includes('_admin')) throw new DemoRefusal(`${name} is not a server admin on ${admin.url}; the demo needs one (--admin, --password-file).`)
  return { base: admin.url, label: `The server at ${admin.url}`, admin, close: async () => {} }
}

/** Lobby's embedded server on a data folder, on a free loopback port for as long as the demo runs; the data stays. */
export async function embeddedServer(dataDir: string, log: (line: string) => void): Promise<DemoServer> {
  let lobby
  try {
    lobby = await createLobbyServer({ dataDir, distDir: null, log })
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (/another Lobby/i.test(message)) throw new DemoRefusal(`${message}\nA Lobby server is running on ${dataDir}: run the demo against it instead (npm run demo, without --embedded).`)
    throw e
  }
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = lobby.app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/db/`
  return {
    base,
    label: `The data folder ${dataDir}`,
    admin: couchClient({ url: base, name: lobby.adminUser, password: lobby.adminPassword }),
    async close() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await lobby.close()
    },
  }
}

/** The databases of the shared realms, in the order the summary lists them. */
export const demoDatabases = ['public', 'org', 'directory', 'desk', 'accounts', 'field', 'audit'].map((realm) => databaseNameFor(realm))
const lobbyRoles = new Set<string>([...STAFF_ROLES, MEMBER_ROLE])

/** Lobby's server accounts (staff and members; disabled ones have no role left). */
async function lobbyUsers(admin: CouchClient) {
  return (await listServerUsers(admin)).filter((u) => u.roles.every((r) => lobbyRoles.has(r)))
}

/** Whether every demo sign-in name has a pre-login document in this organisation: an organisation this script made. */
async function isDemoOrganisation(admin: CouchClient, orgId: string, usernames: readonly string[]): Promise<boolean> {
  for (const name of usernames) {
    const { status } = await admin.request('GET', docPath(databaseNameFor('public'), `login:${await loginHash(orgId, name)}`), { ok: [404] })
    if (status === 404) return false
  }
  return true
}

/**
 * The demo only ever provisions an empty server: no organisation, no
 * accounts, nothing in the organisation database. With `forceNew`, a
 * previous demo organisation (or the leftovers of an interrupted run) is
 * deleted first — every Lobby database and server account — but an
 * organisation the demo did not make never is.
 */
export async function ensureEmpty(server: DemoServer, usernames: readonly string[], forceNew: boolean, out: (line: string) => void): Promise<void> {
  const { admin } = server
  await provisionServer(admin)
  const org = await admin.request('GET', docPath(databaseNameFor('public'), 'org'), { ok: [404] })
  const users = await lobbyUsers(admin)
  const orgDocs = (await admin.request('GET', `${databaseNameFor('org')}/_all_docs?limit=0`)).body.total_rows as number
  if (org.status === 404 && users.length === 0 && orgDocs <= 1) return // only the design document
  const what = org.status === 404 ? `no organisation but ${users.length} server account(s) and ${orgDocs} document(s) in ${databaseNameFor('org')} (an interrupted run?)` : `an organisation (created ${org.body.createdAt})`
  if (!forceNew) {
    throw new DemoRefusal(
      `${server.label} already has ${what}.\n` +
        'npm run demo only provisions an empty server and changes nothing here. To replace a previous demo organisation, add --force-new ' +
        '(it deletes every Lobby database and server account on this server first); or use another data folder: npm run demo -- --embedded --data DIR.',
    )
  }
  if (org.status !== 404 && !(await isDemoOrganisation(admin, org.body.orgId, usernames))) {
    throw new DemoRefusal(`${server.label} holds an organisation that npm run demo did not make (its sign-in names differ): --force-new deletes only a demo organisation. Nothing was changed.`)
  }
  const databases = ((await admin.request('GET', '_all_dbs')).body as string[]).filter((db) => db.startsWith('lobby_'))
  for (const db of databases) await admin.request('DELETE', encodeURIComponent(db))
  for (const user of users) {
    const path = docPath('_users', `org.couchdb.user:${user.name}`)
    const { body } = await admin.request('GET', path)
    await admin.request('DELETE', `${path}?rev=${encodeURIComponent(body._rev)}`)
  }
  await provisionServer(admin)
  out(`--force-new: deleted ${databases.length} databases and ${users.length} server accounts of the previous demo, provisioned afresh`)
}

/** Documents per database (design documents left out), and the number of Lobby server accounts. */
export async function serverCounts(admin: CouchClient): Promise<{ database: string; docs: number }[]> {
  const rows = []
  for (const database of demoDatabases) {
    const { body } = await admin.request('GET', `${database}/_all_docs?startkey=%22_design%2F%22&endkey=%22_design0%22`)
    const { body: info } = await admin.request('GET', encodeURIComponent(database))
    rows.push({ database, docs: (info.doc_count as number) - (body.rows as unknown[]).length })
  }
  rows.push({ database: '_users', docs: (await lobbyUsers(admin)).length })
  return rows
}
