// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPerson } from '@/core/directory/person'
import { signIn } from '@/identity/sign-in'
import { couchClient } from '../../server/provision/http-client.js'
import { demoDevice, type DemoDevice } from '../../scripts/demo/device'
import { generateMembership, type DemoMembership } from '../../scripts/demo/members'
import { generatePeople, idCheckDigit } from '../../scripts/demo/people'
import { parseDemoOptions } from '../../scripts/demo/options'
import { main } from '../../scripts/demo/run'
import { demoSignIns } from '../../scripts/demo/sign-ins'
import { createReceptionRecords } from '@/features/reception/reception-records'
import { generateReception, receptionCounts } from '../../scripts/demo/reception'
import { broadbandCounts, generateBroadband } from '../../scripts/demo/broadband'
import { demoMemberSignIns } from '../../scripts/demo/member-signins'
import { phoneFetch } from '../support/phone-fetch'
import { open, type Envelope } from '@/crypto/envelope'
import { keyLookup } from '@/crypto/keyring'
import { memberSignIn } from '@/identity/member-sign-in'
import { fetchOrganisation } from '@/member-app/member-org'
import { databaseNameFor } from '@/sync/remote-names'
import { startLobbyServer } from '../support/lobby-server'

const seed = 2026
const count = 50
// Small, so the end-to-end run stays quick: the counts of the full demo are checked on the generator (members.test.ts).
const members = 20
const visits = 30
// A few broadband accounts with their year (the full 300 are checked on the generator: broadband.test.ts).
const accounts = 20
// A few service requests (issue 15): the full two months are checked on the generator (service.test.ts).
const requests = 16
const broadband = generateBroadband({ seed, today: '2026-11-21', timeZone: 'Asia/Shanghai', people: generatePeople(seed, count), accounts, by: 'agent' })
// The month at the reception desk: the whole of it (a few dozen visits), visited staff being all but the admin.
const reception = generateReception({ seed, today: '2026-11-21', timeZone: 'Asia/Shanghai', hosts: demoSignIns.length - 1 })
const receptionPhones = new Set(reception.visitors.map((v) => v.phone))
/** Visitors the desk registered (a pre-registered visitor becomes a directory person once they come). */
const registeredVisitors = new Set([...reception.visits.map((v) => v.visitor), ...reception.expected.filter((e) => e.arrivesAt).map((e) => e.visitor)]).size

describe('npm run demo: a demo organisation on an empty sync server', () => {
  let stop: () => Promise<void>
  let base: string
  let adminPassword: string
  let admin: ReturnType<typeof couchClient>
  let desk2Device: DemoDevice
  const output: string[] = []
  const run = (...args: string[]) => main(['--url', base, `--password=${adminPassword}`, ...args], { env: {}, out: (l) => output.push(l), err: (l) => output.push(l) })

  beforeAll(async () => {
    const lobby = await startLobbyServer()
    base = lobby.dbUrl
    adminPassword = lobby.adminPassword
    admin = lobby.admin
    stop = lobby.stop
    expect(await run('--people', String(count), '--seed', String(seed), '--members', String(members), '--visits', String(visits), '--accounts', String(accounts), '--requests', String(requests)), output.join('\n')).toBe(0)
  }, 300_000) // founds, signs in every demo account (Argon2id) and syncs: minutes on a busy machine
  afterAll(async () => stop?.())

  it('prints progress, the counts per database and the sign-in table', () => {
    const text = output.join('\n')
    expect(text).toContain(`people: ${count}/${count} registered by desk1 and synced`)
    // The people, the staff profiles and the visitors the reception desk registered (each once, however often they came).
    // And the businesses the agent registered when they subscribed to broadband (CUST-1).
    // And one sign-in record (issue 14) for each member who signs in on their phone.
    expect(text).toMatch(new RegExp(`lobby_directory +${count + demoSignIns.length + registeredVisitors + broadband.businesses.length + demoMemberSignIns.length} documents`))
    expect(text).toMatch(new RegExp(`_users +${demoSignIns.length + demoMemberSignIns.length} server accounts`))
    expect(text).toContain(`members: ${members}/${members} enrolled by desk1`)
    expect(text).toMatch(/manager: blacklisted [12] member\(s\) and synced/)
    expect(text).toContain(`visits: ${visits}/${visits} checked in (and out) by desk1 and synced`)
    expect(text).toMatch(new RegExp(`Members as of 2026-11-21: ${members} \\(\\d+ active, \\d+ of them VIP; \\d+ expired; [12] blacklisted\\)`))
    for (const s of demoSignIns) expect(text).toMatch(new RegExp(`${s.username} .*${s.passphrase}`))
    expect(text).toMatch(new RegExp(`Service requests, the 61 days up to 2026-11-21: ${requests} \\(`))
    expect(text).toMatch(/service: round 1: \d+ dispatched by the lead, \d+ finished by the technicians \(\d+ taken in\)/)
    const r = receptionCounts(reception)
    expect(text).toContain(`reception: ${reception.visits.length} visits registered by desk1 (${r.refused} refused)`)
    expect(text).toContain(`Reception, the 30 days up to 2026-11-21: ${r.visits} visits by ${r.visitors} visitors (${r.refused} refused, ${r.secondInterviews} second interviews), ${r.checkOuts} check-outs`)
  })

  it('a fresh device joins as a front-desk user with their passphrase, pulls the directory and finds a generated person by phone', async () => {
    const generated = generatePeople(seed, count)
    const desk2 = demoSignIns.find((s) => s.username === 'desk2')!
    const device = demoDevice(base, 'test tablet')
    // The pre-login document carries the passphrase's Argon2id parameters, and the server password moved.
    expect(await device.join(desk2.username, desk2.passphrase)).toBe(true)
    const result = await signIn(device.storage, desk2.username, desk2.passphrase)
    if (result.status !== 'signed-in') throw new Error(`expected a sign-in, got ${result.status}`)
    await device.activate(result.session)
    await device.sync(result.session)
    desk2Device = device

    const wanted = generated[7]!
    const found = await device.storage.people.findBy('phone', wanted.phone!)
    expect(found.map((f) => f.record)).toEqual([wanted])
    // Everything generated arrived, and nothing else (the same plaintext as the generator's).
    const all = (await device.storage.people.list()).map((p) => p.record).filter((p) => !receptionPhones.has(p.phone!) && p.kind !== 'business')
    expect(all.sort((x, y) => x.createdAt.localeCompare(y.createdAt))).toEqual(generated)
  })

  it('the server holds the directory as ciphertext only (CONF-1)', async () => {
    const { body } = await admin.request('GET', 'lobby_directory/_all_docs?include_docs=true')
    const docs = body.rows.map((r: { doc: Record<string, unknown> }) => r.doc).filter((d: Record<string, unknown>) => d.type === 'person')
    expect(docs).toHaveLength(count + registeredVisitors + broadband.businesses.length)
    for (const d of docs) expect(d).toMatchObject({ realm: 'directory', kid: 'directory:1', ct: expect.any(String) })
    const raw = JSON.stringify(body)
    for (const p of generatePeople(seed, count)) {
      for (const clear of [p.name, p.phone, p.idNumber, p.organisation].filter(Boolean)) expect(raw).not.toContain(clear)
    }
  })

  /** The plan the demo wrote, generated again from what desk2's device pulled: the people in order, the actors, the stored settings. */
  async function regenerated(device: DemoDevice): Promise<{ plan: DemoMembership; memberIds: string[] }> {
    const people = (await device.storage.people.list()).filter((p) => !receptionPhones.has(p.record.phone!) && p.record.kind !== 'business').sort((x, y) => x.record.createdAt.localeCompare(y.record.createdAt))
    const staff = (await device.storage.staff.list()).map((s) => s.record)
    const checkIns = await device.storage.desk.checkIns.list()
    const plan = generateMembership({
      seed,
      people: people.map((p) => ({ id: p.id, createdAt: p.record.createdAt })),
      members,
      visits,
      settings: await device.storage.desk.settings.get(),
      actors: { desk: staff.find((s) => s.username === 'desk1')!.userId, manager: staff.find((s) => s.username === 'manager')!.userId, deviceId: checkIns[0]!.record.deviceId },
    })
    const stored = await device.storage.desk.members.list()
    const memberIds = plan.members.map((m) => stored.find((s) => s.record.memberNo === m.memberNo)!.id)
    return { plan, memberIds }
  }

  it('desk2 finds the generated members, their ledger, blacklisting, service hours and visits, as generated', async () => {
    const desk = desk2Device.storage.desk
    const { plan, memberIds } = await regenerated(desk2Device)
    expect(plan.members).toHaveLength(members)
    const stored = await desk.members.list()
    expect(stored.map((s) => s.record).sort((a, b) => a.createdAt - b.createdAt)).toEqual(plan.members)
    const byJson = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort()
    const withIds = <T extends { member: number }>(list: T[]) => list.map(({ member, ...rest }) => ({ ...rest, memberId: memberIds[member] }))
    expect(byJson((await desk.ledger.list()).map((e) => e.record))).toEqual(byJson(withIds(plan.ledger)))
    expect(byJson((await desk.serviceLogs.list()).map((e) => e.record))).toEqual(byJson(withIds(plan.serviceLogs)))
    expect(byJson((await desk.blacklist.list()).map((e) => e.record))).toEqual(byJson(withIds(plan.blacklist)))
    expect(byJson((await desk.waitlist.list()).map((e) => e.record))).toEqual(byJson(plan.waitlist))
    const checkIns = await desk.checkIns.list()
    const checkOuts = await desk.checkOuts.list()
    expect(byJson(checkIns.map((c) => c.record))).toEqual(byJson(plan.visits.map((v) => ({ ...v.checkIn, memberId: memberIds[v.member] }))))
    expect(checkOuts).toHaveLength(plan.visits.filter((v) => v.checkOut).length)
    for (const out of checkOuts) {
      const visit = checkIns.find((c) => c.id === out.record.checkInId)!
      expect(out.record.memberId).toBe(visit.record.memberId)
      expect(out.record.at).toBeGreaterThan(visit.record.at)
    }
  })

  it('the server holds the desk records as ciphertext only (CONF-1), the blacklisting signed by the manager', async () => {
    const { plan } = await regenerated(desk2Device)
    const { body } = await admin.request('GET', 'lobby_desk/_all_docs?include_docs=true')
    const docs = body.rows.map((r: { doc: Record<string, unknown> }) => r.doc).filter((d: Record<string, unknown>) => !String(d._id).startsWith('_design/'))
    const count = (type: string) => docs.filter((d: Record<string, unknown>) => d.type === type).length
    expect(count('member')).toBe(members)
    expect(count('ledger')).toBe(plan.ledger.length)
    expect(count('checkin')).toBe(plan.visits.length)
    expect(count('checkout')).toBe(plan.visits.filter((v) => v.checkOut).length)
    expect(count('blacklist')).toBe(plan.blacklist.length)
    for (const d of docs) expect(d).toMatchObject({ realm: 'desk', kid: 'desk:1', ct: expect.any(String) })
    const staff = (await desk2Device.storage.staff.list()).map((s) => s.record)
    for (const d of docs.filter((d: Record<string, unknown>) => d.type === 'blacklist')) expect(d.by).toBe(staff.find((s) => s.username === 'manager')!.userId)
    const raw = JSON.stringify(body)
    const people = new Map((await desk2Device.storage.people.list()).map((p) => [p.id, p.record]))
    for (const m of plan.members) {
      expect(raw).not.toContain(m.memberNo)
      expect(raw).not.toContain(people.get(m.personId)!.name)
      expect(raw).not.toContain(people.get(m.personId)!.phone)
    }
    for (const clear of [...plan.ledger.map((e) => e.receiptNo), ...plan.blacklist.map((b) => b.reason), ...plan.serviceLogs.map((l) => l.note)]) expect(raw).not.toContain(clear)
  })

  it('desk2 finds the month at the reception desk: returning visitors once in the directory, refusals, second interviews, check-outs, open visits, pre-registrations (REC-1, REC-2, REC-6)', async () => {
    const records = createReceptionRecords(desk2Device.storage.recordContext)
    const r = receptionCounts(reception)
    const visitsMade = (await records.visits.list()).map((v) => v.record)
    const checkOuts = (await records.checkOuts.list()).map((c) => c.record)
    const expected = (await records.expected.list()).map((e) => e.record)
    expect(visitsMade).toHaveLength(r.visits)
    expect(visitsMade.filter((v) => v.refused)).toHaveLength(r.refused)
    expect(visitsMade.filter((v) => v.refused).every((v) => v.category === 'insurance-sales' && v.refused!.reason === '推销保险，已婉拒')).toBe(true)
    expect(visitsMade.filter((v) => v.interview === 2)).toHaveLength(r.secondInterviews)
    expect(checkOuts).toHaveLength(r.checkOuts)
    expect(checkOuts.every((c) => c.how === 'hand')).toBe(true)
    const out = new Set(checkOuts.map((c) => c.visitId))
    const open = (await records.visits.list()).filter((v) => !v.record.refused && !out.has(v.id)).map((v) => v.record.day)
    expect(open.filter((d) => d === '2026-11-20')).toHaveLength(r.openYesterday)
    expect(open.filter((d) => d === '2026-11-21')).toHaveLength(r.openToday)
    expect(open).toHaveLength(r.openYesterday + r.openToday)
    expect(expected.filter((e) => e.day === '2026-11-21' && !e.arrivedVisitId)).toHaveLength(r.expectedToday)
    expect(expected.filter((e) => e.day === '2026-11-22')).toHaveLength(r.expectedTomorrow)
    expect(expected.filter((e) => e.arrivedVisitId)).toHaveLength(1)
    // A returning visitor is found by phone and kept: one directory person per visitor, every visit of a visitor names it.
    const people = await desk2Device.storage.people.list()
    const visitorsStored = people.filter((p) => receptionPhones.has(p.record.phone!))
    expect(visitorsStored).toHaveLength(registeredVisitors)
    const byPerson = new Map<string, number>()
    for (const v of visitsMade) byPerson.set(v.personId, (byPerson.get(v.personId) ?? 0) + 1)
    expect(Math.max(...byPerson.values())).toBeGreaterThan(2)
    for (const id of byPerson.keys()) expect(visitorsStored.some((p) => p.id === id)).toBe(true)
  })

  it('the server holds the reception records as ciphertext only (CONF-1)', async () => {
    const { body } = await admin.request('GET', 'lobby_desk/_all_docs?include_docs=true')
    const docs = body.rows.map((r: { doc: Record<string, unknown> }) => r.doc)
    const r = receptionCounts(reception)
    expect(docs.filter((d: Record<string, unknown>) => d.type === 'visit')).toHaveLength(r.visits)
    expect(docs.filter((d: Record<string, unknown>) => d.type === 'visit-checkout')).toHaveLength(r.checkOuts)
    expect(docs.filter((d: Record<string, unknown>) => d.type === 'expected-visit')).toHaveLength(reception.expected.length)
    const raw = JSON.stringify(body)
    for (const v of reception.visitors) for (const clear of [v.name, v.phone, v.organisation].filter(Boolean)) expect(raw).not.toContain(clear)
    expect(raw).not.toContain('推销保险')
  })

  it('REC-7: the badge incidents are on the server sealed to their hosts and the managers, no note or kind in clear', async () => {
    const { body } = await admin.request('GET', 'lobby_org/_all_docs?include_docs=true')
    const incidents = body.rows.map((r: { doc: Record<string, unknown> }) => r.doc).filter((d: Record<string, unknown>) => d.type === 'incident')
    expect(incidents).toHaveLength(receptionCounts(reception).incidents)
    const raw = JSON.stringify(incidents)
    for (const i of reception.incidents) expect(raw).not.toContain(i.note)
    expect(raw).not.toContain('no-badge')
  })

  it('issue 12: the agent’s broadband year is on the server in lobby_accounts only, sealed (CONF-1)', async () => {
    const b = broadbandCounts(broadband)
    expect(output.join('\n')).toContain(`Broadband, the year up to 2026-11-21: ${accounts} accounts (${b.businesses} of businesses, ${b.pending} waiting for installation), ${b.charges} monthly charges in ${b.billRuns} bill runs, ${b.payments} payments`)
    const { body } = await admin.request('GET', 'lobby_accounts/_all_docs?include_docs=true')
    const docs = body.rows.map((r: { doc: Record<string, unknown> }) => r.doc).filter((d: Record<string, unknown>) => !String(d._id).startsWith('_design/'))
    const count = (type: string) => docs.filter((d: Record<string, unknown>) => d.type === type).length
    expect(count('bb-agreement')).toBe(accounts)
    expect(count('bb-ledger')).toBe(broadband.ledger.length)
    expect(count('bb-status')).toBe(broadband.statusChanges.length)
    expect(count('bb-dunning')).toBe(broadband.dunning.length)
    for (const d of docs) expect(d).toMatchObject({ realm: 'accounts', kid: 'accounts:1', ct: expect.any(String) })
    const raw = JSON.stringify(body)
    for (const a of broadband.agreements) for (const clear of [a.record.accountNo, a.record.accountName]) expect(raw).not.toContain(clear)
    for (const l of broadband.ledger) if (l.record.receiptNo) expect(raw).not.toContain(l.record.receiptNo)
    const desk = (await admin.request('GET', 'lobby_desk/_all_docs?include_docs=true')).body.rows.map((r: { doc: Record<string, unknown> }) => r.doc)
    expect(desk.filter((d: Record<string, unknown>) => String(d.type).startsWith('bb-'))).toEqual([])
  })

  it('issue 14: each member signs in on a fresh phone with the listed password and finds their own pages, sealed', async () => {
    const text = output.join('\n')
    expect(text).toContain('Members sign in on their phone at /me/')
    const shows = { membership: ['self-profile', 'self-membership', 'self-visits'], broadband: ['self-profile', 'self-bb-account', 'self-bb-month'] }
    const databases: string[] = []
    for (const s of demoMemberSignIns) {
      expect(text).toMatch(new RegExp(`${s.username}: code issued by (desk1|agent), first sign-in on a fresh phone, own password set`))
      expect(text).toMatch(new RegExp(`  ${s.username} .*${s.password}`))
      const phone = phoneFetch()
      const org = await fetchOrganisation(base, phone)
      if (org === 'no-server') throw new Error('no organisation')
      const signedIn = await memberSignIn(org.orgId, s.username, s.password, { serverBase: base, fetchFn: phone })
      if (signedIn.status !== 'signed-in') throw new Error(`${s.username}: ${signedIn.status}`)
      const database = databaseNameFor(`member:${signedIn.session.userId}`)
      databases.push(database)
      const { rows } = (await (await phone(`${base}${database}/_all_docs?include_docs=true`)).json()) as { rows: { doc: Envelope & { _id: string } }[] }
      const views = rows.map((r) => r.doc).filter((d) => !d._id.startsWith('_design/'))
      const types = new Set(views.map((v) => v.type))
      const wanted = s.shows === 'both' ? [...shows.membership, ...shows.broadband] : shows[s.shows]
      expect([...types].sort(), s.username).toEqual([...new Set(wanted)].sort())
      for (const v of views) await open(v, keyLookup(signedIn.session.keyring))
      // CONF-11: another member's database is not theirs to read.
      if (databases.length > 1) expect([401, 403]).toContain((await phone(`${base}${databases[0]}/_all_docs`)).status)
    }
    // The bills hold a charge the subscriber may still dispute (BB-7).
    expect(text).toMatch(/member2 .*broadband \d+: \d+ months? billed.*, [1-9]\d* charges? still disputable/)
  })

  it('refuses a server that already has an organisation, and changes nothing', async () => {
    const before = (await admin.request('GET', 'lobby_public/org')).body
    output.length = 0
    expect(await run('--people', '1')).toBe(1)
    expect(output.join('\n')).toMatch(/already has an organisation[\s\S]*--force-new/)
    expect((await admin.request('GET', 'lobby_public/org')).body).toEqual(before)
  })
})

describe('demo people: deterministic and plausible', () => {
  it('the same seed gives the same people; another seed other people', () => {
    expect(generatePeople(seed, 200)).toEqual(generatePeople(seed, 200))
    expect(generatePeople(seed + 1, 200).map((p) => p.phone)).not.toEqual(generatePeople(seed, 200).map((p) => p.phone))
  })

  it('Chinese names (some compound surnames), unique 13x/15x/18x mobiles, valid ID numbers', () => {
    const people = generatePeople(seed, 2000)
    expect(new Set(people.map((p) => p.phone)).size).toBe(2000)
    expect(people.every((p) => /^1[358]\d{9}$/.test(p.phone!))).toBe(true)
    expect(people.every((p) => /^\p{Script=Han}{2,4}$/u.test(p.name))).toBe(true)
    expect(people.some((p) => /^(欧阳|司马|上官|诸葛|东方|慕容|司徒|令狐)/.test(p.name))).toBe(true)
    const ids = people.flatMap((p) => (p.idNumber ? [p.idNumber] : []))
    expect(ids.length).toBeGreaterThan(500)
    for (const id of ids) {
      expect(id).toMatch(/^\d{17}[\dX]$/)
      expect(id[17]).toBe(idCheckDigit(id.slice(0, 17)))
      const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
      expect(new Date(`${birth}T00:00:00Z`).toISOString().slice(0, 10)).toBe(birth)
    }
    expect(people.every((p) => Object.keys(checkPerson(p, new Date().toISOString().slice(0, 10))).length === 0)).toBe(true)
    // A known ID number checks out the same way (GB 11643 example).
    expect(idCheckDigit('11010519491231002')).toBe('X')
  })
})

describe('demo options: members, visits and the demo today', () => {
  const parse = (...args: string[]) => parseDemoOptions(['--embedded', ...args], {})
  it('defaults to 500 members, 1,000 visits and 300 broadband accounts as of 2026-11-21', () => {
    expect(parse()).toMatchObject({ members: 500, visits: 1000, accounts: 300, broadband: true, today: '2026-11-21' })
    expect(parse('--accounts', '0')).toMatchObject({ accounts: 0 })
    expect(() => parse('--accounts', 'many')).toThrow(/--accounts/)
  })
  it('issue 15: 200 service requests unless told otherwise; 0 for none', () => {
    expect(parse()).toMatchObject({ requests: 200 })
    expect(parse('--requests', '0')).toMatchObject({ requests: 0 })
    expect(() => parse('--requests', 'lots')).toThrow(/--requests/)
  })
  it('takes other counts and another today, and refuses a today that is not a date', () => {
    expect(parse('--members', '0', '--visits', '12', '--today', '2027-03-01')).toMatchObject({ members: 0, visits: 12, today: '2027-03-01' })
    expect(() => parse('--today', '2027-02-30')).toThrow(/--today must be a date/)
    expect(() => parse('--members', '-1')).toThrow()
  })
})
