/**
 * A bounded cache that forgets the entry least recently read or written: a `Map` keeps insertion order,
 * so a use re-inserts the entry at the end and eviction takes the first. No dependency: this is all of it.
 */
export interface LruCache<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  clear(): void
  keys(): IterableIterator<K>
  readonly size: number
}

export function createLruCache<K, V>(capacity: number): LruCache<K, V> {
  if (!(capacity >= 1)) throw new RangeError(`an LRU cache holds at least one entry (asked for ${capacity})`)
  const entries = new Map<K, V>()
  return {
    get(key) {
      if (!entries.has(key)) return undefined
      const value = entries.get(key) as V
      entries.delete(key)
      entries.set(key, value)
      return value
    },
    set(key, value) {
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > capacity) entries.delete(entries.keys().next().value as K)
    },
    clear: () => entries.clear(),
    keys: () => entries.keys(),
    get size() {
      return entries.size
    },
  }
}
