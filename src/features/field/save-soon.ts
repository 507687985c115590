/**
 * Typing saved as it goes (SVC-3: a reload, a lock or a flat battery loses nothing): changes gathered for `delayMs`
 * after the last keystroke, then written in one save; `flush` writes at once (a field left, the app hidden, the page
 * closed). One save at a time, in order: a change made while one is written goes in the next.
 */
export function createSaveSoon<C extends object>(save: (change: C) => Promise<void>, delayMs = 400, onPending?: (pending: boolean) => void) {
  let gathered: Partial<C> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> = Promise.resolve()

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = undefined
    const change = gathered
    gathered = undefined
    if (change) onPending?.(false)
    if (change) writing = writing.then(() => save(change as C)).catch(() => undefined)
    return writing
  }

  return {
    /** Adds `change` to what is written `delayMs` after the last change. */
    soon(change: Partial<C>): void {
      if (!gathered) onPending?.(true)
      gathered = { ...gathered, ...change }
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void flush(), delayMs)
    },
    flush,
    /** Whether a change waits to be written. */
    pending: () => gathered !== undefined,
  }
}
