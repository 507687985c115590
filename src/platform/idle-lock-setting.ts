import { computed, ref } from 'vue'
import { defaultIdleLockSeconds } from '@/core/access/agreement'
import { useDeviceKind } from './device-kind'
import { readPreference, writePreference } from './preferences'

export const minIdleLockSeconds = 10
const stored = Number(readPreference('idleLockSeconds'))
const override = ref<number | undefined>(Number.isFinite(stored) && stored >= minIdleLockSeconds ? stored : undefined)

/** CONF-7: seconds without use before the screen locks: this device's setting, else the default for its kind. */
export function useIdleLockSetting() {
  const { deviceKind } = useDeviceKind()
  const seconds = computed(() => override.value ?? defaultIdleLockSeconds[deviceKind.value])
  function setSeconds(value: number) {
    const s = Math.max(minIdleLockSeconds, Math.round(value))
    override.value = s
    writePreference('idleLockSeconds', String(s))
  }
  return { seconds, setSeconds }
}
