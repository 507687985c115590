import type { SelfMembership } from '@/core/self-service/schemas'
import { verifyCard } from '@/crypto/card-key'

/**
 * MEM-8 on the member's phone: may this membership's stored card be drawn? Only a card whose signature holds
 * for this organisation, under the key of its epoch, for this member and this serial, is drawn; `text` is the
 * text that passed, so a screen never draws anything else. Any other answer is a message and no QR code.
 */
export type CardCheck =
  | { ok: true; text: string }
  | { ok: false; reason: 'no-card' | 'not-a-card' | 'forged' | 'unknown-key' | 'other-card' | 'cannot-check' }

/** Checks `membership.card.text` against the public card keys stored beside it (never throws). */
export async function checkCard(membership: SelfMembership, orgId: string | undefined): Promise<CardCheck> {
  const card = membership.card
  if (!card) return { ok: false, reason: 'no-card' }
  if (!orgId) return { ok: false, reason: 'cannot-check' }
  const keyOf = (epoch: number) => membership.cardPublicJwks[String(epoch)] as JsonWebKey | undefined
  try {
    const verdict = await verifyCard(card.text, keyOf, orgId)
    if (!verdict.ok) return { ok: false, reason: verdict.reason }
    // A genuine card of someone else (or an older serial) copied into this view is still not this member's card.
    if (verdict.memberId !== membership.memberId || verdict.serial !== card.serial) return { ok: false, reason: 'other-card' }
    return { ok: true, text: card.text.trim() }
  } catch {
    // A stored key that is not a P-256 public key: nothing can be checked with it, so nothing is drawn.
    return { ok: false, reason: 'cannot-check' }
  }
}
