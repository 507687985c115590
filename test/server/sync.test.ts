// @vitest-environment node
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** The little of PouchDB this test uses (the repo has no PouchDB type declarations). */
interface Db {
  bulkDocs(docs: object[]): Promise<unknown>
  allDocs(): Promise<{ rows: { id: string }[] }>
  replicate: {
    to(target: Db): Promise<{ docs_written: number; doc_write_failures: number }>
    from(source: Db): Promise<{ ok: boolean }>
  }
}
interface PouchDBClass {
  new (name: string, options?: object): Db
  plugin(plugin: unknown): void
  __defaults?: unknown
}
// The same CommonJS instance the server uses, so the defaults check below means something.
const require = createRequire(import.meta.url)
const PouchDB = require('pouchdb') as PouchDBClass
PouchDB.plugin(require('pouchdb-adapter-memory'))

/** A validate_doc_update like the ones provisioning will install: authors sign as themselves. */
const designDoc = {
  _id: '_design/lobby',
  validate_doc_update: `function (newDoc, oldDoc, userCtx) {
    if (userCtx.roles.indexOf('_admin') !== -1) return;
    if (newDoc.by !== userCtx.name) throw { forbidden: 'by must be the signed-in user' };
  }`,
}

describe('a PouchDB client replicating with the server', () => {
  let lobby: RunningLobbyServer
  let n = 0
  const localDb = () => new PouchDB(`sync-test-local-${++n}`, { adapter: 'memory' })
  const remoteDb = (auth?: { username: string; password: string }) =>
    new PouchDB(`${lobby.url}/db/desk`, { adapter: 'http', skip_setup: true, ...(auth ? { auth } : {}) })

  beforeAll(async () => {
    lobby = await startLobbyServer()
    const admin = { authorization: lobby.adminAuthorization, 'content-type': 'application/json' }
    const put = async (path: string, body: unknown) => {
      const res = await fetch(`${lobby.url}/db/${path}`, { method: 'PUT', headers: admin, body: JSON.stringify(body) })
      expect(res.status, path).toBeLessThan(300)
    }
    await put('desk', {})
    await put('desk/_security', { admins: { names: [], roles: [] }, members: { names: [], roles: ['frontdesk'] } })
    await put('desk/_design/lobby', designDoc)
    await put('_users/org.couchdb.user:desk1', { name: 'desk1', type: 'user', roles: ['frontdesk'], password: 'pw-desk1' })
    await put('_users/org.couchdb.user:guest', { name: 'guest', type: 'user', roles: [], password: 'pw-guest' })
  })
  afterAll(() => lobby?.stop())

  it('keeps the base PouchDB class free of the server defaults', () => {
    expect(PouchDB.__defaults).toBeUndefined()
  })

  it('pushes a member’s documents and refuses the ones validate_doc_update forbids', async () => {
    const local = localDb()
    await local.bulkDocs([
      { _id: 'visit:1', type: 'visit', by: 'desk1' },
      { _id: 'visit:2', type: 'visit', by: 'desk1' },
      { _id: 'visit:forged', type: 'visit', by: 'someone-else' },
    ])
    const result = await local.replicate.to(remoteDb({ username: 'desk1', password: 'pw-desk1' }))
    expect(result.docs_written).toBe(2)
    expect(result.doc_write_failures).toBe(1)
  })

  it('pulls them into a fresh device (changes, revs_diff, bulk_get)', async () => {
    const local = localDb()
    const result = await local.replicate.from(remoteDb({ username: 'desk1', password: 'pw-desk1' }))
    expect(result.ok).toBe(true)
    const ids = (await local.allDocs()).rows.map((row) => row.id)
    expect(ids).toEqual(expect.arrayContaining(['visit:1', 'visit:2']))
    expect(ids).not.toContain('visit:forged')
  })

  it('keeps non-members and anonymous clients out', async () => {
    await expect(remoteDb({ username: 'guest', password: 'pw-guest' }).allDocs()).rejects.toMatchObject({ status: 401 })
    await expect(remoteDb().allDocs()).rejects.toMatchObject({ status: 401 })
  })
})
