import type { LobbyDb } from './db'

/**
 * Device-local values (device keys, PIN boxes, counters, chain heads) that
 * are never replicated. CryptoKeys are stored as they are: IndexedDB keeps
 * non-extractable keys usable but unreadable.
 */
export function createLocalStore(db: LobbyDb) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      return (await db.local.get(key))?.value as T | undefined
    },
    async set(key: string, value: unknown): Promise<void> {
      await db.local.put({ key, value })
    },
    async delete(key: string): Promise<void> {
      await db.local.delete(key)
    },
  }
}

export type LocalStore = ReturnType<typeof createLocalStore>
