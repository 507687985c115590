// @vitest-environment node
// Issue 9 §3, CONF-3: the app and the sync server read one access policy
// (src/core/access/access-policy.js). For every role × realm × record type ×
// write, the server (its `_security` and its generated validate_doc_update,
// run as CouchDB runs them) and the app (channelsFor, realmsByRole,
// mayWriteRecord, isAppendOnly, tableFor) answer alike. The cases come from
// the policy, so a new realm, role or type is covered without a new line here.
import { describe, expect, it } from 'vitest'
import { databaseNameFor as serverDatabaseName } from '../../server/provision/names.js'
import { rulesFor } from '../../server/provision/rules.js'
import { securityFor } from '../../server/provision/security.js'
import { validateSource } from '../../server/provision/validate-source.js'
import { appendOnlyTypes, clearDatabases, personalRealms, reservedTypes, sharedRealms } from '../../src/core/access/access-policy'
import { mayWriteRecord, holdsRealm, type Actor, type RecordWrite } from '../../src/core/access/realm-access'
import { readsAudit, realmsByRole, staffRoles, type Role } from '../../src/core/access/roles'
import { isAppendOnly } from '../../src/storage/append-only'
import { channelsFor } from '../../src/sync/channels'
import { tableFor } from '../../src/sync/replicated-tables'
import { databaseNameFor as appDatabaseName } from '../../src/sync/remote-names'

type UserCtx = { name: string; roles: string[] }
type Validate = (newDoc: object, oldDoc: object | null, userCtx: UserCtx, secObj: object) => void

const roles: Role[] = [...staffRoles, 'member']
/** The user whose personal realms are checked, and a user of the same role whose they are not. */
const owner = 'u1'
const actors: Actor[] = roles.flatMap((role) => [{ role, userId: owner }, { role, userId: `${role}-2` }])
const realms = [...Object.keys(sharedRealms), ...Object.keys(personalRealms).map((kind) => `${kind}:${owner}`)]
/** Every type the policy names, plus one it does not (an ordinary record anyone holding the realm writes). */
const types = [...new Set([
  'note',
  ...Object.values(sharedRealms).flatMap((realm) => Object.keys(realm.typeWriters)),
  ...appendOnlyTypes,
  ...reservedTypes,
])]
const writes: RecordWrite[] = ['create', 'update', 'delete']

const validators = new Map<string, Validate>()
function validatorOf(realm: string): Validate {
  if (!validators.has(realm)) validators.set(realm, new Function(`return (${validateSource(rulesFor(realm))})`)() as Validate)
  return validators.get(realm)!
}

/** CouchDB lets a user in when the database's `_security` members name them or one of their roles. */
function serverReads(actor: Actor, realm: string): boolean {
  const { members } = securityFor(rulesFor(realm))
  return members.names.includes(actor.userId) || members.roles.some((role) => role === actor.role)
}

/** The server takes a write when the user is a member and validate_doc_update lets it through. */
function serverWrites(actor: Actor, realm: string, type: string, op: RecordWrite): boolean {
  if (!serverReads(actor, realm)) return false
  const stored = { _id: `${type}:r1`, _rev: '1-a', type, realm, kid: `${realm}:1`, v: 1, by: actor.userId, ct: 'AAAA' }
  const newDoc =
    op === 'create' ? { ...stored, _rev: undefined }
    : op === 'update' ? { ...stored, _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, ct: 'BBBB' }
    : { _id: stored._id, _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, _deleted: true, by: actor.userId }
  try {
    validatorOf(realm)(newDoc, op === 'create' ? null : stored, { name: actor.userId, roles: [actor.role] }, {})
    return true
  } catch {
    return false
  }
}

const who = (a: Actor) => `${a.role} ${a.userId}`

describe('the app and the server read one access policy (issue 9 §3, CONF-3)', () => {
  it.each(realms)('agree on who reads %s', (realm) => {
    for (const actor of actors) expect([who(actor), holdsRealm(actor, realm)]).toEqual([who(actor), serverReads(actor, realm)])
  })

  it.each(realms)('agree on every role × record type × write in %s', (realm) => {
    const disagreements: string[] = []
    for (const actor of actors) {
      for (const type of types) {
        for (const op of writes) {
          const app = mayWriteRecord(actor, realm, type, op)
          const server = serverWrites(actor, realm, type, op)
          if (app !== server) disagreements.push(`${who(actor)} ${op} ${type}: app ${app}, server ${server}`)
        }
      }
    }
    expect(disagreements).toEqual([])
  })

  it('give each role a channel to exactly the shared realms the server lets it read', () => {
    for (const role of staffRoles) {
      const pulled = channelsFor(realmsByRole[role], readsAudit(role)).filter((c) => c.pull && c.realm).map((c) => c.database)
      const readable = Object.keys(sharedRealms).filter((realm) => serverReads({ role, userId: `${role}-2` }, realm)).map((realm) => serverDatabaseName(realm))
      expect([role, pulled.sort()]).toEqual([role, readable.sort()])
    }
  })

  it('let every staff role reach each clear database it replicates, and pull the audit log only where it is read (CONF-6)', () => {
    for (const role of staffRoles) {
      const actor = { role, userId: `${role}-2` }
      for (const channel of channelsFor(realmsByRole[role], readsAudit(role), undefined, actor.userId).filter((c) => !c.realm)) {
        const realm = Object.keys(clearDatabases).find((name) => serverDatabaseName(name) === channel.database)!
        expect([role, channel.database, serverReads(actor, realm) || rulesFor(realm).readers === null]).toEqual([role, channel.database, true])
      }
      const pullsAudit = channelsFor([], readsAudit(role)).some((c) => c.database === serverDatabaseName('audit') && c.pull)
      expect([role, pullsAudit]).toEqual([role, readsAudit(role)])
    }
  })

  it('name every database alike', () => {
    for (const realm of [...Object.keys(clearDatabases), ...realms, 'member:Ab-3_x']) expect(appDatabaseName(realm)).toBe(serverDatabaseName(realm))
  })

  it('treat the same types as events and as reserved: what a device files outside records, no realm database takes', () => {
    for (const type of types) {
      expect([type, isAppendOnly(type)]).toEqual([type, rulesFor('desk').appendOnly.includes(type)])
      expect([type, tableFor(type) !== 'records']).toEqual([type, rulesFor('desk').reservedTypes!.includes(type)])
    }
  })
})
