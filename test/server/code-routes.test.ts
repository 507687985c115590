// @vitest-environment node
// Issue 8 §1: no route evaluates request-supplied or design-document code for
// anyone but the server admin. express-pouchdb's `_temp_view` ran the body's
// `map` with `vm.runInNewContext`, which reaches the server's own `process`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from './support'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/**
 * A `map` that writes `marker` as the server's user while express-pouchdb
 * parses it (before any permission check). `vm` is no sandbox: the new
 * context's global looks names up on an object of the server's own realm, so
 * `globalThis.constructor.constructor` is the server's `Function`.
 */
function escapingMap(marker: string): string {
  return `(function () {
    var p = globalThis.constructor.constructor('return process')();
    p.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, String(p.pid));
    return function (doc) { emit(doc._id, null) };
  })()`
}

describe('routes that run code', () => {
  let lobby: RunningLobbyServer
  let dir: string
  const desk = basicAuth('udesk', 'pw-desk')

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lobby-marker-'))
    lobby = await startLobbyServer({ distDir: null })
    await createUser(lobby, 'udesk', 'pw-desk', ['frontdesk'])
    const put = await fetch(`${lobby.url}/db/lobby_public/org`, {
      method: 'PUT', headers: { authorization: lobby.adminAuthorization, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'org', orgId: 'o1', auditPublicJwk: {} }),
    })
    expect(put.status).toBe(201)
  })
  afterAll(async () => {
    await lobby?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  for (const [who, headers] of [['anonymous', {}], ['a signed-in front-desk user', { authorization: desk }]] as const) {
    it(`does not evaluate a _temp_view map sent by ${who}`, async () => {
      for (const path of ['/db/lobby_public/_temp_view', '/db/lobby_desk/_temp_view', '/db/lobby_public/_TEMP_VIEW/', '/db/lobby_public/_temp%5Fview']) {
        const marker = join(dir, `ran-${Math.random().toString(36).slice(2)}`)
        const res = await fetch(`${lobby.url}${path}`, {
          method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ map: escapingMap(marker) }),
        })
        expect(existsSync(marker), `${path} evaluated the map`).toBe(false)
        expect(res.status, path).toBeGreaterThanOrEqual(400)
        expect(JSON.stringify(await res.json()), path).not.toContain(String(process.pid))
      }
    })

    it.each([
      ['GET', '/db/lobby_public/_design/lobby/_view/all'],
      ['POST', '/db/lobby_public/_design/lobby/_view/all'],
      ['GET', '/db/lobby_public/_design/lobby/_show/s/org'],
      ['GET', '/db/lobby_public/_design/lobby/_list/l/v'],
      ['POST', '/db/lobby_public/_design/lobby/_update/u/org'],
      ['GET', '/db/lobby_public/_design/lobby/_rewrite/x'],
      ['GET', '/db/lobby_public/_design/lobby/_info'],
      ['GET', '/db/lobby_public/_design%2Flobby/_view/all'],
      ['POST', '/db/lobby_public/_view_cleanup'],
      ['POST', '/db/lobby_public/_compact'],
      ['POST', '/db/lobby_public/_compact/lobby'],
      ['GET', '/db/lobby_public/_changes?filter=lobby/f'],
      ['GET', '/db/lobby_public/_changes?filter=_view&view=lobby/all'],
    ])(`refuses %s %s to ${who}`, async (method, path) => {
      const res = await fetch(`${lobby.url}${path}`, {
        method, headers: { ...headers, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}),
      })
      expect([401, 403]).toContain(res.status)
      expect((await res.json()).error).toMatch(/unauthorized|forbidden/)
    })
  }

  it('evaluates no _temp_view map for the server admin either (the route is off) ', async () => {
    const marker = join(dir, 'ran-admin')
    const res = await fetch(`${lobby.url}/db/lobby_public/_temp_view`, {
      method: 'POST', headers: { authorization: lobby.adminAuthorization, 'content-type': 'application/json' },
      body: JSON.stringify({ map: escapingMap(marker) }),
    })
    const body = await res.text()
    expect(existsSync(marker), body).toBe(false)
    expect(res.status, body).toBeGreaterThanOrEqual(400)
  })
})
