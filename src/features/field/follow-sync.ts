import { watch } from 'vue'
import { useSyncStore } from '@/features/sync/sync.store'

/**
 * SVC-3: while a field page is open, it reads the technician's jobs again after each sync round: a job dispatched,
 * a job the office took in and closed (gone from the realm), or this phone's work sent (no longer waiting). The
 * realm holds only the technician's open jobs, so a read is a few records.
 */
export function useFieldFollowsSync(reread: () => Promise<void>): void {
  const sync = useSyncStore()
  watch(
    () => sync.status.state,
    (now, before) => {
      if (before === 'syncing' && now !== 'syncing') void reread().catch(() => undefined)
    },
  )
}
