/**
 * Runs `work` once the browser has painted what is on screen now: the next animation frame, then a task after it.
 * A hidden tab gets no frames, so a timer runs it anyway after `atLatestMs` (and outside a browser, at once).
 */
export function afterNextPaint(work: () => void, atLatestMs = 100): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    clearTimeout(fallback)
    work()
  }
  const fallback = setTimeout(once, atLatestMs)
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0))
  else setTimeout(once, 0)
}
