import { ref } from 'vue'

export type ServiceWorkerState = 'unsupported' | 'none' | 'installing' | 'waiting' | 'active' | 'controlling'

/** Where this page's service worker stands, for the Diagnostics page. */
export async function readServiceWorkerState(): Promise<ServiceWorkerState> {
  if (!('serviceWorker' in navigator)) return 'unsupported'
  const reg = await navigator.serviceWorker.getRegistration()
  if (!reg) return 'none'
  if (reg.waiting) return 'waiting'
  if (reg.installing) return 'installing'
  if (navigator.serviceWorker.controller) return 'controlling'
  return reg.active ? 'active' : 'none'
}

export function useServiceWorkerState() {
  const state = ref<ServiceWorkerState>('none')
  const refresh = async () => {
    state.value = await readServiceWorkerState()
  }
  return { state, refresh }
}
