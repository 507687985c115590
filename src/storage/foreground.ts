/**
 * Work a person is waiting for (a scan at the desk) goes before background writes to the same tables (issue 13:
 * "the check-in screen answers a scan while a big sync runs"). IndexedDB starts a transaction only after every
 * earlier read-write transaction on the same table has finished, so each read of a scan queued behind a sync page's
 * write: a scan's few reads in a row waited for a page each. Sync asks `foregroundIdle()` before each page's write;
 * while foreground work runs, the write waits for it (at most `patienceMs`, so a stuck screen never stalls sync).
 * Per tab: on a desk, the tab that scans is the tab that syncs (one tab holds the sync lock).
 */
let running = 0
let waiting: (() => void)[] = []

/** Runs `work` as foreground work: background writes that ask wait until it (and any other) has finished. */
export async function inForeground<T>(work: () => Promise<T>): Promise<T> {
  running++
  try {
    return await work()
  } finally {
    if (--running === 0) {
      const release = waiting
      waiting = []
      for (const go of release) go()
    }
  }
}

/** Resolves when no foreground work runs (at once if none does), or after `patienceMs` regardless. */
export function foregroundIdle(patienceMs = 2_000): Promise<void> {
  if (running === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, patienceMs)
    waiting.push(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
