import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { tryOnScopeDispose } from '@vueuse/core'

const dirtySources = ref(new Set<symbol>())

/**
 * Forms report whether they hold unsaved input, so that nothing (an automatic
 * update, later the idle lock's reload) throws away what someone typed.
 */
export function useUnsavedWork(isDirty?: MaybeRefOrGetter<boolean>) {
  if (isDirty !== undefined) {
    const id = Symbol('unsaved')
    // Only the form's own dirtiness is watched: reading the shared set inside a reactive effect
    // that also writes it would make two open forms trigger each other for ever.
    watch(
      () => toValue(isDirty),
      (dirty) => {
        const next = new Set(dirtySources.value)
        if (dirty) next.add(id)
        else next.delete(id)
        dirtySources.value = next
      },
      { immediate: true },
    )
    tryOnScopeDispose(() => {
      const next = new Set(dirtySources.value)
      next.delete(id)
      dirtySources.value = next
    })
  }
  return { hasUnsavedWork: computed(() => dirtySources.value.size > 0) }
}
