import type { KeyLookup } from '@/crypto/envelope'
import type { UserKeyPairs } from '@/crypto/user-keys'

/**
 * What repositories need from the unlocked session: the key to write a realm
 * with, a way to find any key by id to read, and each realm's blind-index key
 * (the newest, to write; all epochs held, to look up).
 * Locking replaces it with nothing, so repositories cannot read or write.
 */
export interface KeySource {
  userId: string
  writeKey(realm: string): { kid: string; key: CryptoKey } | undefined
  lookup: KeyLookup
  indexKey(realm: string): CryptoKey | undefined
  /** Every index key epoch held for `realm`, newest first (after a rotation, older records carry older indexes). */
  indexKeys?(realm: string): CryptoKey[]
  /** The user's own key pairs (REC-3: open what is sealed to them, sign what they send); absent in realm-only test sources. */
  userKeys?: UserKeyPairs
  /** Issue 15: every realm a key of which is held now (grants taken in add to it), for the realms a device replicates. */
  realms?(): string[]
}

export class LockedError extends Error {
  constructor() {
    super('The app is locked: sign in or unlock to read or write records.')
    this.name = 'LockedError'
  }
}

export class MissingRealmKeyError extends Error {
  constructor(readonly realm: string) {
    super(`This account holds no key for the ${realm} realm.`)
    this.name = 'MissingRealmKeyError'
  }
}
