import { realmsByRole } from '@/core/access/roles'
import { indexKeyId } from '@/crypto/index-keys'
import { currentKid } from '@/crypto/keyring'
import { generateIndexKey, generateRealmKey, parseRealmKeyId, realmKeyId } from '@/crypto/realm-keys'
import type { KeyringDoc } from '@/storage/documents'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { rawKey, sealGrant, type GrantedRealmKeys } from './key-grants'
import type { Session } from './session'

export interface Rotation {
  realm: string
  /** the epoch that was current before */
  fromEpoch: number
  /** the new key id, `realm:<epoch>` */
  kid: string
  /** users the new epoch was wrapped to (the acting user included) */
  holders: string[]
}

/**
 * The next epoch of `realm`: one past the highest this device has seen, in the
 * acting user's keyring or in any grant. Two rotations of the same realm made
 * offline on two devices would pick the same epoch; rotate online, after a sync.
 */
async function nextEpoch(storage: LobbyStorage, session: Session, realm: string): Promise<number> {
  let highest = 0
  const kids = [...session.keyring.realmKeys.keys(), ...(await storage.grants.all()).map((g) => g.kid)]
  for (const kid of kids) {
    const parsed = parseRealmKeyId(kid)
    if (parsed.realm === realm) highest = Math.max(highest, parsed.epoch)
  }
  return highest + 1
}

/** Active accounts (other than `leaving`) whose role holds `realm`, with their keyrings; the acting user always. */
async function holdersOf(storage: LobbyStorage, session: Session, realm: string, leaving: string): Promise<KeyringDoc[]> {
  const out: KeyringDoc[] = []
  for (const account of await storage.accounts.listAccounts()) {
    if (account.userId === leaving || account.status !== 'active') continue
    const holds = (realmsByRole[account.role] as readonly string[]).includes(realm)
    if (!holds && account.userId !== session.userId) continue
    const keyring = await storage.accounts.getKeyring(account.userId)
    if (keyring?.publicKeys?.ecdh) out.push(keyring)
  }
  return out
}

/**
 * CONF-9: mints epoch n+1 of `realm`'s key and index key and wraps it, as a
 * grant, to every remaining holder (the acting user's own grant included, so
 * the new key reaches their stored keyring the same way as everyone else's).
 * The new key exists only inside these grants until they are accepted.
 */
export async function rotateRealm(storage: LobbyStorage, session: Session, realm: string, leaving: string): Promise<Rotation | undefined> {
  const current = currentKid(session.keyring, realm)
  if (!current) return undefined // this user holds no key of the realm: someone who does must rotate it
  const epoch = await nextEpoch(storage, session, realm)
  const keys: GrantedRealmKeys = {
    kid: realmKeyId(realm, epoch),
    realmKey: await rawKey(await generateRealmKey()),
    indexKeyId: indexKeyId(realm, epoch),
    indexKey: await rawKey(await generateIndexKey()),
  }
  const holders = await holdersOf(storage, session, realm, leaving)
  for (const holder of holders) await storage.grants.put(await sealGrant(holder, keys, session.userId))
  await storage.audit.append({ action: 'key.rotate', by: session.userId, recordId: keys.kid, detail: `${holders.length} holder(s)` })
  return { realm, fromEpoch: parseRealmKeyId(current).epoch, kid: keys.kid, holders: holders.map((h) => h.userId) }
}
