import { randomId } from '@/crypto/bytes'
import { generateDeviceSigningKey } from '@/crypto/signature'
import type { LobbyDb } from './db'
import type { DeviceDoc } from './documents'
import type { LocalStore } from './local-store'

export interface DeviceIdentity {
  deviceId: string
  /** Signs this device's audit chain; the private half cannot be exported. */
  signing: CryptoKeyPair
  /** Wraps PIN boxes so they open on this device only; cannot be exported. */
  wrapKey: CryptoKey
}

const key = 'device-identity'

/** This device's identity, created on first use and published as a DeviceDoc for audit verification. */
export async function ensureDeviceIdentity(db: LobbyDb, local: LocalStore, userAgent: string): Promise<DeviceIdentity> {
  const existing = await local.get<DeviceIdentity>(key)
  if (existing) return existing
  const identity: DeviceIdentity = {
    deviceId: randomId(),
    signing: await generateDeviceSigningKey(),
    wrapKey: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
  }
  const doc: DeviceDoc = {
    _id: `device:${identity.deviceId}`,
    type: 'device',
    deviceId: identity.deviceId,
    publicJwk: await crypto.subtle.exportKey('jwk', identity.signing.publicKey),
    userAgent,
    registeredAt: new Date().toISOString(),
  }
  // Two tabs may race to create it: the first one stored wins, the other's keys are dropped.
  return db.transaction('rw', db.local, db.devices, async () => {
    const raced = (await db.local.get(key))?.value as DeviceIdentity | undefined
    if (raced) return raced
    await db.devices.put({ ...doc, _local: 1 })
    await db.local.put({ key, value: identity })
    return identity
  })
}

/** Records the first user who syncs from this device, so the server accepts the device document from them. */
export async function claimDevice(db: LobbyDb, deviceId: string, userId: string): Promise<void> {
  await db.transaction('rw', db.devices, async () => {
    const doc = await db.devices.get(`device:${deviceId}`)
    if (doc && !doc.by) await db.devices.put({ ...doc, by: userId, _local: 1 })
  })
}
