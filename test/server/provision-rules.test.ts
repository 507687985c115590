// @vitest-environment node
// The provisioning rules without a server: database names, `_security`, and
// the generated validate_doc_update run as CouchDB would run it.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { databaseNameFor, personalRealm } from '../../server/provision/names.js'
import { FIXED_REALMS, RESERVED_TYPES, rulesFor } from '../../server/provision/rules.js'
import { sameSecurity, securityFor } from '../../server/provision/security.js'
import { designDocFor, validateSource } from '../../server/provision/validate-source.js'
import { appendOnlyTypes } from '../../src/storage/append-only'
import { tableFor } from '../../src/sync/replicated-tables'

// eslint's parser, already installed: it can hold the source to ES5.
const espree = createRequire(import.meta.url)('espree') as { parse(code: string, options: object): unknown }

type UserCtx = { name: string | null; roles: string[] }
type Validate = (newDoc: object, oldDoc: object | null, userCtx: UserCtx, secObj: object) => void

/** Compiles the stored source the way a query server does: a function expression. */
function compile(realm: string): Validate {
  return new Function(`return (${validateSource(rulesFor(realm))})`)() as Validate
}

/** The thrown CouchDB error (`{forbidden}` / `{unauthorized}`), or 'ok'. */
function verdict(validate: Validate, newDoc: object, oldDoc: object | null, userCtx: UserCtx): unknown {
  try {
    validate(newDoc, oldDoc, userCtx, {})
    return 'ok'
  } catch (err) {
    return err
  }
}

const desk1 = { name: 'desk1', roles: ['frontdesk'] }
/** An envelope as the app writes it: its id starts with its type. */
const envelope = (realm: string, extra: { type?: string; [field: string]: unknown } = {}) =>
  ({ _id: `${extra.type ?? 'note'}:r1`, type: 'note', realm, kid: `${realm}:1`, v: 1, by: 'desk1', ct: 'AAAA', ...extra })

describe('append-only types', () => {
  it('are the same on the server as in the app (re-encryption leaves them alone because the server refuses their updates)', () => {
    expect([...rulesFor('desk').appendOnly].sort()).toEqual([...appendOnlyTypes].sort())
  })
})

describe('databaseNameFor', () => {
  it('names fixed realms with the prefix', () => {
    expect(Object.keys(FIXED_REALMS).map((realm) => databaseNameFor(realm))).toEqual([
      'lobby_public', 'lobby_org', 'lobby_directory', 'lobby_desk', 'lobby_accounts', 'lobby_field', 'lobby_audit', 'lobby_signin',
    ])
    expect(databaseNameFor('desk', 'shop2_')).toBe('shop2_desk')
  })

  it('names personal realms by the hex of the user id: valid for CouchDB, case kept apart', () => {
    expect(databaseNameFor(personalRealm('member', 'Ab-3_x'))).toBe('lobby_member_41622d335f78')
    expect(databaseNameFor('tech:Ab-3_x')).toBe('lobby_tech_41622d335f78')
    const ids = ['a', 'A', 'aB', 'Ab', '_-', '-_', 'x'.repeat(100)]
    const names = ids.map((id) => databaseNameFor(`member:${id}`))
    expect(new Set(names).size).toBe(ids.length)
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_$()+/-]*$/)
  })

  it('refuses unknown realms, bad prefixes and ids too long for a name', () => {
    expect(() => databaseNameFor('nowhere')).toThrow(/Unknown realm/)
    expect(() => databaseNameFor('desk', 'Lobby_')).toThrow(/prefix/)
    expect(() => databaseNameFor(`member:${'x'.repeat(200)}`)).toThrow(/no valid database name/)
    expect(() => personalRealm('member', '')).toThrow()
  })
})

describe('_security', () => {
  it('gives realm members from the table, no database admins, and a public database no members', () => {
    expect(securityFor(rulesFor('desk'))).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['frontdesk', 'lead', 'manager', 'admin'] },
    })
    expect(securityFor(rulesFor('public'))).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles: [] } })
    expect(securityFor(rulesFor('tech:u1')).members).toEqual({ names: ['u1'], roles: ['lead', 'manager'] })
  })

  it('compares as CouchDB grants: order and empty sections do not matter', () => {
    expect(sameSecurity({}, securityFor(rulesFor('public')))).toBe(true)
    expect(sameSecurity({ members: { roles: ['b', 'a'] } }, { admins: {}, members: { names: [], roles: ['a', 'b'] } })).toBe(true)
    expect(sameSecurity({ members: { roles: ['a'] } }, { members: { roles: ['a', 'b'] } })).toBe(false)
  })
})

describe('validate_doc_update source', () => {
  it.each([...Object.keys(FIXED_REALMS), 'member:u1', 'tech:u1'])('is ES5 for CouchDB’s SpiderMonkey (%s)', (realm) => {
    const source = designDocFor(rulesFor(realm)).validate_doc_update
    expect(() => espree.parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow()
    // The check itself must fail on modern syntax, or the test proves nothing.
    expect(() => espree.parse('(function () { let x = 1 })', { ecmaVersion: 5 })).toThrow()
  })

  it('needs a signed-in user', () => {
    expect(verdict(compile('desk'), envelope('desk'), null, { name: null, roles: [] })).toEqual({ unauthorized: 'Sign in to write to this database.' })
  })

  it('holds envelopes to their realm, key, author and clear fields', () => {
    const validate = compile('desk')
    expect(verdict(validate, envelope('desk'), null, desk1)).toBe('ok')
    expect(verdict(validate, envelope('desk', { by: 'other' }), null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"by"') })
    expect(verdict(validate, envelope('desk', { realm: 'accounts' }), null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"realm"') })
    expect(verdict(validate, envelope('desk', { kid: 'accounts:1' }), null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"kid"') })
    expect(verdict(validate, envelope('desk', { v: 0 }), null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"v"') })
    expect(verdict(validate, envelope('desk', { v: 1.5 }), null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"v"') })
    for (const field of ['type', 'realm', 'kid', 'v', 'by', 'ct']) {
      const doc: Record<string, unknown> = envelope('desk')
      delete doc[field]
      expect(verdict(validate, doc, null, desk1), field).toMatchObject({ forbidden: expect.stringContaining(`Missing field "${field}"`) })
    }
  })

  it('takes tombstones that name their author, and bare ones only from server admins', () => {
    const validate = compile('desk')
    const old = envelope('desk')
    const tombstone = { _id: 'note:r1', _rev: '1-a', _deleted: true, type: 'note', realm: 'desk', by: 'desk1' }
    expect(verdict(validate, tombstone, old, desk1)).toBe('ok')
    expect(verdict(validate, { _id: 'note:r1', _rev: '1-a', _deleted: true }, old, desk1)).toMatchObject({ forbidden: expect.any(String) })
    expect(verdict(validate, { _id: 'note:r1', _rev: '1-a', _deleted: true }, old, { name: 'admin', roles: ['_admin'] })).toBe('ok')
  })

  it('keeps staff profiles in the directory to admins and managers', () => {
    const validate = compile('directory')
    const staff = envelope('directory', { type: 'staff' })
    expect(verdict(validate, staff, null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"staff"') })
    expect(verdict(validate, { ...staff, by: 'boss' }, null, { name: 'boss', roles: ['manager'] })).toBe('ok')
    // Nor can a profile be turned into something else by someone else.
    expect(verdict(validate, envelope('directory'), staff, desk1)).toMatchObject({ forbidden: expect.stringContaining('"staff"') })
  })

  it('keeps audit entries append-only, for server admins too', () => {
    const validate = compile('audit')
    const entry = {
      _id: 'audit:1', type: 'audit', realm: 'audit', v: 1, by: 'desk1', dev: 'd1', seq: 1, prev: 'genesis',
      box: { epk: {}, iv: 'iv', ct: 'ct' }, hash: 'h', sig: 's',
    }
    expect(verdict(validate, entry, null, desk1)).toBe('ok')
    expect(verdict(validate, { ...entry, box: { epk: {}, iv: 'iv' } }, null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"ct"') })
    const admin = { name: 'admin', roles: ['_admin'] }
    expect(verdict(validate, { ...entry, _rev: '1-a', seq: 2 }, entry, admin)).toEqual({ forbidden: 'Audit entries cannot be changed or deleted.' })
    expect(verdict(validate, { _id: 'audit:1', _rev: '1-a', _deleted: true }, entry, admin)).toEqual({ forbidden: 'Audit entries cannot be changed or deleted.' })
  })

  it('CONF-9 accepts the audit key id of an entry (akid), and entries without one; refuses a malformed one', () => {
    const validate = compile('audit')
    const entry = {
      _id: 'audit:1', type: 'audit', realm: 'audit', v: 1, by: 'desk1', dev: 'd1', seq: 1, prev: 'genesis',
      box: { epk: {}, iv: 'iv', ct: 'ct' }, hash: 'h', sig: 's',
    }
    expect(verdict(validate, { ...entry, akid: 'audit:2' }, null, desk1)).toBe('ok')
    expect(verdict(validate, { ...entry, akid: 'audit:12' }, null, desk1)).toBe('ok')
    for (const akid of ['audit:0', 'desk:2', 'audit', 2, null]) {
      expect(verdict(validate, { ...entry, akid }, null, desk1)).toMatchObject({ forbidden: expect.stringContaining('"akid"') })
    }
  })

  it('CONF-9 lets managers and admins record a new audit public key in lobby_org, once, as themselves', () => {
    const validate = compile('org')
    const doc = { _id: 'audit-key:audit:2', type: 'audit-key', kid: 'audit:2', publicJwk: { kty: 'EC' }, by: 'boss', createdAt: '2026-12-01T00:00:00Z' }
    const boss = { name: 'boss', roles: ['manager'] }
    expect(verdict(validate, doc, null, boss)).toBe('ok')
    expect(verdict(validate, doc, null, { name: 'root', roles: ['admin'] })).toMatchObject({ forbidden: expect.stringContaining('"by"') })
    expect(verdict(validate, { ...doc, by: 'desk1' }, null, desk1)).toMatchObject({ forbidden: expect.stringContaining('create') })
    expect(verdict(validate, { ...doc, _id: 'audit-key:audit:3' }, null, boss)).toMatchObject({ forbidden: expect.stringContaining('audit-key:audit:2') })
    expect(verdict(validate, { ...doc, _rev: '1-a', publicJwk: { kty: 'EC', x: 'forged' } }, doc, boss)).toMatchObject({ forbidden: expect.stringContaining('cannot be changed') })
    expect(verdict(validate, { _id: doc._id, _rev: '1-a', _deleted: true, by: 'boss' }, doc, boss)).toMatchObject({ forbidden: expect.stringContaining('cannot be deleted') })
  })

  it('CONF-9, issue 9 §5: lets managers and admins claim a key epoch in lobby_org, once, as themselves from one device; never changed or deleted', () => {
    const validate = compile('org')
    const claim = { _id: 'epoch:desk:2', type: 'epoch', kid: 'desk:2', by: 'boss', device: 'tablet-1', createdAt: '2026-12-01T00:00:00Z' }
    const boss = { name: 'boss', roles: ['manager'] }
    expect(verdict(validate, claim, null, boss)).toBe('ok')
    // The claim names the device that mints the key: the same user's other device does not hold it.
    const { device: _, ...anyDevice } = claim
    expect(verdict(validate, anyDevice, null, boss)).toMatchObject({ forbidden: expect.stringContaining('"device"') })
    expect(verdict(validate, { ...claim, device: 'tablet-2' }, claim, boss)).toMatchObject({ forbidden: expect.stringContaining('cannot be changed') })
    for (const kid of ['audit:2', 'card-key:2']) expect(verdict(validate, { ...claim, _id: `epoch:${kid}`, kid }, null, boss)).toBe('ok')
    expect(verdict(validate, { ...claim, by: 'root' }, null, { name: 'root', roles: ['admin'] })).toBe('ok')
    expect(verdict(validate, { ...claim, by: 'desk1' }, null, desk1)).toMatchObject({ forbidden: expect.stringContaining('create') })
    expect(verdict(validate, claim, null, { name: 'root', roles: ['admin'] })).toMatchObject({ forbidden: expect.stringContaining('"by"') })
    expect(verdict(validate, { ...claim, _id: 'epoch:desk:3' }, null, boss)).toMatchObject({ forbidden: expect.stringContaining('epoch:desk:2') })
    // The second rotation to reach the server for this epoch: its claim is refused.
    expect(verdict(validate, { ...claim, by: 'root' }, claim, { name: 'root', roles: ['admin'] })).toMatchObject({ forbidden: expect.stringContaining('cannot be changed') })
    expect(verdict(validate, { _id: claim._id, _rev: '1-a', _deleted: true, by: 'boss' }, claim, boss)).toMatchObject({ forbidden: expect.stringContaining('cannot be deleted') })
  })

  it('lets the design document through, which only server admins can write anyway', () => {
    const validate = compile('audit')
    expect(verdict(validate, { _id: '_design/lobby', _rev: '1-a' }, { _id: '_design/lobby' }, { name: 'admin', roles: ['_admin'] })).toBe('ok')
  })

  it('gives each org document type its own rights', () => {
    const validate = compile('org')
    const boss = { name: 'boss', roles: ['manager'] }
    const u1 = { name: 'u1', roles: ['agent'] }
    const account = { _id: 'account:u1', type: 'account', userId: 'u1', login: 'h', role: 'agent', status: 'active', setup: 'pending' }
    expect(verdict(validate, account, null, boss)).toBe('ok')
    expect(verdict(validate, account, null, u1)).toMatchObject({ forbidden: expect.any(String) })
    expect(verdict(validate, { ...account, _id: 'account:u2' }, null, boss)).toMatchObject({ forbidden: expect.stringContaining('account:u1') })
    expect(verdict(validate, { ...account, setup: 'done' }, account, u1)).toBe('ok')
    expect(verdict(validate, { ...account, role: 'manager' }, account, u1)).toMatchObject({ forbidden: expect.stringContaining('"role"') })
    expect(verdict(validate, { _id: 'memo:1', type: 'memo' }, null, boss)).toMatchObject({ forbidden: expect.stringContaining('"memo"') })

    const grant = { _id: 'grant:u1:desk:1', type: 'grant', userId: 'u1', kid: 'desk:1', box: {}, by: 'boss' }
    expect(verdict(validate, grant, null, boss)).toBe('ok')
    expect(verdict(validate, { ...grant, box: { x: 1 } }, grant, boss)).toMatchObject({ forbidden: expect.stringContaining('cannot be changed') })
    expect(verdict(validate, { _id: grant._id, _deleted: true, type: 'grant', by: 'u1' }, grant, u1)).toBe('ok')
    expect(verdict(validate, { _id: grant._id, _deleted: true, type: 'grant', by: 'desk1' }, grant, desk1)).toMatchObject({ forbidden: expect.any(String) })
  })
})

describe('reserved types (issue 8 §2)', () => {
  it('are refused by every realm database and filed outside the records table by the app', () => {
    for (const realm of ['directory', 'desk', 'accounts', 'field', 'member:m1', 'tech:t1']) {
      expect([...(rulesFor(realm).reservedTypes ?? [])].sort(), realm).toEqual([...RESERVED_TYPES].sort())
    }
    for (const type of RESERVED_TYPES) expect(tableFor(type), type).not.toBe('records')
    expect(tableFor('ledger')).toBe('records')
  })
})
