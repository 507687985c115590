import { generateCardKey } from '@/crypto/card-key'
import type { ClaimEpoch } from '@/sync/epoch-claim'
import type { DeskStorage } from './membership-actions'
import type { Session } from '@/identity/session'

/** The epoch a card key claims on the sync server: `card-key:<n>` (issue 9 §5). */
export const cardKeyEpochId = (epoch: number) => `card-key:${epoch}`

/**
 * MEM-8: replaces the card signing key with a new one of the next epoch (the
 * highest held + 1), sealed in the desk realm under its newest key. Cards the
 * old key signed keep working for the grace days (card-epoch.ts), then the desk
 * reissues them. Returns the new epoch, or undefined when the organisation has
 * no card key yet (nothing to replace: the first one is made at desk setup), or
 * `waiting` when the epoch is not this device's to make (below).
 *
 * Issue 9 §5: given `claim`, the epoch is claimed on the sync server first, as a
 * realm key's is (identity/key-rotation.ts): two devices rotating at once would
 * each sign cards with their own key of one epoch. Taken or unreachable, nothing
 * is made; after the next sync the step runs again on top of the
 * epoch that won.
 */
export async function rotateCardKey(storage: DeskStorage, session: Session, now = Date.now(), claim?: ClaimEpoch): Promise<number | 'waiting' | undefined> {
  const [keys, org] = await Promise.all([storage.desk.cardKeys.list(), storage.signIns.getOrg()])
  const newest = keys.filter((k) => k.orgId === org?.orgId).at(-1)
  if (!org || !newest) return undefined
  const epoch = Math.max(...keys.map((k) => k.epoch)) + 1
  if (claim && (await claim(cardKeyEpochId(epoch))) !== 'claimed') return 'waiting'
  await storage.desk.cardKeys.add({ orgId: org.orgId, ...(await generateCardKey()), createdAt: now, epoch })
  await storage.audit.append({ action: 'card.key-rotate', by: session.userId, detail: `epoch ${epoch}` })
  return epoch
}
