import { computed, ref } from 'vue'
import { idleLockInForce, idleLockRange, isIdleLockSeconds } from '@/core/organisation/idle-lock-in-force'
import type { DeviceKind } from '@/core/shared/update-policy'
import { useDeviceKind } from './device-kind'
import { forgetPreference, readPreference, writePreference } from './preferences'

export const minIdleLockSeconds = idleLockRange.min
export const maxIdleLockSeconds = idleLockRange.max
const stored = Number(readPreference('idleLockSeconds'))
/** This device's own choice; unset, the organisation's value applies. */
const deviceChoice = ref<number | undefined>(isIdleLockSeconds(stored) ? stored : undefined)
/** The organisation's idle lock as this device last read it (its settings are public, issue 9 §4). */
const organisation = ref<Record<DeviceKind, number> | undefined>()

/** Issue 9 §4: what the organisation settings say (undefined: none known here yet); devices that chose nothing follow it. */
export function setOrganisationIdleLock(value: Readonly<Record<DeviceKind, number>> | undefined): void {
  organisation.value = value ? { frontdesk: value.frontdesk, personal: value.personal } : undefined
}

/** CONF-7: seconds without use before the screen locks: this device's choice, else the organisation's, else the built-in default for its kind. */
export function useIdleLockSetting() {
  const { deviceKind } = useDeviceKind()
  const inForce = computed(() => idleLockInForce(deviceKind.value, deviceChoice.value, organisation.value))
  const seconds = computed(() => inForce.value.seconds)
  /** What this device would use without a choice of its own: the organisation's value or the built-in default. */
  const fallback = computed(() => idleLockInForce(deviceKind.value, undefined, organisation.value))
  function setSeconds(value: number) {
    const s = Math.min(maxIdleLockSeconds, Math.max(minIdleLockSeconds, Math.round(value)))
    deviceChoice.value = s
    writePreference('idleLockSeconds', String(s))
  }
  /** Drops this device's choice: the organisation's value (or the built-in default) applies again. */
  function followDefault() {
    deviceChoice.value = undefined
    forgetPreference('idleLockSeconds')
  }
  return { seconds, source: computed(() => inForce.value.source), fallback, setSeconds, followDefault }
}
