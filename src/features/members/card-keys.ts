import { cardEpochStatus, defaultCardGraceDays, type CardEpochStatus } from '@/core/membership/card-epoch'
import type { MembershipSettings } from '@/core/membership/types'
import type { CardPublicKeys } from '@/crypto/card-key'
import type { CardKeyOfEpoch } from '@/storage/desk-records.repo'

/** MEM-8: the organisation's card keys as the desk uses them: the newest signs, every one verifies the cards it signed. */
export interface CardKeyRing {
  newest?: CardKeyOfEpoch
  publicKeys: CardPublicKeys
  /** How a verified card of `epoch` stands at `now` under the grace days of `settings`. */
  statusOf(epoch: number, settings: MembershipSettings, now: number): CardEpochStatus
}

/**
 * Only keys of this organisation count. A key is retired when the next epoch's
 * key was made: its `createdAt` is the start of the grace of the older key's cards.
 */
export function cardKeyRing(keys: readonly CardKeyOfEpoch[], orgId: string): CardKeyRing {
  const ours = keys.filter((k) => k.orgId === orgId).sort((a, b) => a.epoch - b.epoch)
  const newest = ours.at(-1)
  const byEpoch = new Map(ours.map((k) => [k.epoch, k]))
  return {
    newest,
    publicKeys: (epoch) => byEpoch.get(epoch)?.publicJwk,
    statusOf(epoch, settings, now) {
      const retiredAt = ours.find((k) => k.epoch > epoch)?.createdAt
      return cardEpochStatus({ cardEpoch: epoch, currentEpoch: newest?.epoch ?? epoch, retiredAt, graceDays: settings.cardGraceDays ?? defaultCardGraceDays, now })
    },
  }
}
