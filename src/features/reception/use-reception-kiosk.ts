import { computed, onUnmounted, ref, watch } from 'vue'
import { onBeforeRouteLeave, useRoute, useRouter } from 'vue-router'
import { useFullscreen, useWakeLock } from '@vueuse/core'
import { useLobbyStorage } from '@/identity/device-storage'
import { useSessionStore } from '@/identity/session.store'
import { deskUserTakesBack, type TakeBack } from './kiosk-hand-back'

/**
 * Issue 11 §8: the register page as a kiosk. Kiosk mode (full screen, the screen kept on, large targets) is in the
 * address (`?kiosk=1`), so unlocking after the idle lock brings the kiosk back. The visitor-facing privacy mode is
 * the page's own state: the lock forgets it with everything else, and only the signed-in desk user's PIN or
 * passphrase ends it (docs/security.md "Reception kiosk").
 */
export function useReceptionKiosk() {
  const route = useRoute()
  const router = useRouter()
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const on = computed(() => route.query.kiosk === '1')
  const privacy = ref(false)
  const wakeLock = useWakeLock()
  const fullscreen = useFullscreen()

  const releaseWakeLock = () => (wakeLock.isActive.value ? wakeLock.release().catch(() => undefined) : undefined)
  watch(
    on,
    async (kiosk) => {
      if (!kiosk) return void releaseWakeLock()
      if (wakeLock.isSupported.value) await wakeLock.request('screen').catch(() => undefined)
    },
    { immediate: true },
  )
  onUnmounted(() => void releaseWakeLock())

  // The visitor holds the tablet: no way off this page (the shell's links, back) until the desk takes it back.
  onBeforeRouteLeave(() => !privacy.value)

  async function enter() {
    await router.replace({ query: { ...route.query, kiosk: '1' } })
    if (fullscreen.isSupported.value) await fullscreen.enter().catch(() => undefined)
  }

  async function leave() {
    if (privacy.value) return
    const { kiosk: _kiosk, ...rest } = route.query
    await router.replace({ query: rest })
    if (fullscreen.isFullscreen.value) await fullscreen.exit().catch(() => undefined)
  }

  function turnToVisitor() {
    if (on.value) privacy.value = true
  }

  async function takeBack(secret: string): Promise<TakeBack> {
    const username = session.session?.username
    if (!username) return { ok: false, why: 'other' }
    const outcome = await deskUserTakesBack(storage, username, secret)
    if (outcome.ok) privacy.value = false
    return outcome
  }

  return { on, privacy, awake: wakeLock.isActive, enter, leave, turnToVisitor, takeBack }
}

export type ReceptionKiosk = ReturnType<typeof useReceptionKiosk>
