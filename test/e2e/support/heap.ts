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
 * The heap walked from its roots along strong references only, breadth first: for each node, the node and edge
 * it was first reached by (`from` is -1 for a node the app cannot reach). A string merely waiting for the collector
 * (held through weak references, such as V8's table of external strings) is not reached.
 */
function walk(snap: Snapshot) {
  const { meta } = snap.snapshot
  const NF = meta.node_fields.length
  const EF = meta.edge_fields.length
  const nEdges = meta.node_fields.indexOf('edge_count')
  const nName = meta.node_fields.indexOf('name')
  const nType = meta.node_fields.indexOf('type')
  const eType = meta.edge_fields.indexOf('type')
  const eName = meta.edge_fields.indexOf('name_or_index')
  const eTo = meta.edge_fields.indexOf('to_node')
  const edgeTypes = meta.edge_types[0]
  const weak = edgeTypes.indexOf('weak')
  const count = snap.nodes.length / NF
  const firstEdge = new Uint32Array(count + 1)
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i]! + snap.nodes[i * NF + nEdges]! * EF
  const from = new Int32Array(count).fill(-1)
  const via = new Int32Array(count).fill(-1)
  const queue = [0] // node 0 is the synthetic root
  from[0] = 0
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += EF) {
      if (snap.edges[e + eType] === weak) continue
      const to = snap.edges[e + eTo]! / NF
      if (from[to] !== -1) continue
      from[to] = n
      via[to] = e
      queue.push(to)
    }
  }
  const name = (n: number) => snap.strings[snap.nodes[n * NF + nName]!] ?? ''
  const label = (n: number) => `${meta.node_types[0][snap.nodes[n * NF + nType]!]}:${name(n).slice(0, 60)}`
  const edgeLabel = (e: number) => {
    const type = edgeTypes[snap.edges[e + eType]!]
    const key = snap.edges[e + eName]!
    return type === 'element' || type === 'hidden' ? `[${key}]` : (snap.strings[key] ?? String(key))
  }
  /** The first reachable node whose name holds `needle`, or -1. */
  const find = (needle: string) => {
    for (let i = 0; i < count; i++) if (from[i] !== -1 && name(i).includes(needle)) return i
    return -1
  }
  return { from, via, find, label, edgeLabel }
}

/** Which of `needles` occur in a string the app can still reach (strong references only). */
export function stronglyHeld(snap: Snapshot, needles: string[]): string[] {
  const heap = walk(snap)
  return needles.filter((needle) => heap.find(needle) !== -1)
}

/**
 * How the app still reaches each of `needles` (for a failure message): the shortest chain of strong references
 * from the heap's root to a string holding it, as `-edge-> node …`.
 */
export function retainers(snap: Snapshot, needles: string[]): string {
  const heap = walk(snap)
  const lines: string[] = []
  for (const needle of needles) {
    const hit = heap.find(needle)
    if (hit < 0) continue
    const chain: string[] = []
    for (let n = hit; n !== 0 && chain.length < 40; n = heap.from[n]!) chain.unshift(`-${heap.edgeLabel(heap.via[n]!)}-> ${heap.label(n)}`)
    lines.push(`${needle}: root ${chain.join(' ')}`)
  }
  return lines.join('\n')
}
