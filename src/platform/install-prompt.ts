import { computed, ref } from 'vue'
import { createSharedComposable, useEventListener } from '@vueuse/core'

/** Chromium's install prompt event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

function isStandalone(): boolean {
  return (
    window.matchMedia('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  )
}

// iPadOS reports itself as a Mac; touch points tell them apart.
function isIos(): boolean {
  const ua = navigator.userAgent
  return /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)
}

/**
 * Install support: the browser's own prompt where it offers one (Chromium),
 * and "Add to Home Screen" instructions on iOS, which has no prompt.
 */
export const useInstallPrompt = createSharedComposable((options: { onInstalled?: () => void } = {}) => {
  const deferred = ref<BeforeInstallPromptEvent>()
  const installed = ref(isStandalone())
  const dismissed = ref(false)

  useEventListener(window, 'beforeinstallprompt', (e: Event) => {
    e.preventDefault() // show our own button instead of the mini-infobar
    deferred.value = e as BeforeInstallPromptEvent
  })
  useEventListener(window, 'appinstalled', () => {
    installed.value = true
    deferred.value = undefined
    options.onInstalled?.()
  })

  const canPrompt = computed(() => !!deferred.value && !installed.value && !dismissed.value)
  const showIosHint = computed(() => isIos() && !installed.value && !dismissed.value)

  async function install(): Promise<boolean> {
    const event = deferred.value
    if (!event) return false
    await event.prompt()
    const { outcome } = await event.userChoice
    deferred.value = undefined
    return outcome === 'accepted'
  }

  return { installed, canPrompt, showIosHint, install, dismiss: () => (dismissed.value = true) }
})
