import { nextTick, ref, watch } from 'vue'
import { useRoute } from 'vue-router'

/**
 * The navigation as a disclosure on narrow screens: opening it moves focus to its first link, Escape closes
 * it and gives focus back to the button, and following a link (any route change) closes it. On wide screens
 * the list is always shown and `open` changes nothing (the button is not displayed).
 */
export function useNavDisclosure(navId: string, toggleSelector: string) {
  const open = ref(false)
  const route = useRoute()
  watch(
    () => route.fullPath,
    () => (open.value = false),
  )

  async function toggle() {
    open.value = !open.value
    if (!open.value) return
    await nextTick()
    document.querySelector<HTMLElement>(`#${navId} a`)?.focus()
  }

  function close() {
    if (!open.value) return
    open.value = false
    document.querySelector<HTMLElement>(toggleSelector)?.focus()
  }

  return { open, toggle, close }
}
