import { shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

/**
 * The answer to a question asked again whenever `sources` change (a fee quote for the tier and term
 * chosen): only the latest question's answer is kept, so a slow answer to an earlier choice never
 * shows under a later one. `ask` returns `undefined` while the question is not ready.
 */
export function useLatestAnswer<A>(sources: WatchSource[], ask: () => Promise<A> | undefined): ShallowRef<A | undefined> {
  const answer = shallowRef<A>()
  let asked = 0
  watch(
    sources,
    async () => {
      const pending = ask()
      if (!pending) return
      const mine = ++asked
      const result = await pending
      if (mine === asked) answer.value = result
    },
    { immediate: true },
  )
  return answer
}
