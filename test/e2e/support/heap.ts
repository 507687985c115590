import type { Page } from 'playwright-core'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

/** The page's JavaScript heap after a full garbage collection, as a parsed V8 heap snapshot. */
export async function heapSnapshot(page: Page): Promise<Snapshot> {
  const cdp = await page.context().newCDPSession(page)
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }: { chunk: string }) => chunks.push(chunk))
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  return JSON.parse(chunks.join('')) as Snapshot
}

/**
 * Which of `needles` occur in a string the app can still reach: walks the heap
 * from its roots along strong references only. A string that is merely
 * waiting for the collector (held through weak references, such as V8's table
 * of external strings) is not "held" by the app.
 */
export function stronglyHeld(snap: Snapshot, needles: string[]): string[] {
  const { meta } = snap.snapshot
  const NF = meta.node_fields.length
  const EF = meta.edge_fields.length
  const nEdges = meta.node_fields.indexOf('edge_count')
  const nName = meta.node_fields.indexOf('name')
  const eType = meta.edge_fields.indexOf('type')
  const eTo = meta.edge_fields.indexOf('to_node')
  const weak = meta.edge_types[0].indexOf('weak')
  const count = snap.nodes.length / NF
  const firstEdge = new Uint32Array(count + 1)
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i]! + snap.nodes[i * NF + nEdges]! * EF
  const reached = new Uint8Array(count)
  const stack = [0] // node 0 is the synthetic root
  reached[0] = 1
  while (stack.length) {
    const n = stack.pop()!
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += EF) {
      if (snap.edges[e + eType] === weak) continue
      const to = snap.edges[e + eTo]! / NF
      if (!reached[to]) {
        reached[to] = 1
        stack.push(to)
      }
    }
  }
  const found = new Set<string>()
  for (let i = 0; i < count; i++) {
    if (!reached[i]) continue
    const name = snap.strings[snap.nodes[i * NF + nName]!] ?? ''
    for (const needle of needles) if (name.includes(needle)) found.add(needle)
  }
  return [...found]
}
