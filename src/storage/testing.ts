import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import { LobbyDb } from './db'
import type { KeySource } from './key-source'
import { createLobbyStorage } from './lobby-storage'

let n = 0

/**
 * A fresh storage on its own database for tests (with fake-indexeddb in Node),
 * and a settable session key holder, like the app's `setSessionKeys`.
 */
export function createTestStorage() {
  const db = new LobbyDb(`lobby-test-${process.pid}-${++n}`)
  let keys: KeySource | undefined
  const storage = createLobbyStorage(db, () => keys, 'vitest')
  return { db, storage, setKeys: (k: KeySource | undefined) => (keys = k) }
}

/** Tests only: a session holding one fresh realm key and index key (`kid` e.g. `directory:1`), for repository tests. */
export async function oneRealmKeys(kid: string, userId = 'u1'): Promise<KeySource> {
  const key = await generateRealmKey()
  const indexKey = await generateIndexKey()
  return { userId, writeKey: () => ({ kid, key }), lookup: () => key, indexKey: () => indexKey }
}
