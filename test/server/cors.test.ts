// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDist } from './support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

const OK = 'https://ok.example'
const EVIL = 'https://evil.example'

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
  })
}

describe('CORS with an allowed origin', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: makeDist(), corsOrigins: [OK] })
  })
  afterAll(() => lobby?.stop())

  it('answers a preflight from the listed origin, with credentials', async () => {
    const res = await preflight(`${lobby.url}/db/_session`, OK)
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(OK)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
  })

  it('allows an actual request from the listed origin', async () => {
    for (const path of ['/db/_session', '/healthz']) {
      const res = await fetch(`${lobby.url}${path}`, { headers: { origin: OK } })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin'), path).toBe(OK)
      expect(res.headers.get('access-control-allow-credentials'), path).toBe('true')
      expect(res.headers.get('vary'), path).toContain('Origin')
    }
  })

  it('gives an unlisted origin no CORS headers, preflight or not', async () => {
    const pre = await preflight(`${lobby.url}/db/_session`, EVIL)
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull()
    const res = await fetch(`${lobby.url}/db/_session`, { headers: { origin: EVIL } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('never answers with a wildcard', async () => {
    const res = await fetch(`${lobby.url}/db/`, { headers: { origin: 'null' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('CORS without configured origins', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: makeDist() })
  })
  afterAll(() => lobby?.stop())

  it('sends no allow-origin header at all, not even express-pouchdb', async () => {
    for (const origin of [OK, EVIL]) {
      for (const path of ['/db/', '/db/_session', '/db/_users', '/healthz', '/']) {
        const res = await fetch(`${lobby.url}${path}`, { headers: { origin } })
        expect(res.headers.get('access-control-allow-origin'), `${origin} ${path}`).toBeNull()
      }
      const pre = await preflight(`${lobby.url}/db/_session`, origin)
      expect(pre.headers.get('access-control-allow-origin')).toBeNull()
    }
  })
})

describe('CORS configuration', () => {
  it.each(['*', 'https://ok.example/', 'ok.example'])('refuses %s as an origin', async (origin) => {
    await expect(startLobbyServer({ corsOrigins: [origin] })).rejects.toThrow(/CORS origin/)
  })
})
