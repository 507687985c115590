import { useEventListener, useIdle, useIntervalFn } from '@vueuse/core'
import { useRoute } from 'vue-router'
import { idleLockDue, locksWhenHidden } from '@/core/access/idle-lock'
import { useDeviceKind } from '@/platform/device-kind'
import { useIdleLockSetting } from '@/platform/idle-lock-setting'
import { useSessionStore } from '@/identity/session.store'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'

/**
 * CONF-7: locks the app once nobody has touched it for the configured time, including time the
 * screen was off (a tablet picked up after hours is locked on waking), and a front-desk tablet
 * as soon as its screen goes off.
 */
export function useIdleLock() {
  const session = useSessionStore()
  const route = useRoute()
  const { seconds } = useIdleLockSetting()
  const { deviceKind } = useDeviceKind()
  // Issue 9 §4: the organisation's idle lock is the default here; its store follows the settings as they sync.
  useOrganisationStore()
  // useIdle's own timeout is fixed at creation; we compare lastActive against the live setting instead.
  // Only touches count as use: by default useIdle also counts the screen coming back on, which would
  // restart the wait for a tablet that was put down hours ago.
  const { lastActive } = useIdle(60_000, { listenForVisibilityChange: false })

  function lock() {
    if (session.isSignedIn) void session.lock(route.fullPath)
  }
  function lockIfIdle() {
    if (idleLockDue(Date.now(), lastActive.value, seconds.value)) lock()
  }

  useIntervalFn(lockIfIdle, 1000)
  // Timers stop while a tablet sleeps, so check the clock the moment it wakes, before anyone reads the screen.
  useEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      lockIfIdle()
    }
    else if (locksWhenHidden(deviceKind.value)) lock()
  })
}
