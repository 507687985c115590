import { ref } from 'vue'
import type { DeviceKind } from '@/core/shared/update-policy'
import { readPreference, writePreference } from './preferences'

const stored = readPreference('deviceKind')
const deviceKind = ref<DeviceKind>(stored === 'frontdesk' ? 'frontdesk' : 'personal')

/** Whether this device is a shared front-desk tablet or someone's own device; remembered per device. */
export function useDeviceKind() {
  function setDeviceKind(kind: DeviceKind) {
    deviceKind.value = kind
    writePreference('deviceKind', kind)
  }
  return { deviceKind, setDeviceKind }
}
