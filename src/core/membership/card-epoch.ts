/**
 * MEM-8: card key epochs. The card key is replaced when someone who held the
 * desk realm leaves (they could sign cards with the old one); cards signed by a
 * retired key still work for a grace period, with a prompt to reissue them,
 * then they are refused like a revoked card (the desk reissues the card).
 */

/** The membership setting's default: days a card of a retired key is still admitted. */
export const defaultCardGraceDays = 30

const dayMs = 86_400_000

/** `current`: signed by the newest key; `reissue`: admit, and ask for a new card; `outdated`: refuse. */
export type CardEpochStatus = 'current' | 'reissue' | 'outdated'

export interface CardEpochInput {
  /** The epoch of the key that signed the card (verified with that key). */
  cardEpoch: number
  /** The newest card key epoch this device holds. */
  currentEpoch: number
  /** When the card's key was retired (the next key was made); absent when not known. */
  retiredAt?: number
  /** The membership setting `cardGraceDays`. */
  graceDays: number
  now: number
}

/**
 * MEM-8: whether a card of `cardEpoch` is current, still admitted with a
 * reissue prompt, or outdated. The grace runs from when the card's own key was
 * retired. A retirement this device does not know yet (the next key has not
 * reached it) counts as "just now": the card is admitted with the prompt.
 */
export function cardEpochStatus({ cardEpoch, currentEpoch, retiredAt, graceDays, now }: CardEpochInput): CardEpochStatus {
  if (cardEpoch >= currentEpoch) return 'current'
  if (retiredAt === undefined) return 'reissue'
  return now < retiredAt + graceDays * dayMs ? 'reissue' : 'outdated'
}
