/** Percentile of already-sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

/** How a metric is judged: `goal` on its p95 (issue 9 §6), `baseline` the figure it is compared with. */
export interface MetricTarget {
  baseline?: number
  goal?: number
}

/** One row of bench/results.json (the shape issue 9 §6 asks for, plus min/max, goal and the samples). */
export interface MetricResult {
  metric: string
  unit: string
  /** What was measured, in words, for the printed table. */
  label: string
  runs: number
  min: number
  median: number
  p95: number
  max: number
  samples: number[]
  /** The figure the median is compared with (null: none yet); every row carries both fields. */
  baseline: number | null
  ratio_to_baseline: number | null
  goal?: number
  /** p95 within the goal. */
  pass?: boolean
  /** Anything a reader needs next to the figures (sizes, a cut-short run). */
  note?: string
  /** desk_heap_growth_mb: the two readings and the scans between them. */
  heap_before_mb?: number
  heap_after_mb?: number
  scans?: number
}

const round = (n: number) => Math.round(n * 100) / 100

export function summarise(metric: string, label: string, samples: number[], unit = 'ms', target: MetricTarget = {}, note?: string): MetricResult {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = percentile(sorted, 50)
  const p95 = percentile(sorted, 95)
  const result: MetricResult = {
    metric,
    unit,
    label,
    runs: sorted.length,
    min: round(sorted[0] ?? NaN),
    median: round(median),
    p95: round(p95),
    max: round(sorted.at(-1) ?? NaN),
    samples: samples.map(round),
    baseline: target.baseline ?? null,
    ratio_to_baseline: target.baseline !== undefined ? round(median / target.baseline) : null,
  }
  if (target.goal !== undefined) {
    result.goal = target.goal
    // Goals are stated as "p95 < goal" (issue 9 §6): a p95 equal to the goal does not meet it.
    result.pass = p95 < target.goal
  }
  if (note) result.note = note
  return result
}

/** The printed table: one line per metric, goal and verdict where a goal applies. */
export function formatTable(rows: MetricResult[]): string {
  const head = ['metric', 'runs', 'min', 'median', 'p95', 'max', 'unit', 'goal (p95)', 'result', 'what']
  const cells = rows.map((r) => [
    r.metric,
    String(r.runs),
    r.min.toFixed(1),
    r.median.toFixed(1),
    r.p95.toFixed(1),
    r.max.toFixed(1),
    r.unit,
    r.goal === undefined ? '' : `< ${r.goal}`,
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
    r.note ? `${r.label} (${r.note})` : r.label,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) => c.map((x, i) => (i === 0 || i === c.length - 1 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ').trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/** bench/results.json: the metrics as issue 9 names them, without the printed label. */
export function resultsJson(rows: MetricResult[]): string {
  return `${JSON.stringify(rows.map(({ label: _label, ...rest }) => rest), null, 2)}\n`
}
