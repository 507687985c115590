// @vitest-environment node
// Issue 8 §2 and §5: a realm database holds sealed records of its realm only, under `<type>:` ids,
// and an append-only document (desk events, audit entries) only ever has its first revision —
// also when a replicator writes with new_edits:false, where CouchDB hands the validate function
// no old document for a revision whose parent it does not hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rulesFor } from '../../server/provision/rules.js'
import { validateSource } from '../../server/provision/validate-source.js'
import { adminGet, auditEntry, envelope, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** Every type that lives in lobby_public, lobby_org or lobby_audit (typed documents), never in a realm database. */
const RESERVED = ['org', 'login', 'account', 'keyring', 'grant', 'audit-key', 'device', 'audit']

let lobby: RunningLobbyServer
let desk1: SignedIn
let boss: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
  boss = await signedInUser(lobby, 'boss', ['manager'])
})
afterAll(() => lobby?.stop())

const reasonOf = async (res: Response) => (await res.json()).reason as string
/** A replicator's write: the revision and its history as given, no new revision made. */
const replicate = (user: SignedIn, db: string, doc: object) => user.call('POST', `${db}/_bulk_docs`, { docs: [doc], new_edits: false })
const revisions = (rev: string, ...ancestors: string[]) => {
  const [gen, id] = rev.split('-') as [string, string]
  return { _rev: rev, _revisions: { start: Number(gen), ids: [id, ...ancestors] } }
}

describe('realm databases hold sealed records of their realm only (issue 8 §2)', () => {
  it('refuse the types of lobby_public, lobby_org and lobby_audit, from staff and managers alike', async () => {
    for (const type of RESERVED) {
      const id = `${type}:x1`
      const res = await desk1.call('PUT', `lobby_desk/${encodeURIComponent(id)}`, envelope(id, 'desk', 'desk1', { type }))
      expect(res.status, type).toBe(403)
      expect(await reasonOf(res)).toContain(`"${type}"`)
      expect((await boss.call('PUT', `lobby_directory/${encodeURIComponent(id)}`, envelope(id, 'directory', 'boss', { type }))).status, type).toBe(403)
      expect((await adminGet(lobby, `lobby_desk/${encodeURIComponent(id)}`)).status).toBe(404)
    }
  })

  it('refuse them in a replicated write too', async () => {
    const device = { ...envelope('device:d1', 'desk', 'desk1', { type: 'device' }), ...revisions('1-aa') }
    await replicate(desk1, 'lobby_desk', device)
    expect((await adminGet(lobby, 'lobby_desk/device:d1')).status).toBe(404)
  })

  it('want every id to start with "<type>:"', async () => {
    const res = await desk1.call('PUT', 'lobby_desk/v9', envelope('v9', 'desk', 'desk1'))
    expect(res.status).toBe(403)
    expect(await reasonOf(res)).toBe('The id of a "note" record must start with "note:".')
    expect((await desk1.call('PUT', 'lobby_desk/member:v9', envelope('member:v9', 'desk', 'desk1'))).status).toBe(403)
    expect((await desk1.call('PUT', 'lobby_desk/note:v9', envelope('note:v9', 'desk', 'desk1'))).status).toBe(201)
  })

  it('want a tombstone that names its type to name the type of its id', async () => {
    const created = await desk1.call('PUT', 'lobby_desk/member:t1', envelope('member:t1', 'desk', 'desk1', { type: 'member' }))
    const { rev } = (await created.json()) as { rev: string }
    const retyped = { _id: 'member:t1', _rev: rev, _deleted: true, type: 'keyring', realm: 'desk', by: 'desk1' }
    expect(((await (await desk1.call('POST', 'lobby_desk/_bulk_docs', { docs: [retyped] })).json()) as object[])[0]).toMatchObject({ error: 'forbidden' })
    const tombstone = { ...retyped, type: 'member' }
    expect(((await (await desk1.call('POST', 'lobby_desk/_bulk_docs', { docs: [tombstone] })).json()) as object[])[0]).toMatchObject({ ok: true })
  })

  it('still take clear fields they do not know (a newer envelope version adds some)', async () => {
    expect((await desk1.call('PUT', 'lobby_desk/note:e2', envelope('note:e2', 'desk', 'desk1', { ev: 2 }))).status).toBe(201)
  })
})

describe('append-only documents have one revision, also when replicated (issue 8 §5, MEM-6)', () => {
  it('refuse a later revision of a ledger entry whose first one the server never saw', async () => {
    const second = { ...envelope('ledger:L1', 'desk', 'desk1', { type: 'ledger' }), ...revisions('2-bb', 'aa') }
    const res = await replicate(desk1, 'lobby_desk', second)
    expect(JSON.stringify(await res.json())).toContain('forbidden')
    expect((await adminGet(lobby, 'lobby_desk/ledger:L1')).status).toBe(404)
  })

  it('take a replicated first revision, then no rival branch of it', async () => {
    const first = { ...envelope('ledger:L2', 'desk', 'desk1', { type: 'ledger' }), ...revisions('1-aa') }
    await replicate(desk1, 'lobby_desk', first)
    expect((await adminGet(lobby, 'lobby_desk/ledger:L2')).body._rev).toBe('1-aa')
    await replicate(desk1, 'lobby_desk', { ...first, ...revisions('2-bb', 'aa'), ct: 'b3RoZXI' })
    await replicate(desk1, 'lobby_desk', { ...first, ...revisions('1-zz'), ct: 'b3RoZXI' })
    const { body } = await adminGet(lobby, 'lobby_desk/ledger:L2?conflicts=true')
    expect(body).toMatchObject({ _rev: '1-aa', ct: 'c2VhbGVk' })
    expect(body._conflicts).toBeUndefined()
  })

  it('take later revisions of records that change (a member), as replication sends them', async () => {
    const later = { ...envelope('member:M1', 'desk', 'desk1', { type: 'member' }), ...revisions('3-cc', 'bb', 'aa') }
    await replicate(desk1, 'lobby_desk', later)
    expect((await adminGet(lobby, 'lobby_desk/member:M1')).body._rev).toBe('3-cc')
  })

  it('refuse a later revision of an audit entry whose first one the server never saw', async () => {
    const entry = { ...auditEntry('audit:dev1:7', 'desk1'), ...revisions('2-bb', 'aa') }
    await replicate(desk1, 'lobby_audit', entry)
    expect((await adminGet(lobby, 'lobby_audit/audit:dev1:7')).status).toBe(404)
    await replicate(desk1, 'lobby_audit', { ...entry, ...revisions('1-aa') })
    expect((await adminGet(lobby, 'lobby_audit/audit:dev1:7')).body._rev).toBe('1-aa')
  })
})

describe('the validate function as CouchDB calls it for a replicated branch (oldDoc null)', () => {
  type Validate = (newDoc: object, oldDoc: object | null, userCtx: object, secObj: object) => void
  const compile = (realm: string) => new Function(`return (${validateSource(rulesFor(realm))})`)() as Validate
  const verdict = (validate: Validate, doc: object, userCtx: object) => {
    try {
      validate(doc, null, userCtx, {})
      return 'ok'
    } catch (err) {
      return err
    }
  }
  const desk = { name: 'desk1', roles: ['frontdesk'] }

  it('refuses any but a first revision of an append-only type, by _revisions or by _rev', () => {
    const validate = compile('desk')
    for (const type of ['ledger', 'checkin', 'checkout', 'blacklist', 'service-log', 'card-key']) {
      const by = type === 'blacklist' || type === 'card-key' ? 'boss' : 'desk1'
      const user = by === 'boss' ? { name: 'boss', roles: ['manager'] } : desk
      const doc = envelope(`${type}:1`, 'desk', by, { type })
      expect(verdict(validate, { ...doc, ...revisions('2-bb', 'aa') }, user), type).toHaveProperty('forbidden')
      expect(verdict(validate, { ...doc, _rev: '5-ee' }, user), type).toHaveProperty('forbidden')
      expect(verdict(validate, { ...doc, ...revisions('1-aa') }, user), type).toBe('ok')
      expect(verdict(validate, doc, user), type).toBe('ok')
    }
  })

  it('refuses a later audit revision, from server admins too', () => {
    const validate = compile('audit')
    const entry = auditEntry('audit:d:1', 'desk1')
    expect(verdict(validate, { ...entry, ...revisions('2-bb', 'aa') }, desk)).toHaveProperty('forbidden')
    expect(verdict(validate, { ...entry, ...revisions('2-bb', 'aa') }, { name: 'admin', roles: ['_admin'] })).toHaveProperty('forbidden')
    expect(verdict(validate, { ...entry, ...revisions('1-aa') }, desk)).toBe('ok')
  })
})
