import { signCard } from '@/crypto/card-key'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { cardKeyRing } from './card-keys'

/**
 * MEM-8: the text of a member's card QR, signed offline with the newest card key (a printed or
 * reissued card is never of a retired one). Undefined while the organisation has no card key yet
 * (founded before cards: a manager's first visit to the desk makes one). The private key stays in
 * this action: no component ever holds it.
 */
export async function signedCardText(storage: Pick<LobbyStorage, 'desk' | 'signIns'>, memberId: string, serial: number): Promise<string | undefined> {
  const [keys, org] = await Promise.all([storage.desk.cardKeys.list(), storage.signIns.getOrg()])
  const key = org ? cardKeyRing(keys, org.orgId).newest : undefined
  if (!key || !org) return undefined
  return signCard({ orgId: org.orgId, memberId, serial, epoch: key.epoch }, key.privateJwk)
}
