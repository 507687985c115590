import { randomId } from '@/crypto/bytes'
import { generateDeviceSigningKey } from '@/crypto/signature'
import type { LobbyDb } from './db'
import type { DeviceDoc } from './documents'
import type { LocalStore } from './local-store'

/** This browser profile: wraps PIN boxes and names the HLC clock. Never leaves the device. */
export interface DeviceIdentity {
  deviceId: string
  /** Signed the audit chain of this profile before devices had owners (legacy). */
  signing: CryptoKeyPair
  /** Wraps PIN boxes so they open on this device only; cannot be exported. */
  wrapKey: CryptoKey
}

/**
 * CONF-6/CONF-10: one user's device on this browser profile (a shared tablet has one per user).
 * It signs that user's audit chain, and only that user may push its documents and entries:
 * the server reads the owner from the id, `<userId>:<random>` (server user names have no ':').
 */
export interface UserDevice {
  deviceId: string
  userId: string
  /** The private half cannot be exported. */
  signing: CryptoKeyPair
}

const key = 'device-identity'
const userDeviceKey = (userId: string) => `device-identity:${userId}`

/** This profile's identity, created on first use (the device documents are the users' own: ensureUserDevice). */
export async function ensureDeviceIdentity(db: LobbyDb, local: LocalStore): Promise<DeviceIdentity> {
  const existing = await local.get<DeviceIdentity>(key)
  if (existing) return existing
  const identity: DeviceIdentity = {
    deviceId: randomId(),
    signing: await generateDeviceSigningKey(),
    wrapKey: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
  }
  // Two tabs may race to create it: the first one stored wins, the other's keys are dropped.
  return db.transaction('rw', db.local, async () => {
    const raced = (await db.local.get(key))?.value as DeviceIdentity | undefined
    if (raced) return raced
    await db.local.put({ key, value: identity })
    return identity
  })
}

/** `userId`'s device on this profile, created and published (as a DeviceDoc, for audit verification) on first use. */
export async function ensureUserDevice(db: LobbyDb, local: LocalStore, userAgent: string, userId: string): Promise<UserDevice> {
  const existing = await local.get<UserDevice>(userDeviceKey(userId))
  if (existing) return existing
  const device: UserDevice = { deviceId: `${userId}:${randomId()}`, userId, signing: await generateDeviceSigningKey() }
  const doc: DeviceDoc = {
    _id: `device:${device.deviceId}`,
    type: 'device',
    deviceId: device.deviceId,
    userId,
    by: userId,
    publicJwk: await crypto.subtle.exportKey('jwk', device.signing.publicKey),
    userAgent,
    registeredAt: new Date().toISOString(),
  }
  return db.transaction('rw', db.local, db.devices, async () => {
    const raced = (await db.local.get(userDeviceKey(userId)))?.value as UserDevice | undefined
    if (raced) return raced
    await db.devices.put({ ...doc, _local: 1 })
    await db.local.put({ key: userDeviceKey(userId), value: device })
    return device
  })
}

/** The ids of every device on this profile: the profile's own and each user's. */
export async function localDeviceIds(db: LobbyDb): Promise<string[]> {
  const rows = await db.local.where('key').startsWith(key).toArray()
  return rows.map((r) => (r.value as { deviceId: string }).deviceId)
}

/**
 * Legacy: a profile registered before devices had owners published one device document, without a
 * user; the first user who syncs from it signs it, so the server takes it from them.
 */
export async function claimDevice(db: LobbyDb, deviceId: string, userId: string): Promise<void> {
  await db.transaction('rw', db.devices, async () => {
    const doc = await db.devices.get(`device:${deviceId}`)
    if (doc && !doc.by && !doc.userId) await db.devices.put({ ...doc, by: userId, _local: 1 })
  })
}
