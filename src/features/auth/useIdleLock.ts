import { useIdle, useIntervalFn } from '@vueuse/core'
import { useRoute } from 'vue-router'
import { useIdleLockSetting } from '@/platform/idle-lock-setting'
import { useSessionStore } from './session.store'

/** CONF-7: locks the app once nobody has touched it for the configured time. */
export function useIdleLock() {
  const session = useSessionStore()
  const route = useRoute()
  const { seconds } = useIdleLockSetting()
  // useIdle's own timeout is fixed at creation; we compare lastActive against the live setting instead.
  const { lastActive } = useIdle(60_000)
  useIntervalFn(() => {
    if (session.isSignedIn && Date.now() - lastActive.value >= seconds.value * 1000) void session.lock(route.fullPath)
  }, 1000)
}
