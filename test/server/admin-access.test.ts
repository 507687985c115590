// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

const REFUSED = { error: 'unauthorized', reason: 'Only a server admin can create databases.' }

describe('admin party is off', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer()
  })
  afterAll(() => lobby?.stop())

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${lobby.url}${path}`, { headers })

  it('gives anonymous requests no roles', async () => {
    const session = await (await get('/db/_session')).json()
    expect(session.userCtx).toEqual({ name: null, roles: [] })
  })

  it('makes basic auth with the generated password the server admin', async () => {
    const session = await (await get('/db/_session', { authorization: lobby.adminAuthorization })).json()
    expect(session.userCtx).toEqual({ name: 'admin', roles: ['_admin'] })
  })

  it('lists databases to the admin only', async () => {
    expect((await get('/db/_all_dbs')).status).toBe(401)
    expect((await get('/db/_ALL_DBS')).status).toBe(401) // express routes ignore case
    const asAdmin = await get('/db/_all_dbs', { authorization: lobby.adminAuthorization })
    expect(asAdmin.status).toBe(200)
    expect(await asAdmin.json()).toContain('_users')
  })

  it('refuses a wrong admin password', async () => {
    const res = await fetch(`${lobby.url}/db/wrongpw`, { method: 'PUT', headers: { authorization: basicAuth('admin', 'nope') } })
    expect(res.status).toBe(401)
  })

  it('keeps server config to admins', async () => {
    expect((await get('/db/_config')).status).toBe(401)
    expect((await get('/db/_config', { authorization: lobby.adminAuthorization })).status).toBe(200)
  })
})

describe('creating and deleting databases', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer()
  })
  afterAll(() => lobby?.stop())

  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    fetch(`${lobby.url}${path}`, { method, headers })

  it.each(['/db/newdb', '/db/newdb/', '/db/new%2Fdb', '/db/member%3A42', '/db/_session'])(
    'refuses an anonymous PUT %s, and the server stays up',
    async (path) => {
      const res = await call('PUT', path)
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(REFUSED)
      const health = await call('GET', '/healthz')
      expect(health.status).toBe(200)
    },
  )

  it('lets the admin create a database', async () => {
    const res = await call('PUT', '/db/newdb', { authorization: lobby.adminAuthorization })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ ok: true })
    const info = await call('GET', '/db/newdb', { authorization: lobby.adminAuthorization })
    expect((await info.json()).db_name).toBe('newdb')
  })

  it('refuses an anonymous DELETE, and the database survives', async () => {
    await call('PUT', '/db/keepme', { authorization: lobby.adminAuthorization })
    const res = await call('DELETE', '/db/keepme')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(REFUSED)
    expect((await call('GET', '/db/keepme', { authorization: lobby.adminAuthorization })).status).toBe(200)
  })

  it('lets the admin delete a database', async () => {
    await call('PUT', '/db/dropme', { authorization: lobby.adminAuthorization })
    expect((await call('DELETE', '/db/dropme', { authorization: lobby.adminAuthorization })).status).toBe(200)
    expect((await call('GET', '/db/dropme', { authorization: lobby.adminAuthorization })).status).toBe(404)
  })
})

describe('a user signed in through _session', () => {
  let lobby: RunningLobbyServer
  let cookie: string
  beforeAll(async () => {
    lobby = await startLobbyServer()
    const user = { _id: 'org.couchdb.user:desk1', name: 'desk1', type: 'user', roles: ['frontdesk'], password: 'correct horse' }
    const created = await fetch(`${lobby.url}/db/_users/${encodeURIComponent(user._id)}`, {
      method: 'PUT',
      headers: { authorization: lobby.adminAuthorization, 'content-type': 'application/json' },
      body: JSON.stringify(user),
    })
    expect(created.status).toBe(201)
    const login = await fetch(`${lobby.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'desk1', password: 'correct horse' }),
    })
    expect(login.status).toBe(200)
    expect(await login.json()).toEqual({ ok: true, name: 'desk1', roles: ['frontdesk'] })
    const setCookie = login.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^AuthSession=[^;]+/)
    cookie = setCookie.split(';')[0]!
  })
  afterAll(() => lobby?.stop())

  it('is known by its cookie', async () => {
    const session = await (await fetch(`${lobby.url}/db/_session`, { headers: { cookie } })).json()
    expect(session.userCtx).toEqual({ name: 'desk1', roles: ['frontdesk'] })
  })

  it('cannot create a database', async () => {
    const res = await fetch(`${lobby.url}/db/mine`, { method: 'PUT', headers: { cookie } })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(REFUSED)
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
  })

  it('cannot borrow admin rights with basic auth next to its cookie', async () => {
    // express-pouchdb goes by the cookie when there is one, so the guard must too.
    const res = await fetch(`${lobby.url}/db/mine`, { method: 'PUT', headers: { cookie, authorization: lobby.adminAuthorization } })
    expect(res.status).toBe(401)
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
  })

  it('can sign out (DELETE /_session is not deleting a database)', async () => {
    const res = await fetch(`${lobby.url}/db/_session`, { method: 'DELETE', headers: { cookie } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    // The last of its cookies clears the session.
    expect(res.headers.getSetCookie().at(-1)).toMatch(/^AuthSession=;/)
  })

  it('rejects a wrong password', async () => {
    const login = await fetch(`${lobby.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'desk1', password: 'wrong' }),
    })
    expect(login.status).toBe(401)
  })
})

describe('an admin signed in through _session', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer()
  })
  afterAll(() => lobby?.stop())

  it('can create a database with the session cookie alone', async () => {
    const login = await fetch(`${lobby.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: lobby.adminPassword }),
    })
    expect(login.status).toBe(200)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const res = await fetch(`${lobby.url}/db/bycookie`, { method: 'PUT', headers: { cookie } })
    expect(res.status).toBe(201)
  })
})

describe('two in-memory servers in one process', () => {
  it('share no databases and no admin', async () => {
    const [a, b] = await Promise.all([startLobbyServer(), startLobbyServer()])
    try {
      expect(a.adminPassword).not.toBe(b.adminPassword)
      expect((await fetch(`${a.url}/db/onlyina`, { method: 'PUT', headers: { authorization: a.adminAuthorization } })).status).toBe(201)
      expect((await fetch(`${b.url}/db/onlyina`, { method: 'PUT', headers: { authorization: a.adminAuthorization } })).status).toBe(401)
      const listB = await (await fetch(`${b.url}/db/_all_dbs`, { headers: { authorization: b.adminAuthorization } })).json()
      expect(listB).not.toContain('onlyina')
      expect((await fetch(`${b.url}/db/onlyina`, { headers: { authorization: b.adminAuthorization } })).status).toBe(404)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })
})
