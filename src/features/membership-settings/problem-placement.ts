/**
 * Where on the form each problem is shown. A problem's path names a field
 * (`tiers.1.prices.year`) or something bigger (`overrides.0`); it is shown at
 * the most specific place the form draws: a path the form has no field for
 * (`tiers.0.hours.2.from`) goes to the nearest drawn ancestor (the window row).
 */
import { terms } from '@/core/membership/types'
import type { SettingsDraft, SettingsProblem } from './settings-draft'

/** Every path the form shows problems at, for this draft ('' is the page itself). */
export function anchorsOf(d: SettingsDraft): Set<string> {
  const out = new Set(['', 'tiers', 'overrides', 'timeZone', 'pointsPerYuan', 'expiringWithinDays', 'cardGraceDays'])
  d.tiers.forEach((t, i) => {
    const at = `tiers.${i}`
    out.add(at)
    for (const field of ['name.zh-CN', 'name.en', 'deposit', 'serviceHoursPerMonth', 'cap', 'perks.zh-CN', 'perks.en', 'hours']) out.add(`${at}.${field}`)
    for (const term of terms) out.add(`${at}.prices.${term}`)
    t.hours.forEach((_, j) => out.add(`${at}.hours.${j}`))
  })
  d.overrides.forEach((o, i) => {
    const at = `overrides.${i}`
    out.add(at)
    for (const field of ['from', 'to', 'tiers', 'hours', 'note']) out.add(`${at}.${field}`)
    o.hours.forEach((_, j) => out.add(`${at}.hours.${j}`))
  })
  return out
}

/** The anchor a problem path is shown at. */
export function anchorFor(path: string, anchors: ReadonlySet<string>): string {
  const parts = path.split('.')
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.')
    if (anchors.has(candidate)) return candidate
  }
  return ''
}

/** Problems grouped by the anchor they are shown at; a problem repeated at one path is shown once. */
export function placeProblems(problems: readonly SettingsProblem[], anchors: ReadonlySet<string>): Map<string, SettingsProblem[]> {
  const placed = new Map<string, SettingsProblem[]>()
  const seen = new Set<string>()
  for (const p of problems) {
    const key = `${p.path}|${p.problem}`
    if (seen.has(key)) continue
    seen.add(key)
    const anchor = anchorFor(p.path, anchors)
    placed.set(anchor, [...(placed.get(anchor) ?? []), p])
  }
  return placed
}

/** The id of the element drawn for an anchor (the summary moves focus there). */
export function fieldId(anchor: string): string {
  return `ms-${anchor.replaceAll('.', '-') || 'page'}`
}
