// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INDEX_HTML, makeDist } from './support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

describe('serving the built app', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: makeDist() })
  })
  afterAll(() => lobby?.stop())

  it('answers /healthz with ok and the package version', async () => {
    const res = await fetch(`${lobby.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, version })
  })

  it.each(['/', '/index.html', '/sw.js', '/workbox-abc123.js', '/manifest.webmanifest', '/robots.txt'])(
    'makes browsers revalidate %s (no-cache)',
    async (path) => {
      const res = await fetch(`${lobby.url}${path}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
    },
  )

  it('lets browsers keep hashed /assets/ forever', async () => {
    const res = await fetch(`${lobby.url}/assets/x.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('sends the security headers', async () => {
    for (const path of ['/', '/assets/x.js', '/healthz', '/db/']) {
      const res = await fetch(`${lobby.url}${path}`)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
    }
  })

  it('sends the Content-Security-Policy and Permissions-Policy with the app (issue 8: headers)', async () => {
    for (const [path, headers] of [['/', {}], ['/diagnostics', html], ['/sw.js', {}], ['/assets/x.js', {}]] as const) {
      const res = await fetch(`${lobby.url}${path}`, { headers })
      expect(res.headers.get('content-security-policy'), path).toBe(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; img-src 'self' blob: data:; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
      const permissions = res.headers.get('permissions-policy') ?? ''
      expect(permissions, path).toContain('camera=(self)')
      for (const feature of ['microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(permissions, path).toContain(feature)
    }
  })

  it('answers client-side routes such as /diagnostics with index.html', async () => {
    const res = await fetch(`${lobby.url}/diagnostics`, { headers: html })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe(INDEX_HTML)
  })

  it('does not answer a missing script with index.html', async () => {
    const res = await fetch(`${lobby.url}/assets/gone.js`, { headers: { accept: '*/*' } })
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain(INDEX_HTML)
  })

  it.each(['/db', '/db/', '/db/anything', '/db/anything/doc', '/db/_utils', '/DB/anything'])(
    'never answers %s with the app, even for a navigation',
    async (path) => {
      const res = await fetch(`${lobby.url}${path}`, { headers: html })
      // Like CouchDB, express-pouchdb sends JSON as text/plain to a browser.
      expect(res.headers.get('content-type')).not.toContain('text/html')
      const body = await res.text()
      expect(body).not.toContain(INDEX_HTML)
      expect(() => JSON.parse(body)).not.toThrow()
    },
  )

  it('answers the CouchDB welcome at /db/', async () => {
    const res = await fetch(`${lobby.url}/db/`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ couchdb: 'Welcome' })
  })
})

describe('before the app is built', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: mkdtempSync(join(tmpdir(), 'lobby-empty-dist-')) })
  })
  afterAll(() => lobby?.stop())

  it('answers / with 503 and says what to do', async () => {
    const res = await fetch(`${lobby.url}/`)
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('text/plain')
    expect(await res.text()).toContain('Run npm run build first')
  })

  it('still serves the sync API and /healthz', async () => {
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${lobby.url}/db/_session`)).status).toBe(200)
  })
})
