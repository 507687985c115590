import { watch } from 'vue'
import { localDateOf } from '@/core/shared/local-date'
import { useLobbyStorage } from '@/identity/device-storage'
import { useSyncStore } from '@/features/sync/sync.store'
import { useReceptionStore } from './reception.store'

/** What the lists were last read with: the count of desk records other devices had brought in, and the day. */
export interface ListsRead {
  arrivals: number
  day: string
}

/**
 * After a sync round: whether today's lists are read again (a day's slice, never the realm). Only when the round
 * brought other devices' desk records (a visit, a check-out, an approval, a pre-registration or its calling off),
 * or the day turned: the lists already hold this tablet's own writes.
 */
export function rereadAfterRound(round: { ended: boolean }, seen: ListsRead, now: ListsRead): boolean {
  return round.ended && (now.arrivals !== seen.arrivals || now.day !== seen.day)
}

/**
 * REC-1, REC-5, REC-6: while a reception page is open, its lists and the approvals follow the sync engine's
 * rounds, as the check-in page's do (CheckinPage.vue), without reopening the page.
 */
export function useReceptionFollowsSync() {
  const desk = useReceptionStore()
  const sync = useSyncStore()
  const storage = useLobbyStorage()
  const current = (): ListsRead => ({ arrivals: storage.deskArrivals.count(), day: localDateOf(desk.clock.now(), desk.timeZone) })
  let seen = current()
  watch(
    () => sync.status.state,
    (now, before) => {
      const read = current()
      if (!rereadAfterRound({ ended: before === 'syncing' && now !== 'syncing' }, seen, read)) return
      seen = read
      void desk.refreshDay().catch(() => undefined)
    },
  )
}
