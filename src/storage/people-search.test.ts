import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as envelope from '@/crypto/envelope'
import { createTestStorage, oneRealmKeys } from './testing'

vi.mock('@/crypto/envelope', async (original) => {
  const real = await original<typeof envelope>()
  return { ...real, open: vi.fn(real.open) }
})
const opened = vi.mocked(envelope.open)

const keys = () => oneRealmKeys('directory:1')

describe('CONF-1 phone search reads the blind index, never the directory', () => {
  it('finds one person among 200 by phone (as the enrol step and the desk do), opening only that record', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    for (let i = 0; i < 200; i++) await t.storage.people.put({ name: `访客${i}`, phone: `1370000${String(i).padStart(4, '0')}`, createdAt: '2026-01-01T00:00:00Z' })
    t.setKeys({ ...k }) // a new session: nothing opened yet
    opened.mockClear()
    const found = await t.storage.people.findBy('phone', '137-0000-0123')
    expect(found.map((p) => p.record.name)).toEqual(['访客123'])
    expect(opened.mock.calls.length).toBeLessThanOrEqual(2)
  }, 60_000)
})
