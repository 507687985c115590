import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import { isLocale } from '@/core/shared/locale'
import { useLobbyStorage } from '@/identity/device-storage'
import { useSessionStore } from '@/identity/session.store'
import type { OpenedNotice } from '@/storage/notices.repo'
import { followNotices } from './notice-follower'
import { noticeText } from './notice-text'
import { noticeAlertWords } from './notices.nav'
import { showSystemNotification } from './system-notification'

/**
 * REC-3: the signed-in user's notices not yet acknowledged, live as sync brings them (any of their devices),
 * announced by a system notification where allowed. Made at start-up (app/main.ts), outside any component,
 * like every store that watches the session (CONF-7); the list goes with the session on lock.
 */
export const useNoticesStore = defineStore('notices', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const unacknowledged = shallowRef<OpenedNotice[]>([])
  let stop: (() => void) | undefined

  const words = () => noticeAlertWords[isLocale(document.documentElement.lang) ? document.documentElement.lang : 'en']
  watch(
    () => session.session,
    (s) => {
      stop?.()
      stop = undefined
      unacknowledged.value = []
      if (!s) return
      stop = followNotices(
        (next) => storage.notices.watchUnacknowledged(next),
        (list) => (unacknowledged.value = list),
        (notice) => {
          const { title, text } = noticeText(notice, words())
          showSystemNotification(title, text, notice.id)
        },
      )
    },
    { immediate: true },
  )

  async function acknowledge(id: string): Promise<void> {
    await storage.notices.acknowledge(id, Date.now())
  }

  return { unacknowledged, count: computed(() => unacknowledged.value.length), acknowledge }
})
