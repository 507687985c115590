// @vitest-environment node
import http from 'node:http'
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../server/request-guards.js'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** A raw request, so headers can say what the body does not. */
function rawRequest(url: string, options: http.RequestOptions, write: (req: http.ClientRequest) => void) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      let body = ''
      res.on('data', (chunk) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    write(req)
  })
}

describe('request bodies under /db/', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer()
    await fetch(`${lobby.url}/db/realm`, { method: 'PUT', headers: { authorization: lobby.adminAuthorization } })
  })
  afterAll(() => lobby?.stop())

  it('refuses a declared body over the limit before reading it', async () => {
    const res = await rawRequest(`${lobby.url}/db/realm/_bulk_docs`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
    }, (req) => req.write('{"docs":[')) // and never the rest
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ error: 'too_large' })
    expect((await fetch(`${lobby.url}/healthz`)).status).toBe(200)
  })

  it('refuses a chunked body (no Content-Length)', async () => {
    const res = await rawRequest(`${lobby.url}/db/realm/doc/file.bin`, {
      method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    }, (req) => { req.write('x'.repeat(1000)); req.end() })
    expect(res.status).toBe(411)
  })

  it('refuses multipart bodies, which express-pouchdb would leave in temporary files', async () => {
    const before = new Set(readdirSync(tmpdir()))
    const boundary = 'lobby-test-boundary'
    const body = `--${boundary}\r\nContent-Type: application/json\r\n\r\n{"_id":"m1"}\r\n--${boundary}\r\n` +
      `Content-Disposition: attachment; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`
    for (const [method, path, type] of [
      ['PUT', '/db/realm/m1', `multipart/related; boundary=${boundary}`],
      ['POST', '/db/realm/m1', `multipart/form-data; boundary=${boundary}`],
    ]) {
      for (const authorization of [undefined, lobby.adminAuthorization]) {
        const res = await fetch(`${lobby.url}${path}`, {
          method, body, headers: { 'content-type': type!, ...(authorization ? { authorization } : {}) },
        })
        expect(res.status).toBe(415)
      }
    }
    const added = readdirSync(tmpdir()).filter((name) => !before.has(name) && !name.startsWith('lobby-'))
    expect(added).toEqual([])
  })

  it('still accepts ordinary writes and attachments', async () => {
    const admin = { authorization: lobby.adminAuthorization }
    const put = await fetch(`${lobby.url}/db/realm/doc1`, { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: '{"a":1}' })
    expect(put.status).toBe(201)
    const { rev } = await put.json()
    const att = await fetch(`${lobby.url}/db/realm/doc1/photo.bin?rev=${rev}`, {
      method: 'PUT', headers: { ...admin, 'content-type': 'application/octet-stream' }, body: new Uint8Array(1024 * 1024),
    })
    expect(att.status).toBe(201)
  })
})
