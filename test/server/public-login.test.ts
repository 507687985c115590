// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { couchClient } from '../../server/provision/http-client.js'
import { createServerUser } from '../../server/provision/users.js'
import { startLobbyServer } from '../support/lobby-server'

describe('public pre-login documents', () => {
  let stop: () => Promise<void>
  let admin: ReturnType<typeof couchClient>
  let desk: ReturnType<typeof couchClient>
  let rev: string

  beforeAll(async () => {
    const lobby = await startLobbyServer()
    const base = lobby.dbUrl
    admin = lobby.admin
    await createServerUser(admin, { name: 'udesk', password: 'pw-desk', roles: ['frontdesk'] })
    desk = couchClient({ url: base, name: 'udesk', password: 'pw-desk' })
    rev = (await admin.request('PUT', 'lobby_public/login:mine', { body: { type: 'login', userId: 'udesk', kdf: { v: 1 } } })).body.rev
    await admin.request('PUT', 'lobby_public/login:theirs', { body: { type: 'login', userId: 'uother', kdf: { v: 1 } } })
    stop = lobby.stop
  })
  afterAll(async () => stop?.())

  it('lets a user republish their own login document (new Argon2id parameters after first sign-in)', async () => {
    const res = await desk.request('PUT', 'lobby_public/login:mine', { body: { _rev: rev, type: 'login', userId: 'udesk', kdf: { v: 2 } }, ok: [403] })
    expect(res.status).toBe(201)
  })

  it('refuses anyone else’s login document, a change of owner, and the organisation document', async () => {
    const theirs = (await admin.request('GET', 'lobby_public/login:theirs')).body
    expect((await desk.request('PUT', 'lobby_public/login:theirs', { body: { ...theirs, kdf: { v: 9 } }, ok: [403] })).status).toBe(403)
    const mine = (await admin.request('GET', 'lobby_public/login:mine')).body
    expect((await desk.request('PUT', 'lobby_public/login:mine', { body: { ...mine, userId: 'uother' }, ok: [403] })).status).toBe(403)
    expect((await desk.request('PUT', 'lobby_public/org', { body: { type: 'org', orgId: 'x', auditPublicJwk: {} }, ok: [403] })).status).toBe(403)
  })
})
