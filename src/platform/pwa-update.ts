import { ref } from 'vue'
import { createSharedComposable, useDocumentVisibility, useIntervalFn, watchImmediate } from '@vueuse/core'
import { useRegisterSW } from 'virtual:pwa-register/vue'

const hourMs = 60 * 60 * 1000

/**
 * Service worker registration and the update flow. Updates wait for the user
 * (registerType 'prompt'): we check hourly and whenever the app comes back to
 * the foreground, and raise `needRefresh` when a new version is waiting.
 */
export const usePwaUpdate = createSharedComposable(() => {
  const isSupported = 'serviceWorker' in navigator
  const registration = ref<ServiceWorkerRegistration>()
  const checking = ref(false)

  let reloading = false
  // One reload whichever signal comes first: workbox-window skips its own reload when it
  // deems the waiting worker "external" (found by our hourly registration.update()).
  const reloadOnce = () => {
    if (reloading) return
    reloading = true
    window.location.reload()
  }

  const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({
    immediate: true,
    onNeedReload: reloadOnce,
    onRegisteredSW(_url, reg) {
      registration.value = reg
    },
    onRegisterError() {
      // The app still runs without a service worker; Diagnostics shows the state.
    },
  })

  async function checkForUpdate(): Promise<void> {
    const reg = registration.value
    if (!reg || reg.installing || !navigator.onLine) return
    checking.value = true
    try {
      await reg.update()
    } catch {
      // Offline or server down: the next hourly or foreground check tries again.
    } finally {
      checking.value = false
    }
  }

  useIntervalFn(checkForUpdate, hourMs)
  const visibility = useDocumentVisibility()
  watchImmediate(visibility, (v) => {
    if (v === 'visible') void checkForUpdate()
  })

  /** Activate the waiting version; the page reloads into it once it takes control. */
  async function applyUpdate(): Promise<void> {
    navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true })
    await updateServiceWorker(true)
  }

  return { isSupported, registration, needRefresh, offlineReady, checking, checkForUpdate, applyUpdate }
})
