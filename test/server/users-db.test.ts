// @vitest-environment node
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, postSession } from './support'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

const json = { 'content-type': 'application/json' }

describe('_users read by someone who is not the server admin', () => {
  let lobby: RunningLobbyServer
  let desk1: string
  beforeAll(async () => {
    lobby = await startLobbyServer()
    await createUser(lobby, 'desk1', 'pw-desk1', ['frontdesk'])
    await createUser(lobby, 'other', 'pw-other', ['frontdesk'])
    desk1 = basicAuth('desk1', 'pw-desk1')
  })
  afterAll(() => lobby?.stop())

  const listings: [string, string, unknown?][] = [
    ['GET', '/db/_users/_changes'],
    ['GET', '/db/_users/_changes?feed=longpoll&since=0'],
    ['GET', '/db/_users/_changes?feed=continuous&since=0'],
    ['POST', '/db/_users/_changes', {}],
    ['GET', '/db/_users/_all_docs'],
    ['GET', '/db/_users/_all_docs?include_docs=true'],
    ['POST', '/db/_users/_all_docs', { keys: ['org.couchdb.user:desk1'] }],
    ['POST', '/db/_users/_bulk_get', { docs: [{ id: 'org.couchdb.user:desk1' }] }],
    ['POST', '/db/_users/_revs_diff', { 'org.couchdb.user:desk1': ['1-x'] }],
    ['GET', '/db/_users/_design/_auth/_view/x'],
    ['POST', '/db/_users/_find', { selector: {} }],
    ['GET', '/db/_users/_index'],
  ]

  it.each(listings)('answers %s %s with 401 JSON, and the server stays up', async (method, path, body) => {
    for (const authorization of [undefined, desk1]) {
      const res = await fetch(`${lobby.url}${path}`, {
        method,
        headers: { ...json, ...(authorization ? { authorization } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      })
      expect(res.status, `${authorization ? 'desk1' : 'anonymous'}`).toBe(401)
      expect(await res.json()).toMatchObject({ error: 'unauthorized' })
    }
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
  })

  it.each([
    '/db/_users/org.couchdb.user:other',
    '/db/_users/_design/_auth',
    '/db/_users/_local/x',
    // An attachment read used to end the process (an unhandled rejection).
    '/db/_users/org.couchdb.user:other/photo.jpg',
    '/db/_users/_design/_auth/file.txt',
  ])('answers GET %s with 404 JSON to another user and 401 to anonymous, and the server stays up', async (path) => {
    // Provisioning makes `_users` members-only (staff and member roles), so
    // anonymous requests stop at _security; signed-in users reach the
    // document rules.
    const res = await fetch(`${lobby.url}${path}`, { headers: { authorization: desk1 } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'not_found', reason: 'missing' })
    const anonymous = await fetch(`${lobby.url}${path}`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' })
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
  })

  it('still lets the server admin read _users', async () => {
    const admin = { authorization: lobby.adminAuthorization }
    expect((await fetch(`${lobby.url}/db/_users/_changes`, { headers: admin })).status).toBe(200)
    const doc = await (await fetch(`${lobby.url}/db/_users/org.couchdb.user:desk1`, { headers: admin })).json()
    expect(doc.roles).toEqual(['frontdesk'])
  })
})

describe('a user editing their own _users document', () => {
  let lobby: RunningLobbyServer
  const desk1 = { authorization: basicAuth('desk1', 'pw-desk1'), ...json }
  const ownUrl = () => `${lobby.url}/db/_users/org.couchdb.user:desk1`
  beforeAll(async () => {
    lobby = await startLobbyServer()
    await createUser(lobby, 'desk1', 'pw-desk1', ['frontdesk'])
    await createUser(lobby, 'boss', 'pw-boss', ['manager'])
  })
  afterAll(() => lobby?.stop())

  const ownDoc = async () => (await fetch(ownUrl(), { headers: desk1 })).json()
  const rolesOf = async (name: string, password: string) =>
    (await (await fetch(`${lobby.url}/db/_session`, { headers: { authorization: basicAuth(name, password) } })).json()).userCtx.roles

  it('cannot give themselves another role', async () => {
    const doc = await ownDoc()
    expect(doc.roles).toEqual(['frontdesk'])
    for (const url of [ownUrl(), `${lobby.url}/db/_users/org.couchdb.user%3Adesk1`, `${lobby.url}/db/_USERS/org.couchdb.user:desk1`]) {
      const res = await fetch(url, { method: 'PUT', headers: desk1, body: JSON.stringify({ ...doc, roles: ['manager'] }) })
      expect(res.status, url).toBeGreaterThanOrEqual(400)
    }
    const res = await fetch(ownUrl(), { method: 'PUT', headers: desk1, body: JSON.stringify({ ...doc, roles: ['frontdesk', 'manager'] }) })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ error: 'forbidden', reason: 'Only _admin may edit roles' })
    expect(await rolesOf('desk1', 'pw-desk1')).toEqual(['frontdesk'])
  })

  it('cannot overwrite someone else’s account through their own URL', async () => {
    const boss = await (await fetch(`${lobby.url}/db/_users/org.couchdb.user:boss`, { headers: { authorization: lobby.adminAuthorization } })).json()
    const forged = { _rev: boss._rev, name: 'boss', type: 'user', roles: ['manager'], password: 'taken' }
    const viaBody = await fetch(ownUrl(), { method: 'PUT', headers: desk1, body: JSON.stringify({ _id: 'org.couchdb.user:boss', ...forged }) })
    expect(viaBody.status).toBe(403)
    const viaQuery = await fetch(`${ownUrl()}?id=org.couchdb.user:boss`, { method: 'PUT', headers: desk1, body: JSON.stringify(forged) })
    expect(viaQuery.status).toBe(403)
    expect(await rolesOf('boss', 'pw-boss')).toEqual(['manager'])
    expect((await postSession(lobby.url, 'boss', 'taken')).status).toBe(401)
  })

  it('cannot attach files to it', async () => {
    const doc = await ownDoc()
    const res = await fetch(`${ownUrl()}/x.txt?rev=${doc._rev}`, { method: 'PUT', headers: { ...desk1, 'content-type': 'text/plain' }, body: 'x' })
    expect(res.status).toBe(403)
  })

  it('can still change their own password', async () => {
    const doc = await ownDoc()
    const res = await fetch(ownUrl(), { method: 'PUT', headers: desk1, body: JSON.stringify({ ...doc, password: 'pw-new' }) })
    expect(res.status).toBe(201)
    expect((await postSession(lobby.url, 'desk1', 'pw-new')).status).toBe(200)
    expect(await rolesOf('desk1', 'pw-new')).toEqual(['frontdesk'])
  })
})

describe('_bulk_get and Mango respect _security', () => {
  let lobby: RunningLobbyServer
  const asAdmin = () => ({ authorization: lobby.adminAuthorization, ...json })
  const member = { authorization: basicAuth('desk1', 'pw-desk1'), ...json }
  const outsider = { authorization: basicAuth('guest', 'pw-guest'), ...json }
  const bulkGet = (headers: Record<string, string>, body: unknown, query = '') =>
    fetch(`${lobby.url}/db/desk/_bulk_get${query}`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) })
  const one = { docs: [{ id: 'visit:1' }] }

  beforeAll(async () => {
    lobby = await startLobbyServer()
    const put = (path: string, body: unknown) => fetch(`${lobby.url}/db/${path}`, { method: 'PUT', headers: asAdmin(), body: JSON.stringify(body) })
    await put('desk', {})
    await put('desk/_security', { admins: { names: [], roles: [] }, members: { names: [], roles: ['frontdesk'] } })
    await put('desk/visit:1', { ciphertext: 'c1' })
    await createUser(lobby, 'desk1', 'pw-desk1', ['frontdesk'])
    await createUser(lobby, 'guest', 'pw-guest')
  })
  afterAll(() => lobby?.stop())

  it('refuses _bulk_get to anonymous and to non-members, whatever userCtx they send', async () => {
    const claim = { name: 'x', roles: ['_admin'] }
    for (const [headers, body, query] of [
      [json, one, ''],
      [outsider, one, ''],
      [json, { ...one, userCtx: claim }, ''],
      [json, one, `?userCtx=${encodeURIComponent(JSON.stringify(claim))}`],
    ] as const) {
      const res = await bulkGet(headers, body, query)
      expect(res.status).toBe(401)
      expect(await res.text()).not.toContain('c1')
    }
  })

  it('gives members their documents through _bulk_get', async () => {
    const res = await bulkGet(member, one)
    expect(res.status).toBe(200)
    expect((await res.json()).results[0].docs[0].ok).toMatchObject({ _id: 'visit:1', ciphertext: 'c1' })
  })

  it('answers an empty _bulk_get instead of hanging', async () => {
    const res = await bulkGet(member, { docs: [] })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ results: [] })
  })

  it('refuses a continuous _changes feed to non-members with 401, and the server stays up', async () => {
    // This request used to end the process (an unhandled rejection).
    for (const headers of [json, outsider]) {
      const res = await fetch(`${lobby.url}/db/desk/_changes?feed=continuous&since=0`, { headers, signal: AbortSignal.timeout(5000) })
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ error: 'unauthorized' })
    }
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
  })

  it('keeps userCtx out of the query string everywhere', async () => {
    const claim = encodeURIComponent(JSON.stringify({ name: 'x', roles: ['_admin'] }))
    expect((await fetch(`${lobby.url}/db/desk/_all_docs?userCtx=${claim}`)).status).toBe(401)
    expect((await fetch(`${lobby.url}/db/desk/visit:1?userCtx=${claim}`)).status).toBe(401)
  })

  it.each([
    ['POST', '/db/desk/_find', { selector: {} }],
    ['POST', '/db/desk/_explain', { selector: {} }],
    ['GET', '/db/desk/_index', undefined],
    ['POST', '/db/desk/_index', { index: { fields: ['ciphertext'] } }],
    ['DELETE', '/db/desk/_index/_design/x/json/y', undefined],
  ])('keeps %s %s to the server admin', async (method, path, body) => {
    for (const headers of [json, member]) {
      const res = await fetch(`${lobby.url}${path}`, { method, headers, body: body && JSON.stringify(body) })
      expect(res.status).toBe(401)
      expect(await res.text()).not.toContain('c1')
    }
  })

  it('lets the server admin use _find', async () => {
    const res = await fetch(`${lobby.url}/db/desk/_find`, { method: 'POST', headers: asAdmin(), body: JSON.stringify({ selector: {} }) })
    expect(res.status).toBe(200)
    expect((await res.json()).docs).toHaveLength(1)
  })
})

describe('signing in', () => {
  // The same CommonJS PouchDB the server uses: it announces every instance opened.
  const PouchDB = createRequire(import.meta.url)('pouchdb') as {
    on(event: 'ref', listener: (db: { name: string }) => void): void
    removeListener(event: 'ref', listener: (db: { name: string }) => void): void
  }
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    // Ten wrong passwords below: more than a name may fail by default (test/server/sign-in-limits.test.ts).
    lobby = await startLobbyServer({ signInLimits: { perName: 100 } })
    await createUser(lobby, 'desk1', 'pw-desk1', ['frontdesk'])
  })
  afterAll(() => lobby?.stop())

  it('opens no new _users instance per POST /_session', async () => {
    const opened: string[] = []
    const onRef = (db: { name: string }) => opened.push(db.name)
    PouchDB.on('ref', onRef)
    try {
      for (let i = 0; i < 20; i++) {
        expect((await postSession(lobby.url, 'desk1', i % 2 ? 'pw-desk1' : 'wrong')).status).toBe(i % 2 ? 200 : 401)
      }
    } finally {
      PouchDB.removeListener('ref', onRef)
    }
    expect(opened).toEqual([])
  })
})
