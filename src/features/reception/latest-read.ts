/**
 * Reads of the same lists that may overlap (the page opening, a write, a sync round): each takes a ticket when it
 * starts, and only the latest started may show what it read. A read started later saw at least as much, so an
 * earlier one finishing last would put back a list from before a write.
 */
export function latestRead() {
  let started = 0
  return {
    start: () => ++started,
    isLatest: (ticket: number) => ticket === started,
  }
}
