// @vitest-environment node
// Issue 15 §3: the admin or manager who creates a technician asks for the technician's own database; the embedded
// server's follower makes it for a technician's account only, readable by that technician, leads and managers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServerUser, setServerUserRoles } from '../../server/provision/users.js'
import { techRealmRefusal } from '../../server/provision/tech-realms.js'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
const id = (c: string) => `u${c.repeat(22)}`
const user = (name: string, role: string) => ({ name, password: `${role}-password-${name.slice(1, 4)}`, roles: [role] })
const staff = {
  admin: user(id('A'), 'admin'),
  manager: user(id('M'), 'manager'),
  lead: user(id('L'), 'lead'),
  tech: user(id('T'), 'technician'),
  otherTech: user(id('O'), 'technician'),
  agent: user(id('G'), 'agent'),
  desk: user(id('D'), 'frontdesk'),
}
const dbOf = (userId: string) => `lobby_tech_${Buffer.from(userId).toString('hex')}`

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

const as = (u: { name: string; password: string }) => basicAuth(u.name, u.password)
const request = (userId: string, by: string) => ({ _id: `tech-realm:${userId}`, type: 'tech-realm', userId, by, at: Date.now() })
/** An envelope in the technician's realm, as a device writes it (src/crypto/envelope.ts). */
const envelope = (userId: string, by: string, n: number) => ({ _id: `job-work:${n}`, type: 'job-work', realm: `tech:${userId}`, kid: `tech:${userId}:1`, v: 1, by, ct: 'AAAA' })

/** Waits until the follower has taken (deleted) or refused the request. */
function settled(userId: string): Promise<Answer> {
  return vi.waitFor(async () => {
    const got = await call('GET', `lobby_signin/${encodeURIComponent(`tech-realm:${userId}`)}`, lobby.adminAuthorization)
    if (got.status !== 404 && !got.body?.refused) throw new Error('the follower has not taken the request yet')
    return got
  }, { timeout: 5000, interval: 50 })
}

beforeAll(async () => {
  lobby = await startLobbyServer()
  for (const u of Object.values(staff)) await createServerUser(lobby.admin, u)
})
afterAll(async () => lobby?.stop())

describe('a technician\'s own database (issue 15 §3)', () => {
  it('an admin\'s request becomes lobby_tech_<hex>: the technician and leads and managers its members, no database admins', async () => {
    expect((await call('PUT', `lobby_signin/tech-realm:${staff.tech.name}`, as(staff.admin), request(staff.tech.name, staff.admin.name))).status).toBe(201)
    expect((await settled(staff.tech.name)).status).toBe(404)
    const security = await call('GET', `${dbOf(staff.tech.name)}/_security`, lobby.adminAuthorization)
    expect(security.body.members).toEqual({ names: [staff.tech.name], roles: ['lead', 'manager'] })
    expect(security.body.admins).toEqual({ names: [], roles: [] })
    const design = await call('GET', `${dbOf(staff.tech.name)}/_design/lobby`, lobby.adminAuthorization)
    expect(design.body.validate_doc_update).toContain('tech:' + staff.tech.name)
  })

  it('the technician reads and writes it; a lead and a manager read it; another technician, an agent, the front desk and the admin (a custodian of the key only) do not', async () => {
    const db = dbOf(staff.tech.name)
    expect((await call('PUT', `${db}/job-work:1`, as(staff.tech), envelope(staff.tech.name, staff.tech.name, 1))).status).toBe(201)
    expect((await call('GET', `${db}/job-work:1`, as(staff.tech))).status).toBe(200)
    for (const reader of [staff.lead, staff.manager]) {
      const all = await call('GET', `${db}/_all_docs`, as(reader))
      expect(all.status).toBe(200)
      expect(all.body.rows.map((r: { id: string }) => r.id)).toContain('job-work:1')
    }
    expect((await call('PUT', `${db}/job:1`, as(staff.lead), { ...envelope(staff.tech.name, staff.lead.name, 1), _id: 'job:1', type: 'job' })).status).toBe(201)
    for (const outsider of [staff.otherTech, staff.agent, staff.desk, staff.admin]) {
      const read = await call('GET', `${db}/_all_docs`, as(outsider))
      expect([401, 403], outsider.roles[0]).toContain(read.status)
      const write = await call('PUT', `${db}/job-work:9`, as(outsider), envelope(staff.tech.name, outsider.name, 9))
      expect([401, 403], outsider.roles[0]).toContain(write.status)
    }
    expect([401, 403]).toContain((await call('GET', `${db}/_all_docs`, null)).status)
    // Nobody writes into it as someone else, nor under another realm's key.
    expect((await call('PUT', `${db}/job-work:2`, as(staff.tech), envelope(staff.tech.name, staff.lead.name, 2))).status).toBe(403)
    expect((await call('PUT', `${db}/job-work:3`, as(staff.tech), { ...envelope(staff.tech.name, staff.tech.name, 3), kid: 'field:1' })).status).toBe(403)
  })

  it('a manager asks too; a lead, an agent, the front desk, a technician or anyone anonymous may not, and `by` names the writer', async () => {
    const path = `lobby_signin/tech-realm:${staff.otherTech.name}`
    for (const u of [staff.lead, staff.agent, staff.desk, staff.tech]) {
      expect([401, 403], u.roles[0]).toContain((await call('PUT', path, as(u), request(staff.otherTech.name, u.name))).status)
    }
    expect([401, 403]).toContain((await call('PUT', path, null, request(staff.otherTech.name, 'anonymous'))).status)
    expect((await call('PUT', path, as(staff.manager), request(staff.otherTech.name, staff.admin.name))).status).toBe(403)
    expect((await call('PUT', path, as(staff.manager), request(staff.otherTech.name, staff.manager.name))).status).toBe(201)
    expect((await settled(staff.otherTech.name)).status).toBe(404)
    expect((await call('GET', dbOf(staff.otherTech.name), as(staff.otherTech))).status).toBe(200)
    // Each technician reaches their own database only.
    expect([401, 403]).toContain((await call('GET', `${dbOf(staff.tech.name)}/_all_docs`, as(staff.otherTech))).status)
    expect([401, 403]).toContain((await call('GET', `${dbOf(staff.otherTech.name)}/_all_docs`, as(staff.tech))).status)
  })

  it('the admin may not ask for a member\'s sign-in: only the staff who serve members do', async () => {
    const member = 'm-EEEEEEEEEEEEEEEEEEEEEE'
    const body = { _id: `member-signin:${member}`, type: 'member-signin', userId: member, by: staff.admin.name, at: Date.now(), expiresAt: Date.now() + 3600_000, password: 'p'.repeat(20), keyring: { setup: 'pending', locked: { ct: 'x' } } }
    expect((await call('PUT', `lobby_signin/member-signin:${member}`, as(staff.admin), body)).status).toBe(403)
  })

  it('a request for no account, a lead\'s account or a member is refused and makes no database; asked again once the account is a technician\'s, it is taken', async () => {
    const none = id('N')
    await call('PUT', `lobby_signin/tech-realm:${none}`, as(staff.admin), request(none, staff.admin.name))
    expect((await settled(none)).body.refused).toBe('no-account')
    await call('PUT', `lobby_signin/tech-realm:${staff.lead.name}`, as(staff.admin), request(staff.lead.name, staff.admin.name))
    expect((await settled(staff.lead.name)).body.refused).toBe('not-a-technician')
    for (const userId of [none, staff.lead.name]) expect((await call('GET', dbOf(userId), lobby.adminAuthorization)).status).toBe(404)

    // The account is made (a manager created the technician; an admin's device made the server account later).
    await createServerUser(lobby.admin, { name: none, password: 'late-technician-password', roles: ['technician'] })
    const refused = (await call('GET', `lobby_signin/tech-realm:${none}`, lobby.adminAuthorization)).body
    expect((await call('PUT', `lobby_signin/tech-realm:${none}`, as(staff.admin), { ...request(none, staff.admin.name), _rev: refused._rev })).status).toBe(201)
    expect((await settled(none)).status).toBe(404)
    expect((await call('GET', dbOf(none), basicAuth(none, 'late-technician-password'))).status).toBe(200)
  })

  it('an account whose roles are more than technician is refused', async () => {
    const twoRoles = id('W')
    await createServerUser(lobby.admin, { name: twoRoles, password: 'two-roles-password', roles: ['technician'] })
    await setServerUserRoles(lobby.admin, twoRoles, ['technician', 'lead'])
    await call('PUT', `lobby_signin/tech-realm:${twoRoles}`, as(staff.manager), request(twoRoles, staff.manager.name))
    expect((await settled(twoRoles)).body.refused).toBe('not-a-technician')
    expect(techRealmRefusal({ _id: 'tech-realm:m-AAAAAAAAAAAAAAAAAAAAAA', userId: 'm-AAAAAAAAAAAAAAAAAAAAAA' }, { roles: ['technician'] })).toBe('not-a-staff-id')
    expect(techRealmRefusal({ _id: `tech-realm:${staff.tech.name}`, userId: staff.otherTech.name }, { roles: ['technician'] })).toBe('wrong-id')
  })
})
