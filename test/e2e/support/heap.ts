import type { Page } from 'playwright-core'

/**
 * The page's JavaScript heap after a full garbage collection, as the raw heap
 * snapshot text: if a string is reachable from anywhere in the app, it is in here.
 */
export async function heapSnapshotText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }: { chunk: string }) => chunks.push(chunk))
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  return chunks.join('')
}

/** How a string appears inside the snapshot's JSON (non-ASCII is \u-escaped or raw). */
export function snapshotForms(s: string): string[] {
  const escaped = Array.from(s, (c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')
  return [s, escaped]
}
