import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useUnsavedWork } from './unsaved-work'

describe('unsaved work registry', () => {
  it('reports unsaved input from any open form, and nothing once they are clean or gone', async () => {
    const a = ref(false)
    const b = ref(true)
    const scopeA = effectScope()
    const scopeB = effectScope()
    scopeA.run(() => useUnsavedWork(a))
    scopeB.run(() => useUnsavedWork(b)) // two forms open at once must not trigger each other endlessly
    const { hasUnsavedWork } = useUnsavedWork()
    await nextTick()
    expect(hasUnsavedWork.value).toBe(true)
    b.value = false
    await nextTick()
    expect(hasUnsavedWork.value).toBe(false)
    a.value = true
    await nextTick()
    expect(hasUnsavedWork.value).toBe(true)
    scopeA.stop()
    scopeB.stop()
    await nextTick()
    expect(hasUnsavedWork.value).toBe(false)
  })
})
