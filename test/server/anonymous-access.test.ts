// @vitest-environment node
// Issue 8 §5: an anonymous client may fetch a pre-login document of the public
// database by id (the join flow: `org`, then `login:<hash>`), not list or
// replicate it, and may write no `_local` document anywhere; signed-in
// `_local` writes stay as small as replication checkpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_LOCAL_DOC_BYTES } from '../../server/request-guards.js'
import { createUser } from './support'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

const JSON_TYPE = { 'content-type': 'application/json' }

describe('anonymous access to the sync API', () => {
  let lobby: RunningLobbyServer
  const desk = { authorization: basicAuth('udesk', 'pw-desk') }
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${lobby.url}/db/${path}`, {
      method, headers: { ...JSON_TYPE, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: null })
    await createUser(lobby, 'udesk', 'pw-desk', ['frontdesk'])
    const admin = { authorization: lobby.adminAuthorization }
    expect((await call('PUT', 'lobby_public/org', admin, { type: 'org', orgId: 'o1', auditPublicJwk: {} })).status).toBe(201)
    expect((await call('PUT', 'lobby_public/login:abc', admin, { type: 'login', userId: 'udesk', kdf: { v: 1 } })).status).toBe(201)
  })
  afterAll(() => lobby?.stop())

  it('lets anyone fetch the organisation and a login document by id (the join flow)', async () => {
    expect((await call('GET', 'lobby_public/org')).status).toBe(200)
    const login = await call('GET', 'lobby_public/login:abc')
    expect(login.status).toBe(200)
    expect((await login.json()).userId).toBe('udesk')
    expect((await call('GET', 'lobby_public/login:nobody')).status).toBe(404)
  })

  const LISTINGS: [string, string, unknown?][] = [
    ['GET', 'lobby_public/_all_docs'],
    ['GET', 'lobby_public/_all_docs?include_docs=true'],
    ['POST', 'lobby_public/_all_docs', { keys: ['login:abc'] }],
    ['GET', 'lobby_public/_changes'],
    ['GET', 'lobby_public/_changes?feed=longpoll&since=now'],
    ['POST', 'lobby_public/_changes', { doc_ids: ['login:abc'] }],
    ['POST', 'lobby_public/_bulk_get', { docs: [{ id: 'login:abc' }] }],
    ['POST', 'lobby_public/_revs_diff', { 'login:abc': ['1-x'] }],
    ['POST', 'lobby_public/_find', { selector: { type: 'login' } }],
    ['GET', 'lobby_public/_local/anything'],
    ['GET', 'lobby_public/_local_docs'],
    ['GET', 'lobby_public/_design_docs'],
    ['GET', 'lobby_public/_design/lobby'],
    ['GET', 'lobby_public/_security'],
    ['GET', 'lobby_public/_ALL_DOCS'],
    ['GET', 'lobby_public/%5Fall_docs'],
  ]

  it.each(LISTINGS)('refuses anonymous %s %s', async (method, path, body) => {
    const res = await call(method, path, {}, body)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: 'unauthorized' })
  })

  it.each(LISTINGS.filter(([, path]) => !/_find|_security|_design|%5F|_ALL/.test(path)))(
    'still answers %s %s to a signed-in user', async (method, path, body) => {
      const res = await call(method, path, desk, body)
      expect([200, 404]).toContain(res.status)
    })

  it('refuses anonymous _local writes, on the public database and every other', async () => {
    for (const db of ['lobby_public', 'lobby_desk', '_users']) {
      const res = await call('PUT', `${db}/_local/x`, {}, { big: 'x'.repeat(1000) })
      expect(res.status, db).toBe(401)
      expect((await call('DELETE', `${db}/_local/x`)).status, db).toBe(401)
    }
    const bulk = await call('POST', 'lobby_public/_bulk_docs', {}, { docs: [{ _id: '_local/y', x: 1 }] })
    expect(bulk.status).toBe(401)
    // A POST to the database itself names no `_local` path, only its body does.
    expect((await call('POST', 'lobby_public', {}, { _id: '_local/z', x: 1 })).status).toBe(401)
    for (const id of ['x', 'y', 'z']) {
      expect((await call('GET', `lobby_public/_local/${id}`, { authorization: lobby.adminAuthorization })).status, id).toBe(404)
    }
  })

  it('takes a signed-in user’s replication checkpoint, not a large _local document', async () => {
    const checkpoint = { session_id: 's', last_seq: '12', history: [{ session_id: 's', last_seq: '12' }], replicator: 'pouchdb', version: 1 }
    expect((await call('PUT', 'lobby_public/_local/cp1', desk, checkpoint)).status).toBe(201)
    const big = await call('PUT', 'lobby_public/_local/cp2', desk, { pad: 'x'.repeat(MAX_LOCAL_DOC_BYTES) })
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ error: 'too_large' })
    const bulkBig = await call('POST', 'lobby_public/_bulk_docs', desk, { docs: [{ _id: '_local/cp3', pad: 'x'.repeat(MAX_LOCAL_DOC_BYTES) }] })
    // `_bulk_docs` answers per document, as CouchDB does.
    expect((await bulkBig.json())[0]).toMatchObject({ error: 'too_large' })
    expect((await call('GET', 'lobby_public/_local/cp2', { authorization: lobby.adminAuthorization })).status).toBe(404)
    expect((await call('GET', 'lobby_public/_local/cp3', { authorization: lobby.adminAuthorization })).status).toBe(404)
  })
})
