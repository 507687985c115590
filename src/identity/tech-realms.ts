import { openTechRealms, techRealm } from '@/core/access/tech-realms'
import { indexKeyId } from '@/crypto/index-keys'
import type { KeyringSecrets } from '@/crypto/keyring'
import { generateIndexKey, generateRealmKey, parseRealmKeyId, realmKeyId } from '@/crypto/realm-keys'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { acceptGrants, rawKey, sealGrant, type GrantedRealmKeys } from './key-grants'
import { holdersOf } from './key-rotation'
import type { Session } from './session'

/**
 * Issue 15 §3: a technician's own realm key. It is made with the technician's account (epoch 1, with its index
 * key) and locked into their keyring under the setup code like any realm key; every other holder — the creator,
 * who keeps it as for shared realms, every active lead and manager, and the admins who keep it as custodians —
 * receives it by a signed grant (key-grants.ts). Rotations then go through key-rotation.ts like any realm's.
 */

/** Epoch 1 of `tech:<technicianId>`'s realm key and index key, as a grant carries them. */
export async function newTechRealmKeys(technicianId: string): Promise<GrantedRealmKeys> {
  const realm = techRealm(technicianId)
  return {
    kid: realmKeyId(realm, 1),
    realmKey: await rawKey(await generateRealmKey()),
    indexKeyId: indexKeyId(realm, 1),
    indexKey: await rawKey(await generateIndexKey()),
  }
}

/** The keys as a keyring stores them (the technician's own, locked under their setup code). */
export const techKeyringEntries = (keys: GrantedRealmKeys): Pick<KeyringSecrets, 'realmKeys' | 'indexKeys'> => ({
  realmKeys: { [keys.kid]: keys.realmKey },
  indexKeys: { [keys.indexKeyId]: keys.indexKey },
})

/**
 * Wraps a new technician's key to every other holder (certified, active; the technician has it already) and takes
 * the creator's own grant in at once, so the key reaches the creator's stored keyring the way a rotation's does.
 * Returns the users it went to.
 */
export async function grantNewTechRealm(storage: LobbyStorage, session: Session, technicianId: string, keys: GrantedRealmKeys): Promise<string[]> {
  const { holders, uncertified } = await holdersOf(storage, session, parseRealmKeyId(keys.kid).realm, technicianId)
  const grants = []
  for (const holder of holders) grants.push(await sealGrant(holder, keys, session))
  await storage.grants.putAll(grants)
  const skipped = uncertified.length > 0 ? `, ${uncertified.length} uncertified account(s) skipped` : ''
  await storage.audit.append({ action: 'grant', by: session.userId, recordId: keys.kid, recordType: 'grant', detail: `${holders.length} holder(s)${skipped}` })
  await acceptGrants(storage, session)
  return holders.map((h) => h.userId)
}

/**
 * The technicians' realms whose keys a new lead, manager or admin is handed from the creator's keyring: every one
 * the creator holds whose technician has not left (a departed technician's realm is closed: its key goes to nobody new).
 */
export async function techRealmsToHandOn(storage: LobbyStorage, held: KeyringSecrets): Promise<string[]> {
  const realms = Object.keys(held.realmKeys).map((kid) => parseRealmKeyId(kid).realm)
  return openTechRealms(realms, await storage.signIns.listAccounts())
}
