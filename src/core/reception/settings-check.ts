/**
 * REC-2, REC-3, REC-7: what is wrong with reception settings a manager is about to save. The rules trust
 * settings that pass (a category naming no place would otherwise suggest a place nobody can find).
 */
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import type { Fen } from '@/core/shared/units'
import { noPlace } from './defaults'
import { incidentKinds } from './schemas'
import type { LadderStep, ReceptionSettings } from './types'

export type ReceptionSettingsProblemKind =
  | 'categories-required'
  | 'id-required'
  | 'id-duplicate'
  | 'id-reserved'
  | 'name-required'
  | 'name-too-long'
  | 'place-unknown'
  | 'refused-has-place'
  | 'ack-minutes-invalid'
  | 'ladder-empty'
  | 'actions-required'
  | 'fine-invalid'
  | 'fine-too-high'
  | 'fine-mismatch'

/** One problem, at the dotted path of the field the form should highlight (`categories.3.place`). */
export interface ReceptionSettingsProblem {
  path: string
  problem: ReceptionSettingsProblemKind
}

/**
 * The most one ladder step may fine, in fen: 10,000.00, two hundred times the regulation's largest fine. Not a
 * business limit: a guard against a slip of the keyboard (as money-ceilings.ts is for prices).
 */
export const fineCeiling: Fen = 10_000_00

/** REC-3: the longest a desk waits for a host's acknowledgement before chasing, in minutes. */
const maxAckMinutes = 120

type Named = { id: string; name: { 'zh-CN': string; en: string } }

function namedProblems(items: Named[], at: string, problems: ReceptionSettingsProblem[]): void {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (item.id.trim() === '') problems.push({ path: `${at}.${i}.id`, problem: 'id-required' })
    else if (seen.has(item.id)) problems.push({ path: `${at}.${i}.id`, problem: 'id-duplicate' })
    seen.add(item.id)
    for (const lang of ['zh-CN', 'en'] as const) {
      const name = item.name[lang]
      if (name.trim() === '') problems.push({ path: `${at}.${i}.name.${lang}`, problem: 'name-required' })
      else if (!withinLimit(name, textLimits.label)) problems.push({ path: `${at}.${i}.name.${lang}`, problem: 'name-too-long' })
    }
  })
}

function stepProblems(step: LadderStep, at: string): ReceptionSettingsProblem[] {
  if (step.actions.length === 0) return [{ path: `${at}.actions`, problem: 'actions-required' }]
  if (!Number.isSafeInteger(step.fine) || step.fine < 0) return [{ path: `${at}.fine`, problem: 'fine-invalid' }]
  if (step.fine > fineCeiling) return [{ path: `${at}.fine`, problem: 'fine-too-high' }]
  // A step that fines names the amount, and an amount is only due at a step that fines (罚款).
  if (step.actions.includes('fine') !== step.fine > 0) return [{ path: `${at}.fine`, problem: 'fine-mismatch' }]
  return []
}

/**
 * Every problem, in the order the form shows its fields: places, categories (each naming a place of the
 * table, or `noPlace` exactly when the category refuses), the acknowledgement minutes (whole, 1…120), and
 * each ladder (at least one step, each doing something, fines whole fen from 0 to `fineCeiling`).
 */
export function checkReceptionSettings(s: ReceptionSettings): ReceptionSettingsProblem[] {
  const problems: ReceptionSettingsProblem[] = []
  namedProblems(s.places, 'places', problems)
  s.places.forEach((p, i) => {
    if (p.id === noPlace) problems.push({ path: `places.${i}.id`, problem: 'id-reserved' })
  })

  if (s.categories.length === 0) problems.push({ path: 'categories', problem: 'categories-required' })
  namedProblems(s.categories, 'categories', problems)
  const placeIds = new Set(s.places.map((p) => p.id).filter((id) => id !== noPlace))
  s.categories.forEach((c, i) => {
    if (c.level === 'refuse' && c.place !== noPlace) problems.push({ path: `categories.${i}.place`, problem: 'refused-has-place' })
    else if (c.level !== 'refuse' && !placeIds.has(c.place)) problems.push({ path: `categories.${i}.place`, problem: 'place-unknown' })
  })

  if (!(Number.isInteger(s.ackMinutes) && s.ackMinutes >= 1 && s.ackMinutes <= maxAckMinutes)) problems.push({ path: 'ackMinutes', problem: 'ack-minutes-invalid' })

  for (const kind of incidentKinds) {
    const ladder = s.ladders[kind]
    if (ladder.length === 0) problems.push({ path: `ladders.${kind}`, problem: 'ladder-empty' })
    ladder.forEach((step, i) => problems.push(...stepProblems(step, `ladders.${kind}.${i}`)))
  }
  return problems
}
