import { inject, type InjectionKey } from 'vue'
import type { KeySource } from '@/storage/key-source'
import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * What the stores work on: this device's storage and the holder of the session's keys. The app
 * provides its own (`app/main.ts`); a test provides one over a fresh database (`createTestStorage()`).
 * Stores take it by injection, never by importing the app's singleton, so nothing but `main.ts`
 * decides which database a screen reads.
 */
export interface DeviceStorage {
  storage: LobbyStorage
  setSessionKeys(keys: KeySource | undefined): void
}

export const deviceStorageKey: InjectionKey<DeviceStorage> = Symbol('device storage')

/** The injected device storage; call it in a setup store or a component's setup. */
export function useDeviceStorage(): DeviceStorage {
  const provided = inject(deviceStorageKey, undefined)
  if (!provided) throw new Error('No device storage: app/main.ts provides it (a test: app.provide(deviceStorageKey, …))')
  return provided
}

/** The injected device's repositories. */
export const useLobbyStorage = (): LobbyStorage => useDeviceStorage().storage
