import { watch } from 'vue'
import { useSyncStore } from '@/features/sync/sync.store'

/**
 * SVC-2, SVC-3: while an office page is open, it reads again after each sync round (a request taken on another
 * device, a job finished on a phone and taken in after the round), as the reception pages follow theirs.
 */
export function useServiceFollowsSync(reread: () => Promise<void>) {
  const sync = useSyncStore()
  watch(
    () => sync.status.state,
    (now, before) => {
      if (before === 'syncing' && now !== 'syncing') void reread().catch(() => undefined)
    },
  )
}
