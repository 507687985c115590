import { watch } from 'vue'
import type { AfterSyncHook } from '@/features/module'
import { useSyncStore } from '@/features/sync/sync.store'
import { useDeviceStorage } from '@/identity/device-storage'
import { useSessionStore } from '@/identity/session.store'

/** Whether a change of the sync status is the end of a round (the engine leaves `syncing`). */
export const roundEnded = (now: string, before: string | undefined): boolean => before === 'syncing' && now !== 'syncing'

/**
 * Runs the features' after-sync work (`afterSyncRound` in their modules) each time a round of this tab's sync ends,
 * for a signed-in user whose role has the hook's permission. Made once in main.ts, outside any component, as the
 * stores that watch the session are.
 */
export function followSyncRounds(hooks: readonly AfterSyncHook[]): void {
  if (!hooks.length) return
  const sync = useSyncStore()
  const session = useSessionStore()
  const { storage } = useDeviceStorage()
  watch(
    () => sync.status.state,
    (now, before) => {
      const s = session.session
      if (!s || !roundEnded(now, before)) return
      for (const hook of hooks) {
        if (session.can(hook.permission)) void hook.run({ storage, session: s }).catch((e: unknown) => console.warn(`after sync: ${hook.name}`, e))
      }
    },
  )
}
