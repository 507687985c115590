/**
 * What the reception settings form edits (REC-2, REC-3, REC-7): the stored settings with the acknowledgement
 * minutes and each fine as the text the manager typed, so "8o" stays on screen next to its problem instead of
 * being dropped. `draftProblems` reads it back and lists everything wrong, at the paths `checkReceptionSettings`
 * uses: a draft with any problem is never saved, so nothing is half-saved.
 */
import { noPlace } from '@/core/reception/defaults'
import { checkReceptionSettings, type ReceptionSettingsProblem } from '@/core/reception/settings-check'
import { incidentKinds } from '@/core/reception/schemas'
import type { IncidentKind, LadderStep, ReceptionLevel, ReceptionPlace, ReceptionSettings, VisitorCategory } from '@/core/reception/types'
import { fenToYuanText, parseYuan } from '@/core/shared/money'

export type LadderAction = LadderStep['actions'][number]
/** REC-7: what a step of a ladder may do, in the order the form offers them. */
export const ladderActions = ['education', 'verbal-warning', 'written-warning', 'fine'] as const satisfies readonly LadderAction[]

/** `saved`: in the stored table. Old visits name a saved category by id, so removing one retires it instead. */
export type CategoryDraft = Omit<VisitorCategory, 'retired'> & { retired: boolean; saved: boolean }
/** `saved`: in the stored table; visits name a saved place by id, so it can be renamed, never removed. */
export type PlaceDraft = ReceptionPlace & { saved: boolean }
export interface StepDraft {
  actions: LadderAction[]
  /** Yuan, as typed. */
  fine: string
}

export interface ReceptionSettingsDraft {
  categories: CategoryDraft[]
  places: PlaceDraft[]
  ackMinutes: string
  ladders: Record<IncidentKind, StepDraft[]>
}

export function toDraft(s: ReceptionSettings): ReceptionSettingsDraft {
  return {
    categories: s.categories.map((c) => ({ ...c, name: { ...c.name }, retired: c.retired === true, saved: true })),
    places: s.places.map((p) => ({ ...p, name: { ...p.name }, saved: true })),
    ackMinutes: String(s.ackMinutes),
    ladders: {
      'improper-reception': s.ladders['improper-reception'].map(stepDraft),
      'no-badge': s.ladders['no-badge'].map(stepDraft),
    },
  }
}

function stepDraft(step: LadderStep): StepDraft {
  return { actions: [...step.actions], fine: fenToYuanText(step.fine) }
}

const trimmed = (name: { 'zh-CN': string; en: string }) => ({ 'zh-CN': name['zh-CN'].trim(), en: name.en.trim() })

/** Reads the draft back; a number that cannot be read gets a problem and a placeholder (the save is refused anyway). */
export function fromDraft(d: ReceptionSettingsDraft): { settings: ReceptionSettings; problems: ReceptionSettingsProblem[] } {
  const problems: ReceptionSettingsProblem[] = []
  const categories = d.categories.map(({ saved: _saved, retired, ...c }): VisitorCategory => ({ ...c, name: trimmed(c.name), ...(retired ? { retired } : {}) }))
  const places = d.places.map(({ saved: _saved, ...p }): ReceptionPlace => ({ ...p, name: trimmed(p.name) }))

  const minutesText = d.ackMinutes.normalize('NFKC').trim()
  if (!/^\d+$/.test(minutesText)) problems.push({ path: 'ackMinutes', problem: 'ack-minutes-invalid' })
  const ackMinutes = /^\d+$/.test(minutesText) ? Number(minutesText) : 0

  const ladder = (kind: IncidentKind): LadderStep[] =>
    d.ladders[kind].map((step, i) => {
      const fine = parseYuan(step.fine)
      if (fine === undefined) problems.push({ path: `ladders.${kind}.${i}.fine`, problem: 'fine-invalid' })
      // The actions in the order the regulation lists them, whatever order they were ticked in.
      return { actions: ladderActions.filter((a) => step.actions.includes(a)), fine: fine ?? 0 }
    })
  const ladders = Object.fromEntries(incidentKinds.map((k) => [k, ladder(k)])) as ReceptionSettings['ladders']
  return { settings: { categories, places, ackMinutes, ladders }, problems }
}

/** Everything wrong with a draft: what could not be read, then what `checkReceptionSettings` finds in the rest. */
export function draftProblems(d: ReceptionSettingsDraft): { settings: ReceptionSettings; problems: ReceptionSettingsProblem[] } {
  const { settings, problems } = fromDraft(d)
  // A field that could not be read holds a placeholder: the check's verdict on it would only repeat the problem.
  const unread = new Set(problems.map((p) => p.path))
  return { settings, problems: [...problems, ...checkReceptionSettings(settings).filter((p) => !unread.has(p.path))] }
}

/**
 * REC-2: a category's new level. A refused visitor goes nowhere (`noPlace`); a category received again takes the
 * first place, to be changed if need be. Any other place already chosen stays.
 */
export function withLevel(c: CategoryDraft, level: ReceptionLevel, places: readonly PlaceDraft[]): CategoryDraft {
  if (level === 'refuse') return { ...c, level, place: noPlace }
  return { ...c, level, place: c.place === noPlace ? (places[0]?.id ?? '') : c.place }
}

/** A new row: received normally at the given place, its names to be filled in. */
export function newCategoryDraft(id: string, place: string): CategoryDraft {
  return { id, name: { 'zh-CN': '', en: '' }, level: 'normal', place, hospitality: 'water', receivedBy: 'host-or-colleague', retired: false, saved: false }
}

export function newPlaceDraft(id: string): PlaceDraft {
  return { id, name: { 'zh-CN': '', en: '' }, restricted: false, saved: false }
}

export function newStepDraft(): StepDraft {
  return { actions: ['verbal-warning'], fine: '0.00' }
}

/**
 * REC-2: a saved category is retired, never dropped: visits keep its id, and the lists still show its name; the
 * register page no longer offers it (suggestion.ts). A category added in this draft is simply dropped.
 */
export function removeCategory(d: ReceptionSettingsDraft, id: string): ReceptionSettingsDraft {
  return {
    ...d,
    categories: d.categories.filter((c) => c.saved || c.id !== id).map((c) => (c.id === id ? { ...c, retired: true } : c)),
  }
}

/** Only a place added in this draft goes; a saved one stays (visits name it). A category left naming it is refused by the check. */
export function removePlace(d: ReceptionSettingsDraft, id: string): ReceptionSettingsDraft {
  return { ...d, places: d.places.filter((p) => p.saved || p.id !== id) }
}

/** For the audit entry (CONF-6): which parts of the settings a save changed, never what they hold. */
export function changedParts(before: ReceptionSettings, after: ReceptionSettings): (keyof ReceptionSettings)[] {
  const parts = ['categories', 'places', 'ackMinutes', 'ladders'] as const
  return parts.filter((part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]))
}
