// @vitest-environment node
import 'fake-indexeddb/auto'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPerson } from '@/core/directory/person'
import { signIn } from '@/features/auth/sign-in'
import { createLobbyServer } from '../../server/app.js'
import { couchClient } from '../../server/provision/http-client.js'
import { demoDevice } from '../../scripts/demo/device'
import { generatePeople, idCheckDigit } from '../../scripts/demo/people'
import { main } from '../../scripts/demo/run'
import { demoSignIns } from '../../scripts/demo/sign-ins'

const seed = 2026
const count = 50

describe('npm run demo: a demo organisation on an empty sync server', () => {
  let server: Server
  let stop: () => Promise<void>
  let base: string
  let adminPassword: string
  let admin: ReturnType<typeof couchClient>
  const output: string[] = []
  const run = (...args: string[]) => main(['--url', base, `--password=${adminPassword}`, ...args], { env: {}, out: (l) => output.push(l), err: (l) => output.push(l) })

  beforeAll(async () => {
    const lobby = await createLobbyServer({ memory: true, distDir: null, log: () => {} })
    server = await new Promise((resolve) => {
      const s = lobby.app.listen(0, '127.0.0.1', () => resolve(s))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/db/`
    adminPassword = lobby.adminPassword
    admin = couchClient({ url: base, name: lobby.adminUser, password: adminPassword })
    stop = async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await lobby.close()
    }
    expect(await run('--people', String(count), '--seed', String(seed)), output.join('\n')).toBe(0)
  }, 60_000)
  afterAll(async () => stop?.())

  it('prints progress, the counts per database and the sign-in table', () => {
    const text = output.join('\n')
    expect(text).toContain(`people: ${count}/${count} registered by desk1 and synced`)
    expect(text).toMatch(new RegExp(`lobby_directory +${count + demoSignIns.length} documents`)) // the people and the staff profiles
    expect(text).toMatch(/_users +7 server accounts/)
    for (const s of demoSignIns) expect(text).toMatch(new RegExp(`${s.username} .*${s.passphrase}`))
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

    const wanted = generated[7]!
    const found = await device.storage.people.findBy('phone', wanted.phone!)
    expect(found.map((f) => f.record)).toEqual([wanted])
    // Everything generated arrived, and nothing else (the same plaintext as the generator's).
    const all = (await device.storage.people.list()).map((p) => p.record)
    expect(all.sort((x, y) => x.createdAt.localeCompare(y.createdAt))).toEqual(generated)
  })

  it('the server holds the directory as ciphertext only (CONF-1)', async () => {
    const { body } = await admin.request('GET', 'lobby_directory/_all_docs?include_docs=true')
    const docs = body.rows.map((r: { doc: Record<string, unknown> }) => r.doc).filter((d: Record<string, unknown>) => d.type === 'person')
    expect(docs).toHaveLength(count)
    for (const d of docs) expect(d).toMatchObject({ realm: 'directory', kid: 'directory:1', ct: expect.any(String) })
    const raw = JSON.stringify(body)
    for (const p of generatePeople(seed, count)) {
      for (const clear of [p.name, p.phone, p.idNumber, p.organisation].filter(Boolean)) expect(raw).not.toContain(clear)
    }
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
    expect(people.every((p) => Object.keys(checkPerson(p)).length === 0)).toBe(true)
    // A known ID number checks out the same way (GB 11643 example).
    expect(idCheckDigit('11010519491231002')).toBe('X')
  })
})
