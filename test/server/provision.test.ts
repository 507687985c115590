// @vitest-environment node
// Provisioning through the CouchDB HTTP API, against the embedded server:
// idempotence, the CLI, the public database, and server accounts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../server/provision/cli.js'
import { provisionServer } from '../../server/provision/databases.js'
import { couchClient } from '../../server/provision/http-client.js'
import { createServerUser, disableServerUser, listServerUsers, setServerUserPassword } from '../../server/provision/users.js'
import { adminClient, adminGet, anonymous, signedInUser, type SignedIn } from './provision-support'
import { postSession } from './support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** A loopback port nothing listens on (fetch refuses well-known ones such as 1). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const FIXED = ['lobby_public', 'lobby_org', 'lobby_directory', 'lobby_desk', 'lobby_accounts', 'lobby_field', 'lobby_audit', 'lobby_signin']

describe('provisioning a bare server', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ provision: false })
  })
  afterAll(() => lobby?.stop())

  it('creates every database, _security and design document once, then changes nothing', async () => {
    expect((await adminGet(lobby, 'lobby_desk')).status).toBe(404)
    const first = await provisionServer(adminClient(lobby))
    expect(first.databases).toEqual(FIXED)
    for (const db of FIXED) {
      expect(first.changes.filter((c) => c.database === db).map((c) => c.action)).toEqual([
        'created the database', 'set _security', 'created _design/lobby (validate_doc_update)',
      ].filter((action) => !(db === 'lobby_public' && action === 'set _security'))) // a new database is already public here
    }
    expect(first.changes).toContainEqual({ database: '_users', action: 'set _security (role admin manages accounts)' })

    const again = await provisionServer(adminClient(lobby))
    expect(again.changes).toEqual([])
    expect((await adminGet(lobby, '_all_dbs')).body).toEqual(expect.arrayContaining(['_users', ...FIXED]))
  })

  it('puts back a _security or design document that was changed, and only that', async () => {
    const admin = adminClient(lobby)
    await admin.request('PUT', 'lobby_desk/_security', { body: { members: { roles: ['frontdesk', 'agent'] } } })
    const ddoc = (await adminGet(lobby, 'lobby_audit/_design/lobby')).body
    await admin.request('PUT', 'lobby_audit/_design/lobby', { body: { ...ddoc, validate_doc_update: 'function () {}' } })

    const { changes } = await provisionServer(admin)
    expect(changes).toEqual([
      { database: 'lobby_desk', action: 'set _security' },
      { database: 'lobby_audit', action: 'updated _design/lobby (validate_doc_update)' },
    ])
    expect((await adminGet(lobby, 'lobby_desk/_security')).body.members.roles).toEqual(['frontdesk', 'lead', 'manager', 'admin'])
    expect((await adminGet(lobby, 'lobby_audit/_design/lobby')).body.validate_doc_update).toContain('Audit entries cannot be changed')
  })
})

describe('npm run provision (server/provision/cli.js)', () => {
  let lobby: RunningLobbyServer
  let dir: string
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const out: string[] = []
    const err: string[] = []
    const code = await main(args, { env, out: (l) => out.push(l), err: (l) => err.push(l) })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  beforeAll(async () => {
    lobby = await startLobbyServer() // provisioned itself on start
    dir = mkdtempSync(join(tmpdir(), 'lobby-provision-'))
    writeFileSync(join(dir, 'admin-password'), `${lobby.adminPassword}\n`, { mode: 0o600 })
  })
  afterAll(async () => {
    await lobby?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds the embedded server already provisioned, with a password file', async () => {
    const result = await run(['--url', `${lobby.url}/db/`, '--admin', 'admin', '--password-file', join(dir, 'admin-password')])
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(result.out).toContain(`Provisioning ${lobby.url}/db/ (databases lobby_*)`)
    expect(result.out).toContain('Nothing to do: all 8 databases and _users were already in place.')
  })

  it('takes the password from LOBBY_ADMIN_PASSWORD, a prefix, and personal realms', async () => {
    const result = await run(['--url', `${lobby.url}/db`, '--prefix', 'site2_', '--tech', 'Tk'], { LOBBY_ADMIN_PASSWORD: lobby.adminPassword })
    expect(result.code).toBe(0)
    expect(result.out).toContain('site2_desk: created the database')
    expect(result.out).toContain('site2_tech_546b: created the database')
    expect((await adminGet(lobby, 'site2_tech_546b/_security')).body.members).toEqual({ names: ['Tk'], roles: ['lead', 'manager'] })
  })

  it('says why it failed: wrong password, unreachable server, not CouchDB, bad usage', async () => {
    const wrong = await run(['--url', `${lobby.url}/db/`, '--password', 'nope'])
    expect(wrong.code).toBe(1)
    expect(wrong.err).toMatch(/401 unauthorized: .*check the admin name and password/)

    const port = await closedPort()
    const closed = await run(['--url', `http://127.0.0.1:${port}/`, '--password', 'x'])
    expect(closed.code).toBe(1)
    expect(closed.err).toContain(`Cannot reach http://127.0.0.1:${port}/ (ECONNREFUSED)`)

    const notCouch = await run(['--url', `${lobby.url}/healthz/`, '--password', 'x'])
    expect(notCouch.code).toBe(1)
    expect(notCouch.err).toMatch(/no CouchDB answer/)

    expect((await run(['--password', 'x'])).code).toBe(2)
    expect((await run(['--url', lobby.url])).err).toMatch(/No admin password/)
    expect((await run(['--url', lobby.url, '--password', 'x', '--prefix', 'Bad'])).code).toBe(2)
  })

  it('refuses a signed-in user who is not a server admin', async () => {
    await createServerUser(adminClient(lobby), { name: 'boss', password: 'pw-boss', roles: ['admin'] })
    const result = await run(['--url', `${lobby.url}/db/`, '--admin', 'boss', '--password', 'pw-boss'])
    expect(result.code).toBe(1)
    expect(result.err).toContain('boss is not a server admin')
  })
})

describe('lobby_public', () => {
  let lobby: RunningLobbyServer
  let admin: SignedIn
  let desk1: SignedIn
  const org = { _id: 'org', type: 'org', orgId: 'o1', createdAt: '2024-01-01T00:00:00.000Z', auditPublicJwk: { kty: 'EC' }, settings: {} }
  beforeAll(async () => {
    lobby = await startLobbyServer()
    admin = await signedInUser(lobby, 'adm1', ['admin'])
    desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
    expect((await admin.call('PUT', 'lobby_public/org', org)).status).toBe(201)
  })
  afterAll(() => lobby?.stop())

  it('is readable by id by anyone, and listable when signed in (issue 8: no anonymous listing)', async () => {
    const res = await anonymous(lobby, 'GET', 'lobby_public/org')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ orgId: 'o1', auditPublicJwk: { kty: 'EC' } })
    expect((await anonymous(lobby, 'GET', 'lobby_public/_all_docs')).status).toBe(401)
    expect((await desk1.call('GET', 'lobby_public/_all_docs')).status).toBe(200)
  })

  it('refuses writes from anonymous clients and from roles other than admin', async () => {
    const { _rev } = (await adminGet(lobby, 'lobby_public/org')).body
    const forged = { ...org, _rev, auditPublicJwk: { kty: 'EC', forged: true } }
    const anon = await anonymous(lobby, 'PUT', 'lobby_public/org', forged)
    expect(anon.status).toBe(401)
    expect(await anon.json()).toEqual({ error: 'unauthorized', reason: 'Sign in to write to this database.' })
    expect((await desk1.call('PUT', 'lobby_public/org', forged)).status).toBe(403)
    expect((await anonymous(lobby, 'PUT', 'lobby_public/login:x', { type: 'login', userId: 'u', kdf: {} })).status).toBe(401)
    expect((await adminGet(lobby, 'lobby_public/org')).body).toMatchObject({ _rev, auditPublicJwk: { kty: 'EC' } })
    expect((await adminGet(lobby, 'lobby_public/login:x')).status).toBe(404)
  })

  it('takes login documents from an admin, with their clear fields', async () => {
    expect((await admin.call('PUT', 'lobby_public/login:h1', { type: 'login', userId: 'u1', kdf: { alg: 'argon2id' } })).status).toBe(201)
    const missing = await admin.call('PUT', 'lobby_public/login:h2', { type: 'login', userId: 'u1' })
    expect(missing.status).toBe(403)
    expect((await missing.json()).reason).toContain('Missing field "kdf"')
  })

  it('keeps its _security out of reach of documents (_local/_security)', async () => {
    const takeover = { _rev: '0-1', security: { admins: { names: ['desk1'], roles: [] }, members: { names: ['desk1'], roles: [] } } }
    expect((await anonymous(lobby, 'PUT', 'lobby_public/_local/_security', takeover)).status).toBe(401) // no anonymous _local at all
    expect((await desk1.call('PUT', 'lobby_public/_local/_security', takeover)).status).toBe(403)
    const bulk = await desk1.call('POST', 'lobby_public/_bulk_docs', { docs: [{ _id: '_local/_security', ...takeover }] })
    expect((await bulk.json())[0]).toMatchObject({ error: 'forbidden' })
    expect((await desk1.call('PUT', 'lobby_public/_security', takeover.security)).status).toBe(401)
    expect((await adminGet(lobby, 'lobby_public/_security')).body).toEqual({})
    expect((await anonymous(lobby, 'GET', 'lobby_public/org')).status).toBe(200)
  })
})

describe('server accounts', () => {
  let lobby: RunningLobbyServer
  let adm1: SignedIn
  let desk1: SignedIn
  const asUser = (user: SignedIn) => couchClient({ url: `${lobby.url}/db/`, cookie: user.cookie })
  beforeAll(async () => {
    lobby = await startLobbyServer()
    adm1 = await signedInUser(lobby, 'adm1', ['admin'])
    desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
  })
  afterAll(() => lobby?.stop())

  it('can be created with roles by a user with role admin (through _users)', async () => {
    await createServerUser(asUser(adm1), { name: 'agent7', password: 'pw-agent7', roles: ['agent'] })
    const login = await postSession(lobby.url, 'agent7', 'pw-agent7')
    expect(login.status).toBe(200)
    expect(await login.json()).toEqual({ ok: true, name: 'agent7', roles: ['agent'] })
    expect(await listServerUsers(asUser(adm1))).toContainEqual({ name: 'agent7', roles: ['agent'] })
  })

  it('cannot be created, listed or given roles by a front-desk user', async () => {
    await expect(createServerUser(asUser(desk1), { name: 'mole', password: 'pw-mole', roles: ['manager'] }))
      .rejects.toMatchObject({ status: 403, error: 'forbidden', reason: 'Only _admin may set roles' })
    expect((await postSession(lobby.url, 'mole', 'pw-mole')).status).toBe(401)
    await expect(listServerUsers(asUser(desk1))).rejects.toMatchObject({ status: 401 })
    const own = (await (await desk1.call('GET', '_users/org.couchdb.user:desk1')).json())
    expect((await desk1.call('PUT', '_users/org.couchdb.user:desk1', { ...own, roles: ['admin'] })).status).toBe(403)
  })

  it('keeps _users’ rules and _security from its admins and from anonymous sign-ups', async () => {
    const auth = (await adminGet(lobby, '_users/_design/_auth')).body
    expect((await adm1.call('PUT', '_users/_design/_auth', { ...auth, validate_doc_update: 'function () {}' })).status).toBe(403)
    expect((await adm1.call('PUT', '_users/_security', { admins: { names: ['adm1'] }, members: {} })).status).toBe(403)
    expect((await adminGet(lobby, '_users/_security')).body.admins).toEqual({ names: [], roles: ['admin'] })
    const signUp = await anonymous(lobby, 'PUT', '_users/org.couchdb.user:stranger', { name: 'stranger', type: 'user', roles: [], password: 'x' })
    expect(signUp.status).toBe(401)
  })

  it('can change their own password', async () => {
    await setServerUserPassword(asUser(desk1), 'desk1', 'pw-new')
    expect((await postSession(lobby.url, 'desk1', 'pw-new')).status).toBe(200)
    expect((await postSession(lobby.url, 'desk1', desk1.password)).status).toBe(401)
  })

  it('once disabled, cannot sign in, and an open session ends', async () => {
    const leaver = await signedInUser(lobby, 'leaver', ['frontdesk'])
    expect((await leaver.call('GET', 'lobby_desk/_all_docs')).status).toBe(200)
    await disableServerUser(asUser(adm1), 'leaver')
    expect((await postSession(lobby.url, 'leaver', leaver.password)).status).toBe(401)
    const session = await (await leaver.call('GET', '_session')).json()
    expect(session.userCtx).toEqual({ name: null, roles: [] })
    expect((await leaver.call('GET', 'lobby_desk/_all_docs')).status).toBe(401)
    expect(await listServerUsers(adminClient(lobby))).toContainEqual({ name: 'leaver', roles: [] })
  })
})
