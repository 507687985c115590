import { generateCardKey } from '@/crypto/card-key'
import type { DeskStorage } from './membership-actions'
import type { Session } from '@/identity/session'

/**
 * MEM-8: replaces the card signing key with a new one of the next epoch (the
 * highest held + 1), sealed in the desk realm under its newest key. Cards the
 * old key signed keep working for the grace days (card-epoch.ts), then the desk
 * reissues them. Returns the new epoch, or undefined when the organisation has
 * no card key yet (nothing to replace: the first one is made at desk setup).
 */
export async function rotateCardKey(storage: DeskStorage, session: Session, now = Date.now()): Promise<number | undefined> {
  const [keys, org] = await Promise.all([storage.desk.cardKeys.list(), storage.signIns.getOrg()])
  const newest = keys.filter((k) => k.orgId === org?.orgId).at(-1)
  if (!org || !newest) return undefined
  const epoch = Math.max(...keys.map((k) => k.epoch)) + 1
  await storage.desk.cardKeys.add({ orgId: org.orgId, ...(await generateCardKey()), createdAt: now, epoch })
  await storage.audit.append({ action: 'card.key-rotate', by: session.userId, detail: `epoch ${epoch}` })
  return epoch
}
