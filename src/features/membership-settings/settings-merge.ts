/**
 * Saving without losing another manager's work. The form was opened on
 * `base`; since then another device may have saved `latest`. Only the
 * top-level parts this form changed (tiers, overrides, points, …) are written
 * over `latest`, so a calendar entry added elsewhere survives a price change
 * made here. A part changed on both sides, differently, is a conflict the
 * manager decides.
 */
import type { MembershipSettings } from '@/core/membership/types'

type Part = keyof MembershipSettings

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The parts of `mine` that differ from `base`. */
export function changedParts(base: MembershipSettings, mine: MembershipSettings): Part[] {
  const parts = new Set([...Object.keys(base), ...Object.keys(mine)] as Part[])
  return [...parts].filter((p) => !same(base[p], mine[p]))
}

export type MergeResult = { ok: true; settings: MembershipSettings } | { ok: false; conflicts: Part[] }

/**
 * What to store: `latest` (or `base` when nothing is stored yet) with this form's changed parts.
 * `overwrite` lets the manager keep their own version of conflicting parts.
 */
export function mergeForSave(base: MembershipSettings, mine: MembershipSettings, latest: MembershipSettings | undefined, overwrite = false): MergeResult {
  if (!latest) return { ok: true, settings: mine }
  const changed = changedParts(base, mine)
  const conflicts = changed.filter((p) => !same(latest[p], base[p]) && !same(latest[p], mine[p]))
  if (conflicts.length && !overwrite) return { ok: false, conflicts }
  const settings = { ...latest }
  for (const p of changed) Object.assign(settings, { [p]: mine[p] })
  return { ok: true, settings }
}
