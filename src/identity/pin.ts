import { afterWrongPin, checkPin, maxPinFailures } from '@/core/access/unlock-throttle'
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from '@/crypto/bytes'
import { isCryptoError } from '@/crypto/errors'
import { deriveFromSecret } from '@/crypto/kdf'
import { defaultKdfCost, newKdfParams, type KdfCost } from '@/crypto/kdf-params'
import { lockKeyring, unlockKeyring, type Keyring, type LockedKeyring } from '@/crypto/keyring'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { Session } from './session'

/** A passphrase is at least 12 characters, a PIN 4–8 digits: what was typed tells which it is. */
export function looksLikePin(secret: string): boolean {
  return /^\d{4,8}$/.test(secret)
}

const aad = (userId: string) => utf8(`pin|${userId}`)

/**
 * CONF-7 quick unlock: the keyring is locked under a key derived from the PIN
 * (Argon2id), then encrypted again with this device's non-extractable wrap
 * key, so the PIN box opens on this device only.
 */
export async function setPin(storage: LobbyStorage, session: Session, pin: string, cost: KdfCost = defaultKdfCost): Promise<'format' | 'too-simple' | null> {
  const problem = checkPin(pin)
  if (problem) return problem
  const kdf = newKdfParams(cost)
  const inner = await lockKeyring(session.keyring.secrets, (await deriveFromSecret(pin, kdf)).kek, kdf)
  const { wrapKey } = await storage.deviceIdentity()
  const iv = randomBytes(12)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(session.userId) }, wrapKey, utf8(JSON.stringify(inner)))
  await storage.unlockState.putPinBox({ userId: session.userId, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)), failures: 0 })
  await storage.audit.append({ action: 'pin.set', by: session.userId })
  return null
}

export type PinUnlock =
  | { ok: true; keyring: Keyring }
  | { ok: false; refusal: { reason: 'wrong-pin'; attemptsLeft: number } | { reason: 'pin-disabled' } | { reason: 'no-pin' } }

/** Opens the PIN box; the fifth wrong PIN destroys it, so the passphrase is needed again. */
export async function unlockWithPin(storage: LobbyStorage, userId: string, pin: string): Promise<PinUnlock> {
  const box = await storage.unlockState.getPinBox(userId)
  if (!box) return { ok: false, refusal: { reason: 'no-pin' } }
  if (box.failures >= maxPinFailures) {
    await storage.unlockState.deletePinBox(userId)
    return { ok: false, refusal: { reason: 'pin-disabled' } }
  }
  const { wrapKey } = await storage.deviceIdentity()
  let inner: LockedKeyring
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(box.iv), additionalData: aad(userId) }, wrapKey, fromBase64Url(box.ct))
    inner = JSON.parse(fromUtf8(new Uint8Array(plain))) as LockedKeyring
  } catch {
    await storage.unlockState.deletePinBox(userId) // not from this device, or altered: useless either way
    return { ok: false, refusal: { reason: 'no-pin' } }
  }
  try {
    const keyring = await unlockKeyring(inner, (await deriveFromSecret(pin, inner.kdf)).kek)
    if (box.failures > 0) await storage.unlockState.putPinBox({ ...box, failures: 0 })
    return { ok: true, keyring }
  } catch (e) {
    if (!isCryptoError(e, 'wrong-secret')) throw e
  }
  const next = afterWrongPin(box.failures)
  await storage.audit.append({ action: 'unlock.failed', by: userId, detail: 'pin' })
  if (next.pinDisabled) {
    await storage.unlockState.deletePinBox(userId)
    return { ok: false, refusal: { reason: 'pin-disabled' } }
  }
  await storage.unlockState.putPinBox({ ...box, failures: next.failures })
  return { ok: false, refusal: { reason: 'wrong-pin', attemptsLeft: next.attemptsLeft } }
}

