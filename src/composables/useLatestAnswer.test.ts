import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useLatestAnswer } from './useLatestAnswer'

describe('useLatestAnswer: a quote for what is chosen now', () => {
  it('shows the answer to the latest question even when an earlier answer arrives after it (MEM-1: the quote matches the chosen term)', async () => {
    const term = ref('month')
    const answers = new Map<string, (quote: string) => void>()
    const scope = effectScope()
    const quote = scope.run(() => useLatestAnswer([term], () => new Promise<string>((resolve) => answers.set(term.value, resolve))))!
    await nextTick()
    term.value = 'year'
    await nextTick()
    answers.get('year')!('quote for a year')
    await Promise.resolve()
    answers.get('month')!('quote for a month')
    await new Promise<void>((resolve) => queueMicrotask(resolve))
    expect(quote.value).toBe('quote for a year')
    scope.stop()
  })

  it('asks nothing while the question is not ready', async () => {
    const tier = ref('')
    const scope = effectScope()
    let asked = 0
    const quote = scope.run(() => useLatestAnswer([tier], () => (tier.value ? (asked++, Promise.resolve(tier.value)) : undefined)))!
    await nextTick()
    expect([asked, quote.value]).toEqual([0, undefined])
    tier.value = 'vip'
    await nextTick()
    await Promise.resolve()
    expect([asked, quote.value]).toEqual([1, 'vip'])
    scope.stop()
  })
})
