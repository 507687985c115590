import { describe, expect, it } from 'vitest'
import { createLruCache } from './lru-cache'

describe('a bounded least-recently-used cache (the session cache of opened records)', () => {
  it('evicts the entry least recently used, where a read counts as a use', () => {
    const cache = createLruCache<string, number>(3)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect(cache.get('a')).toBe(1) // a is now the most recent: b is the oldest
    cache.set('d', 4)
    expect([...cache.keys()]).toEqual(['c', 'a', 'd'])
    expect(cache.get('b')).toBeUndefined()
    cache.set('c', 30) // a write refreshes too: a is the oldest now
    cache.set('e', 5)
    expect([...cache.keys()]).toEqual(['d', 'c', 'e'])
    expect(cache.get('c')).toBe(30)
  })

  it('never holds more than its bound, however many entries pass through it', () => {
    const cache = createLruCache<number, number>(50)
    for (let i = 0; i < 1_000; i++) {
      cache.set(i, i)
      if (i % 3 === 0) cache.get(i - 10)
    }
    expect(cache.size).toBe(50)
    expect(cache.get(999)).toBe(999)
  })

  it('is emptied by clear', () => {
    const cache = createLruCache<string, number>(2)
    cache.set('a', 1)
    cache.clear()
    expect(cache.size).toBe(0)
    expect(cache.get('a')).toBeUndefined()
  })

  it('refuses a bound that could hold nothing', () => {
    expect(() => createLruCache(0)).toThrow(RangeError)
  })
})
