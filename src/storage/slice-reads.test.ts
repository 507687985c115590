import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { seal } from '@/crypto/envelope'
import * as envelope from '@/crypto/envelope'
import { stampChanges } from '@/core/sync/field-merge'
import type { KeySource } from './key-source'
import { createSealedRepo } from './sealed-repo'
import { createTestStorage, oneRealmKeys } from './testing'

vi.mock('@/crypto/envelope', async (original) => {
  const real = await original<typeof envelope>()
  return { ...real, open: vi.fn(real.open) }
})
const opened = vi.mocked(envelope.open)

const keys = () => oneRealmKeys('desk:1')

interface Visit {
  memberId: string
  day: string
}

const kind = { type: 'visit', realm: 'desk', version: 1, indexes: (v: Visit) => ({ parent: v.memberId, day: v.day }) }

function setup() {
  const t = createTestStorage()
  return { t, repo: (k: KeySource) => createSealedRepo<Visit>({ db: t.db, keys: () => k, clock: t.storage.clock }, kind) }
}

/** A record as an older app version wrote it: sealed without the slice indexes. */
async function writeUnindexed(t: ReturnType<typeof createTestStorage>, k: KeySource, id: string, visit: Visit) {
  const env = await seal({ _id: id, type: 'visit', realm: 'desk', kid: 'desk:1', v: 1, by: 'u1', bi: [] }, stampChanges(undefined, { ...visit }, '000000000000001:0000:x'), k.writeKey('desk')!.key)
  await t.db.records.put(env)
}

describe('slice reads: a record’s parent and day through blind indexes', () => {
  it('reads one member’s records among many, opening only those', async () => {
    const { repo } = setup()
    const k = await keys()
    const visits = repo(k)
    for (let i = 0; i < 60; i++) await visits.put({ memberId: `m${i % 20}`, day: `2026-12-0${(i % 5) + 1}` })
    await visits.reindex()
    // A new session: nothing opened yet.
    const fresh = repo({ ...k })
    opened.mockClear()
    const mine = await fresh.byParent('m3')
    expect(mine.map((s) => s.record.memberId)).toEqual(['m3', 'm3', 'm3'])
    expect(opened.mock.calls.length).toBeLessThanOrEqual(3)
    opened.mockClear()
    const day = await fresh.onDay('2026-12-02')
    expect(day).toHaveLength(12)
    expect(day.every((s) => s.record.day === '2026-12-02')).toBe(true)
    expect(opened.mock.calls.length).toBeLessThanOrEqual(12)
  }, 30_000)

  it('keeps the parent and day values out of the stored row', async () => {
    const { t, repo } = setup()
    const k = await keys()
    const id = await repo(k).put({ memberId: 'member:abc', day: '2026-12-01' })
    const row = JSON.stringify(await t.db.records.get(id))
    expect(row).not.toContain('member:abc')
    expect(row).not.toContain('2026-12-01')
  })

  it('finds records written before slice indexes: the first slice read runs the one-time re-index, later reads open only their candidates', async () => {
    const { t, repo } = setup()
    const k = await keys()
    await writeUnindexed(t, k, 'visit:old1', { memberId: 'm1', day: '2026-12-01' })
    await writeUnindexed(t, k, 'visit:old2', { memberId: 'm2', day: '2026-12-01' })
    const visits = repo(k)
    await visits.put({ memberId: 'm1', day: '2026-12-02' })
    // The first slice read waits for the re-index, so nothing is missed; it indexed the two old records.
    expect((await visits.byParent('m1')).map((s) => s.record.day).sort()).toEqual(['2026-12-01', '2026-12-02'])
    expect(await visits.reindex()).toEqual({ indexed: 0 })
    const fresh = repo({ ...k })
    opened.mockClear()
    expect((await fresh.byParent('m1')).map((s) => s.record.day).sort()).toEqual(['2026-12-01', '2026-12-02'])
    expect(opened.mock.calls.length).toBe(2)
    expect((await fresh.onDay('2026-12-01')).map((s) => s.id).sort()).toEqual(['visit:old1', 'visit:old2'])
    // Done once: a second run opens nothing.
    opened.mockClear()
    expect(await fresh.reindex()).toEqual({ indexed: 0 })
    expect(opened).not.toHaveBeenCalled()
  })

  it('resumes an interrupted re-index where it stopped', async () => {
    const { t, repo } = setup()
    const k = await keys()
    for (let i = 0; i < 5; i++) await writeUnindexed(t, k, `visit:old${i}`, { memberId: `m${i}`, day: '2026-12-01' })
    const stop = new AbortController()
    const first = await repo(k).reindex({ batchSize: 2, onBatch: () => stop.abort(), signal: stop.signal })
    expect(first).toEqual({ indexed: 2, stopped: true })
    expect(await repo(k).reindex({ batchSize: 2 })).toEqual({ indexed: 3 })
    expect((await repo({ ...k }).onDay('2026-12-01')).map((s) => s.id).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `visit:old${i}`))
  })

  it('indexes records that arrive after the pass has finished (an older app version on another tablet) at the next run', async () => {
    const { t, repo } = setup()
    const k = await keys()
    expect(await repo(k).reindex()).toEqual({ indexed: 0 })
    await writeUnindexed(t, k, 'visit:synced', { memberId: 'm9', day: '2026-12-03' })
    expect(await repo(k).reindex()).toEqual({ indexed: 1 })
    expect((await repo({ ...k }).byParent('m9')).map((s) => s.id)).toEqual(['visit:synced'])
  })

  it('reads one member’s records of one day (parent ∩ day), with or without their own indexes, opening only those', async () => {
    const { t, repo } = setup()
    const k = await keys()
    await writeUnindexed(t, k, 'visit:old', { memberId: 'm1', day: '2026-12-01' })
    const visits = repo(k)
    for (let i = 0; i < 40; i++) await visits.put({ memberId: `m${i % 8}`, day: `2026-12-0${(i % 4) + 1}` })
    const expected = async () => (await visits.list()).filter((s) => s.record.memberId === 'm1' && s.record.day === '2026-12-01').map((s) => s.id).sort()
    // Before the re-index: every record of the type, so the old visit is not missed.
    expect((await visits.ofParentOnDay('m1', '2026-12-01')).map((s) => s.id).sort()).toEqual(await expected())
    await visits.reindex()
    const fresh = repo({ ...k })
    opened.mockClear()
    const mine = await fresh.ofParentOnDay('m1', '2026-12-01')
    expect(mine.map((s) => s.id).sort()).toEqual(await expected())
    expect(mine.map((s) => s.id)).toContain('visit:old')
    expect(opened.mock.calls.length).toBe(mine.length)
    // m1's other visits are all of 2 December: five there, none on the 3rd.
    expect(await fresh.ofParentOnDay('m1', '2026-12-02')).toHaveLength(5)
    expect(await fresh.ofParentOnDay('m1', '2026-12-03')).toEqual([])
  }, 30_000)

  it('before the re-index, slice reads made together share one re-index run, and one made after a write sees it', async () => {
    const t = createTestStorage()
    const k = await keys()
    const visits = createSealedRepo<Visit>({ db: t.db, keys: () => k, clock: t.storage.clock }, { ...kind, keptOpen: 5 })
    for (let i = 0; i < 20; i++) await writeUnindexed(t, k, `visit:old${i}`, { memberId: `m${i % 4}`, day: `2026-12-0${(i % 5) + 1}` })
    opened.mockClear()
    // A week's days at once (the check-in page's read): one re-index opens the 20 old records once, then each day
    // opens its own 4 (the cache keeps 5): 40, where each day reading the whole type opened 100.
    const days = await Promise.all([1, 2, 3, 4, 5].map((d) => visits.onDay(`2026-12-0${d}`)))
    expect(days.map((d) => d.length)).toEqual([4, 4, 4, 4, 4])
    expect(opened.mock.calls.length).toBe(40)
    const before = visits.byParent('m1')
    await visits.put({ memberId: 'm1', day: '2026-12-06' })
    expect((await visits.byParent('m1')).map((s) => s.record.day)).toContain('2026-12-06')
    expect(await before).toHaveLength(5)
  }, 30_000)
})
