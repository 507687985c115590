/** Percentile of already-sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export interface Row {
  name: string
  n: number
  p50: number
  p95: number
  max: number
  unit: string
}

export function summarise(name: string, samples: number[], unit = 'ms'): Row {
  const sorted = [...samples].sort((a, b) => a - b)
  return { name, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN, unit }
}

/** Prints rows as an aligned plain-text table. */
export function printTable(rows: Row[]): void {
  const head = ['benchmark', 'n', 'p50', 'p95', 'max', 'unit']
  const cells = rows.map((r) => [r.name, String(r.n), r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.unit])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)))
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const c of cells) console.log(line(c))
}
