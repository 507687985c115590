import { computed, ref, toValue, watchEffect, type MaybeRefOrGetter } from 'vue'
import { tryOnScopeDispose } from '@vueuse/core'

const dirtySources = ref(new Set<symbol>())

/**
 * Forms report whether they hold unsaved input, so that nothing (an automatic
 * update, later the idle lock's reload) throws away what someone typed.
 */
export function useUnsavedWork(isDirty?: MaybeRefOrGetter<boolean>) {
  if (isDirty !== undefined) {
    const id = Symbol('unsaved')
    watchEffect(() => {
      const next = new Set(dirtySources.value)
      if (toValue(isDirty)) next.add(id)
      else next.delete(id)
      dirtySources.value = next
    })
    tryOnScopeDispose(() => {
      const next = new Set(dirtySources.value)
      next.delete(id)
      dirtySources.value = next
    })
  }
  return { hasUnsavedWork: computed(() => dirtySources.value.size > 0) }
}
