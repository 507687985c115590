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

/**
 * How the app still reaches each of `needles` (for a failure message): the shortest chain of strong references
 * from the heap's root to a string holding it, as `node -edge-> node …`.
 */
export function retainers(snap: Snapshot, needles: string[]): string {
  const { meta } = snap.snapshot
  const NF = meta.node_fields.length
  const EF = meta.edge_fields.length
  const nEdges = meta.node_fields.indexOf('edge_count')
  const nName = meta.node_fields.indexOf('name')
  const nType = meta.node_fields.indexOf('type')
  const eType = meta.edge_fields.indexOf('type')
  const eName = meta.edge_fields.indexOf('name_or_index')
  const eTo = meta.edge_fields.indexOf('to_node')
  const edgeTypes = meta.edge_types[0] as string[]
  const nodeTypes = meta.node_types[0] as string[]
  const weak = edgeTypes.indexOf('weak')
  const count = snap.nodes.length / NF
  const firstEdge = new Uint32Array(count + 1)
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i]! + snap.nodes[i * NF + nEdges]! * EF
  const from = new Int32Array(count).fill(-1)
  const via = new Int32Array(count).fill(-1)
  const queue = [0]
  from[0] = 0
  const label = (n: number) => `${nodeTypes[snap.nodes[n * NF + nType]!]}:${(snap.strings[snap.nodes[n * NF + nName]!] ?? '').slice(0, 60)}`
  const edgeLabel = (e: number) => {
    const type = edgeTypes[snap.edges[e + eType]!]
    const name = snap.edges[e + eName]!
    return type === 'element' || type === 'hidden' ? `[${name}]` : (snap.strings[name] ?? String(name))
  }
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
  const lines: string[] = []
  for (const needle of needles) {
    let hit = -1
    for (let i = 0; i < count && hit < 0; i++) if (from[i] !== -1 && (snap.strings[snap.nodes[i * NF + nName]!] ?? '').includes(needle)) hit = i
    if (hit < 0) continue
    const chain: string[] = []
    for (let n = hit; n !== 0 && chain.length < 40; n = from[n]!) chain.unshift(`-${edgeLabel(via[n]!)}-> ${label(n)}`)
    lines.push(`${needle}: root ${chain.join(' ')}`)
  }
  return lines.join('\n')
}
