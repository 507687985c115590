/**
 * A record body as stored inside an envelope: its fields plus, per field, the
 * HLC (formatted, so string order is time order) of the last change.
 */
export interface Clocked {
  fields: Record<string, unknown>
  clocks: Record<string, string>
}

/**
 * Merges concurrent versions of one record field by field: for each field the
 * version with the latest clock wins (the device id inside the clock breaks
 * ties), so no field change is lost and every device computes the same
 * result whatever order the versions arrive in. A deleted field is a field
 * whose value is `null` with a newer clock.
 */
export function mergeFields(versions: readonly Clocked[]): Clocked {
  const fields: Record<string, unknown> = {}
  const clocks: Record<string, string> = {}
  for (const v of versions) {
    for (const [name, clock] of Object.entries(v.clocks)) {
      const current = clocks[name]
      if (current === undefined || clock > current || (clock === current && stable(v.fields[name]) > stable(fields[name]))) {
        clocks[name] = clock
        fields[name] = v.fields[name]
      }
    }
  }
  return { fields, clocks }
}

// Equal clocks mean the same event seen twice; if values still differ (a bug elsewhere), pick one deterministically.
function stable(v: unknown): string {
  return JSON.stringify(v) ?? ''
}

/** Field clocks for a new version: fields that changed since `before` get `now`, the rest keep their clock. */
export function stampChanges(before: Clocked | undefined, after: Record<string, unknown>, now: string): Clocked {
  const clocks: Record<string, string> = {}
  const names = new Set([...Object.keys(after), ...Object.keys(before?.fields ?? {})])
  const fields: Record<string, unknown> = {}
  for (const name of names) {
    const value = name in after ? after[name] : null
    fields[name] = value
    const old = before?.clocks[name]
    clocks[name] = old !== undefined && stable(before?.fields[name]) === stable(value) ? old : now
  }
  return { fields, clocks }
}
