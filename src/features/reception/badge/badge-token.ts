import { badgeKeyRetired } from '@/core/reception/badge-epoch'
import { signBadge, verifyBadge, type BadgeVerification } from '@/crypto/visitor-badge'
import { cardKeyRing } from '@/features/members/card-keys'
import type { LobbyStorage } from '@/storage/lobby-storage'

/** The part of the device's storage badges need: the desk realm's card keys, and which organisation this is. */
export type BadgeStorage = Pick<LobbyStorage, 'desk' | 'signIns'>

/** `no-card-key`: this session holds no card key of the organisation (none made yet, or the desk realm not held). */
export type BadgeIssue = { ok: true; text: string } | { ok: false; problem: 'no-card-key' }

/** A badge as reception reads it: `retired-key`, signed by a card key replaced more than a day ago (REC-4, MEM-8). */
export type BadgeReading = BadgeVerification | { ok: false; reason: 'retired-key' }

/**
 * REC-4: the QR text of a visit's badge, good until `expiresAt`, signed offline with the newest card key this
 * session holds (MEM-8: never a retired one). The private key stays in this action: no component holds it.
 */
export async function issueBadge(storage: BadgeStorage, visitId: string, expiresAt: number): Promise<BadgeIssue> {
  const [keys, org] = await Promise.all([storage.desk.cardKeys.list(), storage.signIns.getOrg()])
  const key = org ? cardKeyRing(keys, org.orgId).newest : undefined
  if (!key || !org) return { ok: false, problem: 'no-card-key' }
  return { ok: true, text: await signBadge({ orgId: org.orgId, visitId, expiresAt, epoch: key.epoch }, key.privateJwk) }
}

/**
 * REC-6: a badge scanned at reception's check-out, read at `now` against every card key of this organisation the
 * device holds (a badge signed before a rotation still reads, for a day). An expired badge still names its visit.
 */
export async function readBadge(storage: BadgeStorage, text: string, now: number): Promise<BadgeReading> {
  const [keys, org] = await Promise.all([storage.desk.cardKeys.list(), storage.signIns.getOrg()])
  if (!org) return { ok: false, reason: 'unknown-key' }
  const read = await verifyBadge(text, cardKeyRing(keys, org.orgId).publicKeys, org.orgId, now)
  if (!('epoch' in read)) return read
  // A key is retired when the next epoch's key was made (sorted: the first newer key is the next one).
  const retiredAt = keys
    .filter((k) => k.orgId === org.orgId && k.epoch > read.epoch)
    .sort((a, b) => a.epoch - b.epoch)[0]?.createdAt
  return badgeKeyRetired(retiredAt, now) ? { ok: false, reason: 'retired-key' } : read
}
