import { useLobbyStorage } from '@/identity/device-storage'
import { setOrganisationIdleLock } from '@/platform/idle-lock-setting'

/**
 * Issue 9 §4: reads the organisation's idle lock from its settings (public, synced to every device)
 * into this device's idle-lock setting, where it is the default of a device that chose nothing.
 * Returns the refresh to call whenever the settings may have changed: at sign-in or unlock, when
 * the screen comes back, when the settings page opens. Call it in a component's or store's setup.
 */
export function useOrganisationIdleLock(): () => Promise<void> {
  const storage = useLobbyStorage()
  return async () => {
    // Saved settings only: a device that knows no organisation yet keeps the built-in default.
    setOrganisationIdleLock((await storage.orgSettings.get())?.idleLockSeconds)
  }
}
