import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import { isLocale } from '@/core/shared/locale'
import { fallbackTimeZone } from '@/core/organisation/time-zone'
import type { OrganisationSettings } from '@/core/organisation/types'
import { useLobbyStorage } from '@/identity/device-storage'
import { useSessionStore } from '@/identity/session.store'
import { setOrganisationIdleLock } from '@/platform/idle-lock-setting'

/**
 * Issue 10: the organisation's name and time zone as every page shows them (times in the audit log and the
 * devices list, the member card's name). Clear settings, readable before sign-in; read again at each sign-in
 * or unlock (another device may have changed them) and after a save on this one.
 */
export const useOrganisationStore = defineStore('organisation', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const settings = shallowRef<OrganisationSettings>()

  async function refresh(): Promise<void> {
    settings.value = (await storage.orgSettings.read()).settings
  }
  watch(() => session.session, () => void refresh().catch((e: unknown) => console.warn('organisation settings not read', e)), { immediate: true })
  // Followed, not only read at sign-in: a manager's save on another device reaches this one by sync, and its idle
  // lock, zone and name apply from then on (a device that chose no idle lock of its own follows the organisation's).
  storage.orgSettings.follow((read) => {
    settings.value = read.settings
    setOrganisationIdleLock(read.saved ? read.settings.idleLockSeconds : undefined)
  })

  const timeZone = computed(() => settings.value?.timeZone ?? fallbackTimeZone)
  /** The organisation's name in `locale`, else in the other language; undefined while it has none. */
  function name(locale: string): string | undefined {
    const names = settings.value?.name
    if (!names) return undefined
    const first = isLocale(locale) ? names[locale].trim() : ''
    return first || names.en.trim() || names['zh-CN'].trim() || undefined
  }

  return { settings, timeZone, name, refresh }
})
