import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as envelope from '@/crypto/envelope'
import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import type { KeySource } from './key-source'
import { createSealedRepo, defaultKeptOpen } from './sealed-repo'
import { createTestStorage } from './testing'

vi.mock('@/crypto/envelope', async (original) => {
  const real = await original<typeof envelope>()
  return { ...real, open: vi.fn(real.open) }
})
const opened = vi.mocked(envelope.open)

async function keys() {
  const key = await generateRealmKey()
  const indexKey = await generateIndexKey()
  /** A key source as an unlock makes it: a new object each time, over the same keys. */
  return (): KeySource => ({
    userId: 'u1',
    writeKey: (realm) => (realm === 'desk' ? { kid: 'desk:1', key } : undefined),
    lookup: (kid) => (kid === 'desk:1' ? key : undefined),
    indexKey: (realm) => (realm === 'desk' ? indexKey : undefined),
  })
}

type Visit = { memberId: string; day: string }

async function repoOf(keptOpen?: number) {
  const t = createTestStorage()
  const unlock = await keys()
  let session: KeySource | undefined = unlock()
  const lock = { setKeys: (k: KeySource | undefined) => (session = k) }
  const kind = { type: 'visit-test', realm: 'desk', version: 1, indexes: (v: Visit) => ({ parent: v.memberId, day: v.day }), ...(keptOpen ? { keptOpen } : {}) }
  const repo = createSealedRepo<Visit>({ db: t.db, keys: () => session, clock: t.storage.clock }, kind)
  return { t: lock, unlock, repo }
}

/** How many envelopes reading these ids opens (0: all came from the session's cache). */
async function opensOf(repo: { get: (id: string) => Promise<Visit | undefined> }, ids: string[]) {
  opened.mockClear()
  for (const id of ids) expect(await repo.get(id)).toBeDefined()
  return opened.mock.calls.length
}

describe('CONF-7: the session cache of opened records is bounded and dropped on lock', () => {
  it('keeps at most its bound per repository, forgetting the record least recently read first', async () => {
    const { repo } = await repoOf(3)
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push(await repo.put({ memberId: `m${i}`, day: '2026-12-06' }))
    expect(await opensOf(repo, ids.slice(0, 3))).toBe(3) // first reads: opened, then kept
    expect(await opensOf(repo, [ids[0]!])).toBe(0) // m0 used again: m1 is now the oldest
    expect(await opensOf(repo, [ids[3]!])).toBe(1) // a fourth: m1 goes
    expect(await opensOf(repo, [ids[0]!, ids[2]!, ids[3]!])).toBe(0)
    expect(await opensOf(repo, [ids[1]!])).toBe(1)
  })

  it('a repository without its own bound keeps the default, not every record of the session', async () => {
    const { repo } = await repoOf()
    const rows = Array.from({ length: defaultKeptOpen + 5 }, (_, i) => ({ record: { memberId: `m${i}`, day: '2026-12-06' } }))
    const ids = await repo.putMany(rows)
    expect(await opensOf(repo, ids)).toBe(ids.length)
    // The first five were pushed out by the last five; the rest are still open.
    expect(await opensOf(repo, ids.slice(5))).toBe(0)
    expect(await opensOf(repo, ids.slice(0, 5))).toBe(5)
  }, 60_000)

  it('lock drops the opened records: after an unlock every record is opened again', async () => {
    const { t, unlock, repo } = await repoOf(10)
    const id = await repo.put({ memberId: 'm1', day: '2026-12-06' })
    expect(await opensOf(repo, [id, id])).toBe(1)
    t.setKeys(undefined)
    t.setKeys(unlock())
    expect(await opensOf(repo, [id])).toBe(1)
  })
})
