// @vitest-environment node
// Issue 14 (BB-11, CONF-11): staff ask for a member's sign-in; the embedded server's follower makes the member's
// account and personal database (couch_peruser's job, with Lobby's rules), and the member reaches nothing else.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServerUser } from '../../server/provision/users.js'
import { expireMemberCodes } from '../../server/provision/member-signins.js'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
const staff = { desk: { name: 'desk-1', password: 'desk-password-1', roles: ['frontdesk'] }, agent: { name: 'agent-1', password: 'agent-password-1', roles: ['agent'] }, tech: { name: 'tech-1', password: 'tech-password-1', roles: ['technician'] } }
const memberA = 'm-AAAAAAAAAAAAAAAAAAAAAA'
const memberB = 'm-BBBBBBBBBBBBBBBBBBBBBB'
const hex = (id: string) => Buffer.from(id).toString('hex')
const dbOf = (id: string) => `lobby_member_${hex(id)}`

/** A CouchDB answer, read loosely: each test checks the fields it needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any CouchDB answer
type Answer = { status: number; body: any }

async function call(method: string, path: string, auth: string | null, body?: unknown): Promise<Answer> {
  const res = await fetch(`${lobby.dbUrl}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(auth ? { Authorization: auth } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

const as = (user: { name: string; password: string }) => basicAuth(user.name, user.password)
const request = (userId: string, by: string, password: string, extra: object = {}) => ({
  _id: `member-signin:${userId}`, type: 'member-signin', userId, by, at: Date.now(), expiresAt: Date.now() + 3600_000, password, keyring: { setup: 'pending', locked: { ct: 'x' } }, ...extra,
})

/** Waits until the follower has taken (deleted) or refused the request. */
function settled(userId: string): Promise<Answer> {
  return vi.waitFor(async () => {
    const got = await call('GET', `lobby_signin/${encodeURIComponent(`member-signin:${userId}`)}`, lobby.adminAuthorization)
    if (got.status !== 404 && !got.body?.refused) throw new Error('the follower has not taken the request yet')
    return got
  }, { timeout: 5000, interval: 50 })
}

beforeAll(async () => {
  lobby = await startLobbyServer()
  for (const user of Object.values(staff)) await createServerUser(lobby.admin, user)
})
afterAll(async () => lobby?.stop())

describe('member sign-ins (issue 14, BB-11)', () => {
  it('a front-desk request becomes the member\'s account (role member, the code\'s password, the locked keyring) and their database', async () => {
    expect((await call('PUT', `lobby_signin/member-signin:${memberA}`, as(staff.desk), request(memberA, staff.desk.name, 'code-derived-password-A'))).status).toBe(201)
    expect((await settled(memberA)).status).toBe(404)
    const user = await call('GET', `_users/org.couchdb.user:${memberA}`, lobby.adminAuthorization)
    expect(user.body.roles).toEqual(['member'])
    expect(user.body.lobby_keyring).toEqual({ setup: 'pending', locked: { ct: 'x' } })
    const security = await call('GET', `${dbOf(memberA)}/_security`, lobby.adminAuthorization)
    expect(security.body.members).toEqual({ names: [memberA], roles: ['frontdesk', 'agent', 'lead', 'manager'] })
    expect(security.body.admins).toEqual({ names: [], roles: [] })
    const member = basicAuth(memberA, 'code-derived-password-A')
    expect((await call('GET', dbOf(memberA), member)).status).toBe(200)
    expect((await call('GET', dbOf(memberA), as(staff.desk))).status).toBe(200)
  })

  it('the member reads and replaces their own keyring and password in one PUT of their user document', async () => {
    const member = basicAuth(memberA, 'code-derived-password-A')
    const own = await call('GET', `_users/org.couchdb.user:${memberA}`, member)
    expect(own.status).toBe(200)
    const { lobby_code_expires: _gone, ...rest } = own.body
    const put = await call('PUT', `_users/org.couchdb.user:${memberA}`, member, { ...rest, password: 'own-password-A-123456', lobby_keyring: { setup: 'done', locked: { ct: 'y' } } })
    expect(put.status).toBe(201)
    expect((await call('GET', dbOf(memberA), member)).status).toBe(401)
    expect((await call('GET', dbOf(memberA), basicAuth(memberA, 'own-password-A-123456'))).status).toBe(200)
  })

  it('CONF-11: a member\'s session is refused on every other database, the sign-in requests and the account list', async () => {
    await call('PUT', `lobby_signin/member-signin:${memberB}`, as(staff.agent), request(memberB, staff.agent.name, 'code-derived-password-B'))
    await settled(memberB)
    const member = basicAuth(memberA, 'own-password-A-123456')
    for (const db of [dbOf(memberB), 'lobby_org', 'lobby_directory', 'lobby_desk', 'lobby_accounts', 'lobby_field', 'lobby_audit', 'lobby_signin']) {
      const read = await call('GET', `${db}/_all_docs`, member)
      expect([401, 403], `${db}`).toContain(read.status)
      const write = await call('PUT', `${db}/x:1`, member, { type: 'x', by: memberA })
      expect([401, 403], `${db}`).toContain(write.status)
    }
    // The public database: by id only, as for a stranger (listing it names every staff sign-in).
    expect((await call('GET', 'lobby_public/_all_docs', member)).status).toBe(403)
    expect((await call('GET', 'lobby_public/_changes', member)).status).toBe(403)
    expect((await call('GET', 'lobby_public/_all_docs', as(staff.desk))).status).toBe(200)
    expect([401, 403]).toContain((await call('GET', '_users/_all_docs', member)).status)
    // Another's user document: as if there were none.
    expect([401, 403, 404]).toContain((await call('GET', `_users/org.couchdb.user:${memberB}`, member)).status)
    expect([401, 403]).toContain((await call('GET', '_all_dbs', member)).status)
    // Not even by giving themselves a role.
    const own = (await call('GET', `_users/org.couchdb.user:${memberA}`, member)).body
    expect((await call('PUT', `_users/org.couchdb.user:${memberA}`, member, { ...own, roles: ['member', 'frontdesk'] })).status).toBe(403)
  })

  it('only the staff who serve members ask: not a technician, a member or anyone anonymous; and `by` names the writer', async () => {
    const id = 'm-CCCCCCCCCCCCCCCCCCCCCC'
    const path = `lobby_signin/member-signin:${id}`
    expect([401, 403]).toContain((await call('PUT', path, as(staff.tech), request(id, staff.tech.name, 'p'.repeat(20)))).status)
    expect([401, 403]).toContain((await call('PUT', path, basicAuth(memberA, 'own-password-A-123456'), request(id, memberA, 'p'.repeat(20)))).status)
    expect([401, 403]).toContain((await call('PUT', path, null, request(id, 'anonymous', 'p'.repeat(20)))).status)
    expect((await call('PUT', path, as(staff.desk), request(id, staff.agent.name, 'p'.repeat(20)))).status).toBe(403)
  })

  it('a request for a staff account (or anything that is no member id) is refused and stripped of its secrets', async () => {
    await createServerUser(lobby.admin, { name: 'm-SSSSSSSSSSSSSSSSSSSSSS', password: 'staff-looking-like-member', roles: ['manager'] })
    await call('PUT', 'lobby_signin/member-signin:m-SSSSSSSSSSSSSSSSSSSSSS', as(staff.desk), request('m-SSSSSSSSSSSSSSSSSSSSSS', staff.desk.name, 'takeover-password-123'))
    const refused = await settled('m-SSSSSSSSSSSSSSSSSSSSSS')
    expect(refused.body.refused).toBe('not-a-member-account')
    expect(refused.body.password).toBeUndefined()
    expect(refused.body.keyring).toBeUndefined()
    const user = await call('GET', '_users/org.couchdb.user:m-SSSSSSSSSSSSSSSSSSSSSS', lobby.adminAuthorization)
    expect(user.body.roles).toEqual(['manager'])
    expect((await call('GET', 'lobby_desk', basicAuth('m-SSSSSSSSSSSSSSSSSSSSSS', 'takeover-password-123'))).status).toBe(401)
  })

  it('the server counts a code\'s life by its own clock; a new code for the same member (forgotten password) replaces the password and keyring', async () => {
    // A desk tablet whose clock is a week behind still gives a code that works for a week from now.
    await call('PUT', `lobby_signin/member-signin:${memberB}`, as(staff.desk), request(memberB, staff.desk.name, 'second-code-password-B', { at: Date.now() - 8 * 24 * 3600_000, expiresAt: Date.now() - 24 * 3600_000 }))
    expect((await settled(memberB)).status).toBe(404)
    const user = await call('GET', `_users/org.couchdb.user:${memberB}`, lobby.adminAuthorization)
    expect(user.body.lobby_code_expires).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000)
    expect((await call('GET', dbOf(memberB), basicAuth(memberB, 'code-derived-password-B'))).status).toBe(401)
    expect((await call('GET', dbOf(memberB), basicAuth(memberB, 'second-code-password-B'))).status).toBe(200)
  })

  it('a code nobody used before it expired stops working', async () => {
    const id = 'm-DDDDDDDDDDDDDDDDDDDDDD'
    await call('PUT', `lobby_signin/member-signin:${id}`, as(staff.desk), request(id, staff.desk.name, 'unused-code-password-D'))
    await settled(id)
    expect((await call('GET', dbOf(id), basicAuth(id, 'unused-code-password-D'))).status).toBe(200)
    expect(await expireMemberCodes(lobby.admin, Date.now() + 8 * 24 * 3600_000)).toContain(id)
    expect((await call('GET', dbOf(id), basicAuth(id, 'unused-code-password-D'))).status).toBe(401)
    const user = await call('GET', `_users/org.couchdb.user:${id}`, lobby.adminAuthorization)
    expect(user.body.lobby_keyring).toBeUndefined()
    // Member A set their own password: their account is untouched.
    expect((await call('GET', dbOf(memberA), basicAuth(memberA, 'own-password-A-123456'))).status).toBe(200)
  })
})
