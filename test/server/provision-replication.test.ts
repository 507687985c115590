// @vitest-environment node
// A PouchDB client replicating with the provisioned embedded server, signed
// in with a session cookie, with validate_doc_update in place.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEntry, envelope, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** The little of PouchDB this test uses (the repo has no PouchDB type declarations). */
interface Doc { _id: string; _rev?: string; [key: string]: unknown }
interface ReplicationResult { ok: boolean; docs_written: number; doc_write_failures: number; errors: unknown[] }
interface Db {
  put(doc: object): Promise<{ rev: string }>
  get(id: string): Promise<Doc>
  bulkDocs(docs: object[]): Promise<unknown>
  allDocs(options?: object): Promise<{ rows: { id: string; doc?: Doc }[] }>
  replicate: {
    to(target: Db): Promise<ReplicationResult>
    from(source: Db): Promise<ReplicationResult>
  }
}
interface PouchDBClass {
  new (name: string, options?: object): Db
  plugin(plugin: unknown): void
}
const require = createRequire(import.meta.url)
const PouchDB = require('pouchdb') as PouchDBClass
PouchDB.plugin(require('pouchdb-adapter-memory'))

describe('PouchDB replication into provisioned realms', () => {
  let lobby: RunningLobbyServer
  let desk1: SignedIn
  let n = 0
  const device = () => new PouchDB(`provision-replication-${++n}-${Date.now()}`, { adapter: 'memory' })
  /** The remote database as a device opens it: its session cookie on every request. */
  const remote = (user: SignedIn, db: string) => new PouchDB(`${lobby.url}/db/${db}`, {
    adapter: 'http',
    skip_setup: true,
    fetch: (url: string, options: { headers: { set(name: string, value: string): void } }) => {
      options.headers.set('Cookie', user.cookie)
      return fetch(url, options as RequestInit)
    },
  })

  beforeAll(async () => {
    lobby = await startLobbyServer()
    desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
  })
  afterAll(() => lobby?.stop())

  it('pushes signed envelopes, updates and tombstones, and refuses a forged one', async () => {
    const local = device()
    await local.bulkDocs([
      envelope('note:r1', 'desk', 'desk1'),
      envelope('note:r2', 'desk', 'desk1'),
      envelope('note:r3', 'desk', 'desk1'),
      envelope('note:forged', 'desk', 'boss'),
    ])
    const first = await local.replicate.to(remote(desk1, 'lobby_desk'))
    expect(first).toMatchObject({ ok: true, docs_written: 3, doc_write_failures: 1 })

    const r1 = await local.get('note:r1')
    await local.put({ ...r1, ct: 'dXBkYXRlZA' })
    const r2 = await local.get('note:r2')
    await local.put({ _id: 'note:r2', _rev: r2._rev, _deleted: true, type: 'note', realm: 'desk', by: 'desk1' })
    const second = await local.replicate.to(remote(desk1, 'lobby_desk'))
    expect(second).toMatchObject({ docs_written: 2, doc_write_failures: 0 })
  })

  it('pulls them into a fresh device: the update, not the deleted or forged ones', async () => {
    const fresh = device()
    const result = await fresh.replicate.from(remote(desk1, 'lobby_desk'))
    expect(result.ok).toBe(true)
    const rows = (await fresh.allDocs({ include_docs: true })).rows
    expect(rows.map((row) => row.id).sort()).toEqual(['_design/lobby', 'note:r1', 'note:r3'])
    expect(rows.find((row) => row.id === 'note:r1')?.doc).toMatchObject({ ct: 'dXBkYXRlZA', by: 'desk1' })
    expect((await fresh.get('note:r1'))._rev).toMatch(/^2-/)
  })

  it('pushes audit entries once; a changed entry stays refused', async () => {
    const local = device()
    await local.bulkDocs([auditEntry('audit:x1', 'desk1'), auditEntry('audit:x2', 'desk1')])
    expect(await local.replicate.to(remote(desk1, 'lobby_audit'))).toMatchObject({ docs_written: 2, doc_write_failures: 0 })
    const x1 = await local.get('audit:x1')
    await local.put({ ...x1, seq: 7 })
    expect(await local.replicate.to(remote(desk1, 'lobby_audit'))).toMatchObject({ docs_written: 0, doc_write_failures: 1 })
  })
})
