import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import type { KeySource } from '@/storage/key-source'

/**
 * Tests only: a session holding epoch 1 of each realm named (`field`, `directory`, `accounts`, `tech:<id>`), as a
 * lead's device holds the office's realms and every technician's. Leave a technician's realm out to be a device whose
 * grant has not arrived yet.
 */
export async function realmKeys(userId: string, realms: readonly string[]): Promise<KeySource> {
  const held = new Map(await Promise.all(realms.map(async (realm) => [realm, { key: await generateRealmKey(), index: await generateIndexKey() }] as const)))
  const byKid = new Map([...held].map(([realm, k]) => [`${realm}:1`, k.key]))
  return {
    userId,
    writeKey: (realm) => (held.has(realm) ? { kid: `${realm}:1`, key: held.get(realm)!.key } : undefined),
    lookup: (kid) => byKid.get(kid),
    indexKey: (realm) => held.get(realm)?.index,
    realms: () => [...held.keys()],
  }
}
