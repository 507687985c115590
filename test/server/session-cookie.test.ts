// @vitest-environment node
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import https from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestIsHttps } from '../../server/db-headers.js'
import { cookiePair, createUser, postSession } from './support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** Cookie attributes, lower-cased, without the name=value pair. */
function attributes(setCookie: string | null): string[] {
  return (setCookie ?? '').split(';').slice(1).map((part) => part.trim().toLowerCase())
}

describe('the AuthSession cookie over plain HTTP', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer()
    await createUser(lobby, 'desk1', 'pw-desk1', ['frontdesk'])
  })
  afterAll(() => lobby?.stop())

  it('is HttpOnly and SameSite=Strict, not Secure, at sign-in', async () => {
    const res = await postSession(lobby.url, 'desk1', 'pw-desk1')
    expect(res.status).toBe(200)
    const attrs = attributes(res.headers.get('set-cookie'))
    expect(attrs).toContain('httponly')
    expect(attrs).toContain('samesite=strict')
    expect(attrs).not.toContain('secure')
  })

  it('keeps those attributes when express-pouchdb re-issues it on a later request', async () => {
    const cookie = cookiePair((await postSession(lobby.url, 'desk1', 'pw-desk1')).headers.get('set-cookie'))
    const res = await fetch(`${lobby.url}/db/_session`, { headers: { cookie } })
    expect((await res.json()).userCtx.name).toBe('desk1')
    const setCookie = res.headers.get('set-cookie')
    expect(setCookie).toMatch(/^AuthSession=/)
    expect(attributes(setCookie)).toEqual(expect.arrayContaining(['httponly', 'samesite=strict']))
  })

  it('keeps them on sign-out', async () => {
    const res = await fetch(`${lobby.url}/db/_session`, { method: 'DELETE' })
    expect(res.status).toBe(200)
    expect(attributes(res.headers.get('set-cookie'))).toEqual(expect.arrayContaining(['httponly', 'samesite=strict']))
  })

  it('is Secure when a proxy on loopback says the browser used HTTPS', async () => {
    const res = await postSession(lobby.url, 'desk1', 'pw-desk1', { 'x-forwarded-proto': 'https' })
    expect(res.status).toBe(200)
    expect(attributes(res.headers.get('set-cookie'))).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']))
  })

  it('still refuses a wrong password, as JSON', async () => {
    const res = await postSession(lobby.url, 'desk1', 'wrong')
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.json()).toEqual({ error: 'unauthorized', reason: 'Name or password is incorrect.' })
  })

  it('accepts a form-encoded sign-in, and ?next= only to a path on this server', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const body = 'name=desk1&password=pw-desk1'
    const ok = await fetch(`${lobby.url}/db/_session`, { method: 'POST', headers: form, body })
    expect(await ok.json()).toEqual({ ok: true, name: 'desk1', roles: ['frontdesk'] })
    const redirect = await fetch(`${lobby.url}/db/_session?next=/diagnostics`, { method: 'POST', headers: form, body, redirect: 'manual' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe('/diagnostics')
    const away = await fetch(`${lobby.url}/db/_session?next=//evil.example/`, { method: 'POST', headers: form, body, redirect: 'manual' })
    expect(away.status).toBe(400)
  })
})

describe('which requests count as HTTPS', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}, encrypted = false) =>
    ({ socket: { remoteAddress, encrypted }, headers }) as never

  it('believes X-Forwarded-Proto from loopback only', () => {
    expect(requestIsHttps(req('127.0.0.1', { 'x-forwarded-proto': 'https' }))).toBe(true)
    expect(requestIsHttps(req('::1', { 'x-forwarded-proto': 'https, http' }))).toBe(true)
    expect(requestIsHttps(req('::ffff:127.0.0.1', { 'x-forwarded-proto': 'HTTPS' }))).toBe(true)
    expect(requestIsHttps(req('192.168.1.20', { 'x-forwarded-proto': 'https' }))).toBe(false)
    expect(requestIsHttps(req('::ffff:10.0.0.7', { 'x-forwarded-proto': 'https' }))).toBe(false)
    expect(requestIsHttps(req('127.0.0.1', { 'x-forwarded-proto': 'http' }))).toBe(false)
    expect(requestIsHttps(req('127.0.0.1'))).toBe(false)
  })

  it('counts a TLS connection from anywhere', () => {
    expect(requestIsHttps(req('192.168.1.20', {}, true))).toBe(true)
  })
})

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe.skipIf(!hasOpenssl())('the AuthSession cookie over HTTPS (--https-cert)', () => {
  let close: () => Promise<void>
  let port: number
  let adminPassword: string
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobby-tls-'))
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
    const lobby = await startLobbyServer({ https: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } })
    adminPassword = lobby.adminPassword
    port = lobby.port
    close = lobby.stop
  })
  afterAll(() => close?.())

  it('is Secure, HttpOnly and SameSite=Strict', async () => {
    const setCookie = await new Promise<string>((resolve, reject) => {
      const request = https.request({
        host: '127.0.0.1', port, path: '/db/_session', method: 'POST', rejectUnauthorized: false,
        headers: { 'content-type': 'application/json' },
      }, (res) => {
        res.resume()
        resolve(String(res.headers['set-cookie'] ?? ''))
      })
      request.on('error', reject)
      request.end(JSON.stringify({ name: 'admin', password: adminPassword }))
    })
    expect(setCookie).toMatch(/^AuthSession=/)
    expect(attributes(setCookie)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']))
  })
})
