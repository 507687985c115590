import type { LocalStore } from './local-store'

/** A PIN box: the keyring locked under the PIN, then under this device's non-extractable wrap key. */
export interface PinBox {
  userId: string
  iv: string
  ct: string // AES-GCM(deviceWrapKey, JSON(LockedKeyring under the PIN-derived key))
  failures: number
}

export interface FailureCount {
  failures: number
  lastFailureAt: number
}

/** Device-local unlock state: PIN boxes and wrong-passphrase counters. Never replicated. */
export function createUnlockStateRepo(local: LocalStore) {
  return {
    getPinBox: (userId: string) => local.get<PinBox>(`pin:${userId}`),
    putPinBox: (box: PinBox) => local.set(`pin:${box.userId}`, box),
    deletePinBox: (userId: string) => local.delete(`pin:${userId}`),
    getFailures: async (login: string): Promise<FailureCount> =>
      (await local.get<FailureCount>(`failures:${login}`)) ?? { failures: 0, lastFailureAt: 0 },
    putFailures: (login: string, f: FailureCount) => local.set(`failures:${login}`, f),
    clearFailures: (login: string) => local.delete(`failures:${login}`),
  }
}

export type UnlockStateRepo = ReturnType<typeof createUnlockStateRepo>
