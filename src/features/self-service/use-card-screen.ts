import { computed, watch, type Ref } from 'vue'
import { useFullscreen, useWakeLock } from '@vueuse/core'

/**
 * MEM-8 on the phone: the card's screen kept on while a card is shown (Screen Wake Lock) and full screen on
 * request (Fullscreen API). Both are optional: where the browser has neither, the page simply shows the card,
 * and a refusal (low battery, no user gesture) is never an error. Released when the page is left.
 */
export function useCardScreen(target: Ref<HTMLElement | null | undefined>, showing: Ref<boolean>) {
  const wakeLock = useWakeLock()
  const fullscreen = useFullscreen(target)

  watch(
    showing,
    async (on) => {
      if (!wakeLock.isSupported.value) return
      if (on) await wakeLock.request('screen').catch(() => undefined)
      else await wakeLock.release().catch(() => undefined)
    },
    { immediate: true },
  )

  async function toggleFullscreen() {
    await (fullscreen.isFullscreen.value ? fullscreen.exit() : fullscreen.enter()).catch(() => undefined)
  }

  return {
    canFullscreen: computed(() => fullscreen.isSupported.value),
    isFullscreen: fullscreen.isFullscreen,
    awake: wakeLock.isActive,
    toggleFullscreen,
  }
}
