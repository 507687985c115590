// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, makeDist, postSession } from './support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

describe('Cache-Control under /db/', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: makeDist() })
    await createUser(lobby, 'desk1', 'pw-desk1')
    await fetch(`${lobby.url}/db/realm`, { method: 'PUT', headers: { authorization: lobby.adminAuthorization } })
  })
  afterAll(() => lobby?.stop())

  it.each([
    ['GET', '/db'],
    ['GET', '/db/'],
    ['GET', '/db/_session'],
    ['GET', '/db/_uuids'], // express-pouchdb sets its own Cache-Control here
    ['GET', '/db/_all_dbs'], // refused by Lobby's guard
    ['GET', '/db/realm'],
    ['GET', '/db/realm/_changes'],
    ['GET', '/db/realm/_all_docs?include_docs=true'],
    ['GET', '/db/realm/missing-doc'],
    ['GET', '/db/no-such-db'],
    ['PUT', '/db/another'],
    ['GET', '/db/_users/_changes'],
  ])('is no-store for %s %s, admin or not', async (method, path) => {
    for (const headers of [{}, { authorization: lobby.adminAuthorization }] as Record<string, string>[]) {
      const res = await fetch(`${lobby.url}${path}`, { method, headers })
      expect(res.headers.get('cache-control'), `${res.status}`).toBe('no-store')
    }
  })

  it('is no-store for a sign-in, right or wrong', async () => {
    for (const password of ['pw-desk1', 'wrong']) {
      expect((await postSession(lobby.url, 'desk1', password)).headers.get('cache-control')).toBe('no-store')
    }
  })

  it('leaves the app’s own cache headers alone', async () => {
    expect((await fetch(`${lobby.url}/`)).headers.get('cache-control')).toBe('no-cache')
    expect((await fetch(`${lobby.url}/assets/x.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await fetch(`${lobby.url}/healthz`)).headers.get('cache-control')).toBe('no-store')
  })
})

describe('live _changes feeds', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer()
    await fetch(`${lobby.url}/db/realm`, { method: 'PUT', headers: { authorization: lobby.adminAuthorization } })
  })
  afterAll(() => lobby?.stop())

  it('stream uncompressed, so a continuous feed delivers each change at once', async () => {
    await fetch(`${lobby.url}/db/realm/doc1`, {
      method: 'PUT', headers: { authorization: lobby.adminAuthorization, 'content-type': 'application/json' }, body: '{}',
    })
    const controller = new AbortController()
    try {
      // The feed stays open after the change already there: compressed, that change would sit in the compressor's buffer.
      const res = await fetch(`${lobby.url}/db/realm/_changes?feed=continuous&since=0&heartbeat=60000`, {
        headers: { authorization: lobby.adminAuthorization, 'accept-encoding': 'gzip, deflate, br' },
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(5000)]),
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-encoding')).toBeNull()
      const { value } = await res.body!.getReader().read()
      expect(new TextDecoder().decode(value)).toContain('"id":"doc1"')
    } finally {
      controller.abort()
    }
  })

  it('still compresses ordinary answers for clients that accept it', async () => {
    const res = await fetch(`${lobby.url}/db/realm/_changes?since=0&descending=false&style=all_docs&include_docs=true&limit=1000`, {
      headers: { authorization: lobby.adminAuthorization, 'accept-encoding': 'gzip' },
    })
    expect(res.status).toBe(200)
    // Small bodies stay below the compression threshold; the header shows compression is still on.
    expect(res.headers.get('vary')).toContain('Accept-Encoding')
  })
})
