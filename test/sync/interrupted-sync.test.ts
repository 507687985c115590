// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../scripts/demo/people'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, firstSignIn, foundOrganisation } from './organisation'

const people = 1200

/** Thrown where the tab would have been closed: nothing after it in the round runs. */
class TabClosed extends Error {}

describe('issue 13: an initial sync interrupted at random points and resumed', () => {
  const server = eachTestSyncServer()

  /** A organisation with `count` people synced to the server, and a front-desk device signed in that has pulled nothing of them yet. */
  async function joinedAfter(count: number) {
      const a = testDevice(server.dbUrl)
      const admin = await foundOrganisation(a, server.admin)
      const desk = await addStaff(a, server.admin, admin, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
      await a.storage.people.putMany(Array.from({ length: count }, (_, i) => ({ record: { name: `访客${i}`, phone: `139${String(i).padStart(8, '0')}`, createdAt: '2026-11-28T09:00:00Z' } })))
      expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
      expect(await (await a.engineFor(admin)).runOnce()).toMatchObject({ state: 'idle', pending: 0 })

      const b = testDevice(server.dbUrl)
      const done = { session: await firstSignIn(b, desk, 'li.desk') }
    return { b, done }
  }

  for (const seed of [11, 23, 37, 41]) {
    it(`seed ${seed}: the network drops or the tab closes three times mid-sync; the device ends with exactly the server's documents, none twice, none missing`, async () => {
      const { b, done } = await joinedAfter(people)
      const next = mulberry32(seed)
      const interruptions: string[] = []
      // Every change of the directory the device downloads, across all rounds: what was stored is not fetched again.
      let downloaded = 0
      // Where each round's first read of the directory's feed started, and the cursor the device had kept before it.
      const resumedFrom: { kept: unknown; asked: string | null }[] = []
      const counting = async (fetchOnce: typeof fetch, url: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const feed = String(url).includes('/lobby_directory/_changes')
        if (feed && resumedFrom.at(-1)?.asked === null) resumedFrom.at(-1)!.asked = new URL(String(url)).searchParams.get('since')
        const res = await fetchOnce(url, init)
        if (feed && res.ok) downloaded += ((await res.clone().json()) as { results: unknown[] }).results.length
        return res
      }
      const roundStarts = async () => resumedFrom.push({ kept: (await b.db.local.get('cursor:lobby_directory'))?.value, asked: null })
      for (let i = 0; i < 3; i++) {
        // Either the network drops after some requests of the round, or the tab closes after some pages are applied.
        const dropAfter = 1 + Math.floor(next() * 12)
        const closeAfterPages = Math.floor(next() * 3)
        const byNetwork = next() < 0.5
        let requests = 0
        let pages = 0
        const engine = await b.engineFor(done.session, undefined, {
          remoteFetch: (url, init) => (byNetwork && ++requests > dropAfter ? Promise.reject(new TypeError('fetch failed: offline')) : counting(b.fetch, url, init)),
          cursors: {
            get: async (db) => (await b.db.local.get(`cursor:${db}`))?.value as number | undefined,
            set: async (db, seq) => {
              if (!byNetwork && db === 'lobby_directory' && pages++ >= closeAfterPages) throw new TabClosed(`closed after ${pages - 1} page(s)`)
              await b.db.local.put({ key: `cursor:${db}`, value: seq })
            },
          },
        })
        await roundStarts()
        const round = await engine.runOnce()
        interruptions.push(byNetwork ? `network after ${dropAfter} requests: ${round.state}` : `tab closed after ${closeAfterPages} page(s): ${round.state}`)
        await engine.close()
      }
      // Each interruption cut a round short (a later one may land after the round had nothing left to do).
      expect(interruptions[0], interruptions.join('; ')).not.toMatch(/idle$/)
      // A new tab, online: the round finishes what the interrupted ones began.
      const engine = await b.engineFor(done.session, undefined, { remoteFetch: (url, init) => counting(b.fetch, url, init) })
      await roundStarts()
      expect(await engine.runOnce(), interruptions.join('; ')).toMatchObject({ state: 'idle' })

      // Exactly the server's documents of the realm, each at the server's revision; none twice, none missing.
      const { body } = await server.admin.request('GET', 'lobby_directory/_all_docs')
      const onServer = (body.rows as { id: string; value: { rev: string } }[]).filter((r) => !r.id.startsWith('_design/'))
      const onDevice = await b.db.records.filter((r) => r.realm === 'directory').toArray()
      expect(onDevice.map((r) => `${r._id} ${r._rev}`).sort()).toEqual(onServer.map((r) => `${r.id} ${r.value.rev}`).sort())
      const found = await b.storage.people.list()
      expect(found.filter((p) => p.record.name.startsWith('访客'))).toHaveLength(people)
      expect(new Set(found.map((p) => p.record.phone)).size).toBe(found.length)
      expect(await b.storage.quarantined()).toEqual([])
      // Each round that read the feed resumed from the last page the device had stored, not from the start…
      for (const { kept, asked } of resumedFrom.filter((r) => r.asked !== null)) expect(asked).toBe(kept === undefined ? '0' : String(kept).replace(/^server /, ''))
      // …so only pages in flight when a round was cut short (the one being applied, the one read ahead) came down twice.
      expect(downloaded, interruptions.join('; ')).toBeGreaterThanOrEqual(onServer.length)
      expect(downloaded - onServer.length, interruptions.join('; ')).toBeLessThanOrEqual(3 * 2 * 250)
    }, 120_000)
  }

  it('the app locks mid-sync: the round stops after the page it was on, opens nothing more with the dropped keys, and the round after unlocking resumes there', async () => {
    const { b, done } = await joinedAfter(people)
    const keys = keySourceFrom(done.session.keyring)
    let locked = false
    let pages = 0
    const asked: string[] = []
    const engine = await b.engineFor(done.session, undefined, {
      keys: () => (locked ? undefined : keys),
      remoteFetch: (url, init) => {
        if (String(url).includes('/lobby_directory/_changes')) asked.push(new URL(String(url)).searchParams.get('since') ?? '')
        return b.fetch(url, init)
      },
      cursors: {
        get: async (db) => (await b.db.local.get(`cursor:${db}`))?.value as string | undefined,
        set: async (db, seq) => {
          await b.db.local.put({ key: `cursor:${db}`, value: seq })
          if (db === 'lobby_directory' && ++pages === 2) locked = true // the screen locks while the second page is taken in
        },
      },
    })
    const directory = async () => (await b.db.records.toArray()).filter((r) => r.realm === 'directory').length
    // Not an error to show: the round ends quietly with what it took in.
    expect(await engine.runOnce()).toMatchObject({ state: 'idle' })
    const held = await directory()
    expect(held).toBeGreaterThan(0)
    expect(held).toBeLessThanOrEqual(2 * 250)
    const kept = String((await b.db.local.get('cursor:lobby_directory'))?.value).replace(/^server /, '')
    // Unlocked: the next round starts the feed at the cursor the locked one kept, and finishes.
    locked = false
    asked.length = 0
    expect(await engine.runOnce()).toMatchObject({ state: 'idle' })
    expect(asked[0]).toBe(kept)
    const { body } = await server.admin.request('GET', 'lobby_directory/_all_docs')
    expect(await directory()).toBe((body.rows as { id: string }[]).filter((r) => !r.id.startsWith('_design/')).length)
    expect(await b.storage.quarantined()).toEqual([])
  }, 120_000)

  it('a first pull says how far it has got: the server\'s count, then each page taken in, up to all of it', async () => {
    const { b, done } = await joinedAfter(people)
    const seen: { done: number; total: number }[] = []
    const engine = await b.engineFor(done.session, undefined, { onStatus: (s) => void (s.progress?.database === 'lobby_directory' && seen.push({ done: s.progress.done, total: s.progress.total })) })
    expect((await engine.runOnce()).state).toBe('idle')
    const { body } = await server.admin.request('GET', 'lobby_directory')
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.every((p) => p.total === body.doc_count)).toBe(true)
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((x, y) => x - y))
    expect(seen.at(-1)?.done).toBe(body.doc_count)
    expect(engine.status().progress).toBeUndefined()
  }, 120_000)
})
