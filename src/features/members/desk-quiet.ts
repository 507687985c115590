/**
 * MEM-3: the check-in desk's quiet moments. A queue at the door is scanned at full speed; the day's lists (the
 * week's duplicates, memberships ending soon: hundreds of members' fees a few years in) are read in the lulls.
 * `readWholeDay` starts that read; the store's background steps call `yieldToDesk` between their batches.
 */
export function createDeskQuiet(readWholeDay: () => void, clock: { now: () => number }) {
  // The scan being decided: the day's read waits for it between its batches (a scan goes first).
  let scanning: Promise<unknown> | undefined
  // When the last scan started (performance.now(): tests fix Date.now).
  let lastScanAt = -Infinity
  let wholeDayTimer: ReturnType<typeof setTimeout> | undefined
  let wholeDayLatest = 0
  // Read when the desk has been quiet this long (a scan puts it off), and at the latest this long after opening.
  const wholeDayAfterMs = 2_000
  const wholeDayAtLatestMs = 30_000
  // The day's read in the background steps on when no scan has started for this long, or after this long in any case.
  const deskQuietMs = 1_000
  const stepAtLeastEveryMs = 2_000

  /**
   * The page opens on today's visitors; the rest of the day follows once the desk is quiet for a moment, so
   * scans made as the page opens (after an unlock, a queue at the door) do not wait behind it. `putOff`: a scan
   * started, pushing back a read still waiting (none waiting: nothing to do).
   */
  function readWholeDaySoon(putOff = false) {
    if (putOff && wholeDayTimer === undefined) return
    if (!putOff) wholeDayLatest = clock.now() + wholeDayAtLatestMs
    clearTimeout(wholeDayTimer)
    wholeDayTimer = setTimeout(() => {
      wholeDayTimer = undefined
      readWholeDay()
    }, Math.max(0, Math.min(wholeDayAfterMs, wholeDayLatest - clock.now())))
  }

  /** A scan started: the waiting read is put off, and background steps wait for this scan to be decided. */
  function scanStarted(scan: Promise<unknown>) {
    readWholeDaySoon(true)
    lastScanAt = performance.now()
    const done = scan.catch(() => undefined)
    scanning = done
    void done.then(() => {
      if (scanning === done) scanning = undefined
    })
  }

  /** The check-in page is left: the lists it would have read next are not needed. */
  function leave() {
    clearTimeout(wholeDayTimer)
    wholeDayTimer = undefined
  }

  /**
   * Between the steps of the day's read in the background: waits for a scan in flight, then until no scan has
   * started for `deskQuietMs`, yet never more than `stepAtLeastEveryMs` in all, so a desk that never pauses still gets
   * its lists (a step of four members every two seconds). A step that meets a scan costs that scan one small read.
   */
  async function yieldToDesk(): Promise<void> {
    const started = performance.now()
    for (;;) {
      if (scanning) await scanning
      const sinceScan = performance.now() - lastScanAt
      const waited = performance.now() - started
      if (sinceScan >= deskQuietMs || waited >= stepAtLeastEveryMs) return
      await new Promise((resolve) => setTimeout(resolve, Math.min(deskQuietMs - sinceScan, stepAtLeastEveryMs - waited)))
    }
  }

  return { readWholeDaySoon, scanStarted, leave, yieldToDesk }
}
