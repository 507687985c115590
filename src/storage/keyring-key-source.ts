import { currentIndexKey, indexKeysFor } from '@/crypto/index-keys'
import { currentKid, keyLookup, type Keyring } from '@/crypto/keyring'
import { parseRealmKeyId } from '@/crypto/realm-keys'
import type { KeySource } from './key-source'

/** Repositories' view of an unlocked keyring: write with the newest epoch, read any epoch held. */
export function keySourceFrom(keyring: Keyring): KeySource {
  return {
    userId: keyring.userId,
    userKeys: keyring.userKeys,
    writeKey(realm) {
      const kid = currentKid(keyring, realm)
      const key = kid ? keyring.realmKeys.get(kid) : undefined
      return kid && key ? { kid, key } : undefined
    },
    lookup: keyLookup(keyring),
    indexKey: (realm) => currentIndexKey(keyring, realm),
    indexKeys: (realm) => indexKeysFor(keyring, realm).map((k) => k.key),
    // Read live: a grant taken in adds its key to this keyring in place (identity/key-grants.ts).
    realms: () => [...new Set([...keyring.realmKeys.keys()].map((kid) => parseRealmKeyId(kid).realm))],
  }
}
