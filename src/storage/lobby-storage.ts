import { importEcdhPublicKey } from '@/crypto/user-keys'
import { createAccountsRepo } from './accounts.repo'
import type { AuditAction } from './audit-events'
import { createAuditLog } from './audit-log'
import type { LobbyDb } from './db'
import { claimDevice, ensureDeviceIdentity, type DeviceIdentity } from './device-identity'
import type { KeySource } from './key-source'
import { createLocalStore } from './local-store'
import { createPeopleRepo } from './people.repo'
import { createStaffRepo } from './staff.repo'
import { createHlcClock } from './hlc-clock'
import type { RepoContext } from './sealed-repo'
import { createUnlockStateRepo } from './unlock-state.repo'

/**
 * Everything features may reach on this device, wired once: repositories that
 * seal with the session's keys (`keys()` returns nothing while locked) and an
 * audit log that records every write they make.
 */
export function createLobbyStorage(db: LobbyDb, keys: () => KeySource | undefined, userAgent: string) {
  const local = createLocalStore(db)
  const accounts = createAccountsRepo(db)

  let device: Promise<DeviceIdentity> | undefined
  const deviceIdentity = () => (device ??= ensureDeviceIdentity(db, local, userAgent))

  let auditKey: { jwk: string; key: CryptoKey } | undefined
  async function auditPublicKey(): Promise<CryptoKey | undefined> {
    const org = await accounts.getOrg()
    if (!org) return undefined
    const jwk = JSON.stringify(org.auditPublicJwk)
    if (auditKey?.jwk !== jwk) auditKey = { jwk, key: await importEcdhPublicKey(org.auditPublicJwk) }
    return auditKey.key
  }

  const audit = createAuditLog(db, local, deviceIdentity, auditPublicKey)
  const clock = createHlcClock(local, async () => (await deviceIdentity()).deviceId)
  const auditWrites = (ks: () => KeySource | undefined) => ({
    onWrite: async (c: { action: 'create' | 'change' | 'delete'; type: string; id: string }) => {
      await audit.append({ action: `record.${c.action}` as AuditAction, by: ks()?.userId ?? 'unknown', recordId: c.id, recordType: c.type })
    },
  })

  /** Repositories sealing with a given key source, for work done before a session is active (first sign-in). */
  const context = (ks: () => KeySource | undefined): RepoContext => ({ db, keys: ks, clock, events: auditWrites(ks) })
  const withKeys = (ks: KeySource) => ({
    people: createPeopleRepo(context(() => ks)),
    staff: createStaffRepo(context(() => ks)),
  })

  return {
    accounts,
    withKeys,
    unlockState: createUnlockStateRepo(local),
    deviceIdentity,
    claimDevice: async (userId: string) => claimDevice(db, (await deviceIdentity()).deviceId, userId),
    audit,
    clock,
    people: createPeopleRepo(context(keys)),
    staff: createStaffRepo(context(keys)),
  }
}

export type LobbyStorage = ReturnType<typeof createLobbyStorage>
