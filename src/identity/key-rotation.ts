import { holdsRealmKey } from '@/core/access/tech-realms'
import { mayGrant, nextEpochAfter } from '@/core/access/trust-rules'
import { indexKeyId } from '@/crypto/index-keys'
import { currentKid } from '@/crypto/keyring'
import { generateIndexKey, generateRealmKey, parseRealmKeyId, realmKeyId } from '@/crypto/realm-keys'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { ClaimEpoch } from '@/sync/epoch-claim'
import { rawKey, sealGrant, type GrantedRealmKeys } from './key-grants'
import type { Session } from './session'
import { loadTrust, type CertifiedAccount } from './trust'

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
 * Active accounts (other than `leaving`) whose certified role holds `realm`'s key (issue 15: a technician's realm,
 * that technician too), with their certified keys; the acting user always.
 */
export async function holdersOf(storage: LobbyStorage, session: Session, realm: string, leaving: string): Promise<{ holders: CertifiedAccount[]; uncertified: string[] }> {
  const trust = await loadTrust(storage)
  const holders: CertifiedAccount[] = []
  const uncertified: string[] = []
  for (const account of await storage.signIns.listAccounts()) {
    if (account.userId === leaving || account.status !== 'active') continue
    if (!holdsRealmKey(account.role, account.userId, realm) && account.userId !== session.userId) continue
    const certified = await trust.certified(account.userId)
    // CONF-9: a key goes only to keys someone vouches for, and only to a role that holds the realm.
    if (certified.ok && (mayGrant(session.role, certified.account.role, { kind: 'realm', realm, epoch: 1 }, account.userId) || account.userId === session.userId)) holders.push(certified.account)
    else uncertified.push(account.userId)
  }
  return { holders, uncertified }
}

/**
 * CONF-9: mints epoch n+1 of `realm`'s key and index key (n the highest the
 * acting user holds: epochs seen only in grants do not count) and wraps it,
 * as a signed grant, to every remaining holder's certified key (the acting
 * user's own grant included, so the new key reaches their stored keyring the
 * same way as everyone else's). The grants are written all at once.
 *
 * Issue 9 §5: two rotations of one realm on two devices, offline, would both
 * mint epoch n+1 with different keys, and holders would end up with one or
 * the other under the same key id. So, given `claim`, the epoch is first
 * claimed on the sync server (`sync/epoch-claim.ts`): only the first claim
 * stands; a rotation whose epoch is taken, or that cannot reach the server,
 * mints nothing and returns undefined, and is made again after the next sync
 * (a departure keeps the step pending), on top of the epoch that won.
 */
export async function rotateRealm(
  storage: LobbyStorage,
  session: Session,
  realm: string,
  leaving: string,
  claim?: ClaimEpoch,
): Promise<Rotation | undefined> {
  const current = currentKid(session.keyring, realm)
  if (!current) return undefined // this user holds no key of the realm: someone who does must rotate it
  const held = [...session.keyring.realmKeys.keys()].map((k) => parseRealmKeyId(k)).filter((p) => p.realm === realm).map((p) => p.epoch)
  const epoch = nextEpochAfter(held)
  if (epoch === undefined) throw new Error(`${realm}: no epoch after ${current}`)
  const keys: GrantedRealmKeys = {
    kid: realmKeyId(realm, epoch),
    realmKey: await rawKey(await generateRealmKey()),
    indexKeyId: indexKeyId(realm, epoch),
    indexKey: await rawKey(await generateIndexKey()),
  }
  const { holders, uncertified } = await holdersOf(storage, session, realm, leaving)
  // Without a certificate of their own (an organisation whose founder has not signed in since certificates came),
  // the acting user would mint a key nobody can take in: the step waits.
  if (!holders.some((h) => h.userId === session.userId)) return undefined
  if (claim && (await claim(keys.kid)) !== 'claimed') return undefined
  const grants = []
  for (const holder of holders) grants.push(await sealGrant(holder, keys, session))
  await storage.grants.putAll(grants)
  const skipped = uncertified.length > 0 ? `, ${uncertified.length} uncertified account(s) skipped` : ''
  await storage.audit.append({ action: 'key.rotate', by: session.userId, recordId: keys.kid, detail: `${holders.length} holder(s)${skipped}` })
  return { realm, fromEpoch: parseRealmKeyId(current).epoch, kid: keys.kid, holders: holders.map((h) => h.userId) }
}
