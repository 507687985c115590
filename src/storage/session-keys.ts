import { lobbyDb } from './db'
import type { KeySource } from './key-source'
import { createLobbyStorage } from './lobby-storage'

let current: KeySource | undefined

/** The app's storage on this device. Repositories read the session's keys at each call. */
export const storage = createLobbyStorage(lobbyDb(), () => current, navigator.userAgent)

/** Hands the unlocked keys to every repository, or takes them away (lock, sign-out). */
export function setSessionKeys(keys: KeySource | undefined): void {
  current = keys
}

/** The keys of the unlocked session, if any (the sync layer reads them at each round). */
export function currentSessionKeys(): KeySource | undefined {
  return current
}
