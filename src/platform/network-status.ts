import { computed, ref } from 'vue'
import { probeEveryMs, probeTimeoutMs, reachability } from '@/core/shared/reachability'
import { probeSyncServer } from './sync-server-probe'

const browserOnline = ref(typeof navigator === 'undefined' || navigator.onLine)
/** Whether the sync server answered the last time it was asked; undefined until then. */
const serverAnswered = ref<boolean>()
const shown = computed(() => reachability(browserOnline.value, serverAnswered.value))

let started = false
let next: ReturnType<typeof setTimeout> | undefined
let asking: Promise<void> | undefined

/** Ask the sync server now (coalesced with an ask already under way), then again on the schedule. */
function probeNow(): Promise<void> {
  asking ??= (async () => {
    clearTimeout(next)
    browserOnline.value = navigator.onLine
    // With no network at all there is nobody to ask; the last answer stands for when it returns.
    if (browserOnline.value) serverAnswered.value = await probeSyncServer(AbortSignal.timeout(probeTimeoutMs))
  })().finally(() => {
    asking = undefined
    next = setTimeout(() => void probeNow(), probeEveryMs[shown.value])
  })
  return asking
}

function start() {
  if (started) return
  started = true
  window.addEventListener('online', () => void probeNow())
  window.addEventListener('offline', () => void probeNow())
  void probeNow()
}

/**
 * The network indicator's state, for the whole page: offline when the browser is offline or the sync
 * server does not answer, online again once it answers. Asked on a schedule, on the browser's
 * online/offline events, and whenever sync fails for want of a network (`probeNow`).
 */
export function useNetworkStatus() {
  start()
  return {
    online: computed(() => shown.value === 'online'),
    /** Offline although the browser has a network: the sync server is what does not answer. */
    serverSilent: computed(() => browserOnline.value && serverAnswered.value === false),
    probeNow,
  }
}
