import { ref } from 'vue'

export interface StorageFigures {
  persisted: boolean | null
  usage: number | null
  quota: number | null
}

const isSupported = typeof navigator !== 'undefined' && 'storage' in navigator
const figures = ref<StorageFigures>({ persisted: null, usage: null, quota: null })

async function refresh(): Promise<StorageFigures> {
  if (!isSupported) return figures.value
  const [persisted, estimate] = await Promise.all([
    navigator.storage.persisted?.().catch(() => null) ?? null,
    navigator.storage.estimate?.().catch(() => null) ?? null,
  ])
  figures.value = { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
  return figures.value
}

let asked = false
/**
 * Ask the browser not to evict our data under storage pressure: an evicted
 * tablet would lose whatever it has not synced. Asked once per page life,
 * after install or the first save, when the user has shown they mean to keep data here.
 */
async function requestPersistence(): Promise<boolean | null> {
  if (!isSupported || !navigator.storage.persist) return null
  if (asked && figures.value.persisted !== null) return figures.value.persisted
  asked = true
  const granted = await navigator.storage.persist().catch(() => false)
  await refresh()
  return granted
}

/** Storage persistence and usage figures for this origin. */
export function useStoragePersistence() {
  return { isSupported, figures, refresh, requestPersistence }
}
