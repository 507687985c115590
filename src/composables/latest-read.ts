/**
 * Reads of the same lists that may overlap (the page opening, a write, a sync round): each takes a ticket when it
 * starts and shows what it read unless a read started after it has shown already. A read started later saw at
 * least as much, so an earlier one finishing last would put back a list from before a write; an earlier one
 * finishing first still shows at once (a registration's status does not wait on a sync round's read).
 */
export function latestRead() {
  let started = 0
  let shown = 0
  return {
    start: () => ++started,
    mayShow(ticket: number): boolean {
      if (ticket < shown) return false
      shown = ticket
      return true
    },
    /** Whether what `ticket`'s read shows is still the latest shown (its next steps, the approvals, may follow). */
    stillShown: (ticket: number) => ticket === shown,
    /** The lists were changed without a read (a registration taken straight in): reads started before it are stale. */
    shownDirectly(): void {
      shown = ++started
    },
  }
}
