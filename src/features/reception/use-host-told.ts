import { useIntervalFn } from '@vueuse/core'
import { useReceptionStore } from './reception.store'

/** REC-3: while a reception page is open, whether each host has the notice and has answered is read every few seconds. */
export function useHostToldFollow(everyMs = 3_000) {
  const store = useReceptionStore()
  useIntervalFn(() => void store.refreshHostTold().catch(() => undefined), everyMs)
}
