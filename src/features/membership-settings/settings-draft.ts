/**
 * What the settings form edits: the stored settings with every number as the
 * text the manager typed, so "12.345" stays on screen, next to its problem,
 * instead of being rounded or dropped. `fromDraft` turns it back into settings
 * and lists what could not be read, at the same paths `checkSettings` uses.
 */
import { defaultCardGraceDays } from '@/core/membership/card-epoch'
import type { Bilingual, CalendarOverride, MembershipSettings, OpeningWindow, Term, Tier } from '@/core/membership/types'
import { terms } from '@/core/membership/types'
import { checkSettings } from '@/core/membership/settings-check'
import { fenToYuanText, parseYuan } from '@/core/shared/money'

export interface SettingsProblem {
  path: string
  problem: string
}

export interface TimeWindowDraft {
  from: string
  to: string
}

export interface WeeklyWindowDraft extends TimeWindowDraft {
  weekday: OpeningWindow['weekday']
}

export interface TierDraft {
  id: string
  name: Bilingual
  prices: Record<Term, string>
  deposit: string
  serviceHoursPerMonth: string
  /** Empty: no cap. */
  cap: string
  perks: Bilingual
  hours: WeeklyWindowDraft[]
  rank: number
}

export interface OverrideDraft {
  id: string
  from: string
  to: string
  allTiers: boolean
  tiers: string[]
  closed: boolean
  /** Kept while "closed" is ticked, so switching back does not lose them. */
  hours: TimeWindowDraft[]
  note: string
}

export interface SettingsDraft {
  tiers: TierDraft[]
  overrides: OverrideDraft[]
  timeZone: string
  pointsPerYuan: string
  expiringWithinDays: string
  cardGraceDays: string
}

const numberPattern = /^\d+(\.\d+)?$/

function tierDraft(t: Tier): TierDraft {
  return {
    id: t.id,
    name: { ...t.name },
    prices: Object.fromEntries(terms.map((term) => [term, fenToYuanText(t.prices[term])])) as Record<Term, string>,
    deposit: fenToYuanText(t.deposit),
    serviceHoursPerMonth: String(t.serviceHoursPerMonth),
    cap: t.cap === undefined ? '' : String(t.cap),
    perks: { ...t.perks },
    hours: t.hours.map((w) => ({ ...w })),
    rank: t.rank,
  }
}

function overrideDraft(o: CalendarOverride): OverrideDraft {
  return {
    id: o.id,
    from: o.from,
    to: o.to,
    allTiers: o.tiers === undefined,
    tiers: [...(o.tiers ?? [])],
    closed: o.closed,
    hours: (o.hours ?? []).map((w) => ({ ...w })),
    note: o.note,
  }
}

export function toDraft(s: MembershipSettings): SettingsDraft {
  return {
    tiers: s.tiers.map(tierDraft),
    overrides: s.overrides.map(overrideDraft),
    timeZone: s.timeZone,
    pointsPerYuan: String(s.pointsPerYuan),
    expiringWithinDays: String(s.expiringWithinDays),
    cardGraceDays: String(s.cardGraceDays ?? defaultCardGraceDays),
  }
}

/** Reads the draft back; a field that cannot be read gets a problem and a placeholder 0 (the save is refused anyway). */
export function fromDraft(d: SettingsDraft): { settings: MembershipSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = []

  const money = (text: string, path: string): number => {
    const trimmed = text.trim()
    if (trimmed === '') return (problems.push({ path, problem: 'required' }), 0)
    const fen = parseYuan(trimmed)
    if (fen !== undefined) return fen
    problems.push({ path, problem: /^[-−]/.test(trimmed) ? 'money-negative' : 'money-format' })
    return 0
  }
  const count = (text: string, path: string, optional = false): number | undefined => {
    const trimmed = text.normalize('NFKC').trim()
    if (trimmed === '') return optional ? undefined : (problems.push({ path, problem: 'required' }), 0)
    if (numberPattern.test(trimmed)) return Number(trimmed)
    problems.push({ path, problem: /^[-−]/.test(trimmed) ? 'number-negative' : 'number-format' })
    return 0
  }
  const tierIds = new Set(d.tiers.map((t) => t.id))

  const tiers = d.tiers.map((t, i): Tier => {
    const at = `tiers.${i}`
    const tier: Tier = {
      id: t.id,
      name: { 'zh-CN': t.name['zh-CN'].trim(), en: t.name.en.trim() },
      prices: Object.fromEntries(terms.map((term) => [term, money(t.prices[term], `${at}.prices.${term}`)])) as Record<Term, number>,
      deposit: money(t.deposit, `${at}.deposit`),
      serviceHoursPerMonth: count(t.serviceHoursPerMonth, `${at}.serviceHoursPerMonth`) ?? 0,
      perks: { 'zh-CN': t.perks['zh-CN'].trim(), en: t.perks.en.trim() },
      hours: t.hours.map((w) => ({ ...w })),
      rank: t.rank,
    }
    const cap = count(t.cap, `${at}.cap`, true)
    if (cap !== undefined) tier.cap = cap
    return tier
  })

  const overrides = d.overrides.map((o, i): CalendarOverride => {
    const override: CalendarOverride = { id: o.id, from: o.from, to: o.to, closed: o.closed, note: o.note.trim() }
    if (!o.allTiers) {
      override.tiers = o.tiers.filter((id) => tierIds.has(id))
      if (override.tiers.length === 0) problems.push({ path: `overrides.${i}.tiers`, problem: 'override-no-tiers' })
    }
    if (!o.closed) override.hours = o.hours.map((w) => ({ ...w }))
    return override
  })

  const settings: MembershipSettings = {
    tiers,
    overrides,
    timeZone: d.timeZone,
    pointsPerYuan: count(d.pointsPerYuan, 'pointsPerYuan') ?? 0,
    expiringWithinDays: count(d.expiringWithinDays, 'expiringWithinDays') ?? 0,
    cardGraceDays: count(d.cardGraceDays, 'cardGraceDays') ?? 0,
  }
  return { settings, problems }
}

/** Everything wrong with a draft: what could not be read, then what `checkSettings` finds in the rest. */
export function draftProblems(draft: SettingsDraft): { settings: MembershipSettings; problems: SettingsProblem[] } {
  const { settings, problems } = fromDraft(draft)
  // A field that could not be read holds a placeholder: the check's verdict on it would only repeat the problem.
  const unread = new Set(problems.map((p) => p.path))
  const checked = checkSettings(settings).filter((p) => !unread.has(p.path))
  return { settings, problems: [...problems, ...checked] }
}

/** Problems no further typing can fix: named while the manager types, before any save. */
const shownWhileTyping = new Set(['price-too-high', 'deposit-too-high', 'name-too-long', 'perks-too-long', 'note-too-long', 'money-negative'])

/**
 * What the form names while the draft is still being typed: an amount over its ceiling, a text over
 * its maximum. The rest ("960." is not an amount yet, an empty name) waits for a save.
 */
export function problemsWhileTyping(draft: SettingsDraft): SettingsProblem[] {
  return draftProblems(draft).problems.filter((p) => shownWhileTyping.has(p.problem))
}

/** A new tier ranked above the others; prices left empty so nothing is charged by accident. */
export function newTierDraft(id: string, existing: readonly TierDraft[]): TierDraft {
  return {
    id,
    name: { 'zh-CN': '', en: '' },
    prices: { month: '', halfYear: '', year: '' },
    deposit: '0.00',
    serviceHoursPerMonth: '0',
    cap: '',
    perks: { 'zh-CN': '', en: '' },
    hours: [],
    rank: Math.max(0, ...existing.map((t) => t.rank)) + 1,
  }
}

export function newOverrideDraft(id: string): OverrideDraft {
  return { id, from: '', to: '', allTiers: true, tiers: [], closed: true, hours: [], note: '' }
}

/** Removes a tier and every override's mention of it (an override naming only it then asks for a tier). */
export function withoutTier(d: SettingsDraft, tierId: string): SettingsDraft {
  return {
    ...d,
    tiers: d.tiers.filter((t) => t.id !== tierId),
    overrides: d.overrides.map((o) => ({ ...o, tiers: o.tiers.filter((id) => id !== tierId) })),
  }
}
