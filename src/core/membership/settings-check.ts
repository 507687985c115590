/**
 * MEM-1/MEM-2: what is wrong with membership settings a manager is about to
 * save. Rules trust settings that pass this check (a malformed `HH:MM` would
 * otherwise surface as a thrown error at the check-in desk).
 */
import { isLocalDate, isLocalTime, minutesOf } from '@/core/shared/local-date'
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import { moneyCeilings } from './money-ceilings'
import type { MembershipSettings, Tier } from './types'
import { terms } from './types'

export type SettingsProblemKind =
  | 'price-invalid'
  | 'price-too-high'
  | 'deposit-invalid'
  | 'deposit-too-high'
  | 'name-too-long'
  | 'perks-too-long'
  | 'note-too-long'
  | 'hours-invalid'
  | 'window-invalid'
  | 'cap-invalid'
  | 'override-dates-invalid'
  | 'override-hours-invalid'
  | 'tier-id-duplicate'
  | 'name-required'
  | 'no-tiers'
  | 'timezone-invalid'
  | 'points-invalid'
  | 'days-invalid'

/** One problem, at the dotted path of the field the form should highlight (`tiers.1.prices.year`). */
export interface SettingsProblem {
  path: string
  problem: SettingsProblemKind
}

const isWholeFen = (n: number): boolean => Number.isSafeInteger(n) && n >= 0

/** `from` and `to` are `HH:MM` and the window opens before it closes (no window spans midnight). */
function isValidWindow(w: { from: string; to: string }): boolean {
  return isLocalTime(w.from) && isLocalTime(w.to) && minutesOf(w.from) < minutesOf(w.to)
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return tz !== ''
  } catch {
    return false
  }
}

function tierProblems(tier: Tier, at: string): SettingsProblem[] {
  const problems: SettingsProblem[] = []
  for (const lang of ['zh-CN', 'en'] as const) {
    if (tier.name[lang].trim() === '') problems.push({ path: `${at}.name.${lang}`, problem: 'name-required' })
    else if (!withinLimit(tier.name[lang], textLimits.label)) problems.push({ path: `${at}.name.${lang}`, problem: 'name-too-long' })
  }
  for (const term of terms) {
    const price = tier.prices[term]
    if (!isWholeFen(price)) problems.push({ path: `${at}.prices.${term}`, problem: 'price-invalid' })
    else if (price > moneyCeilings.price) problems.push({ path: `${at}.prices.${term}`, problem: 'price-too-high' })
  }
  if (!isWholeFen(tier.deposit)) problems.push({ path: `${at}.deposit`, problem: 'deposit-invalid' })
  else if (tier.deposit > moneyCeilings.deposit) problems.push({ path: `${at}.deposit`, problem: 'deposit-too-high' })
  // Service hours may be fractional (half an hour of tidying counts) but never negative.
  if (!Number.isFinite(tier.serviceHoursPerMonth) || tier.serviceHoursPerMonth < 0)
    problems.push({ path: `${at}.serviceHoursPerMonth`, problem: 'hours-invalid' })
  if (tier.cap !== undefined && !(Number.isSafeInteger(tier.cap) && tier.cap >= 1)) problems.push({ path: `${at}.cap`, problem: 'cap-invalid' })
  for (const lang of ['zh-CN', 'en'] as const)
    if (!withinLimit(tier.perks[lang], textLimits.notes)) problems.push({ path: `${at}.perks.${lang}`, problem: 'perks-too-long' })
  tier.hours.forEach((w, i) => {
    if (!(Number.isInteger(w.weekday) && w.weekday >= 1 && w.weekday <= 7 && isValidWindow(w)))
      problems.push({ path: `${at}.hours.${i}`, problem: 'window-invalid' })
  })
  return problems
}

/**
 * Every problem of `s`, in form order; `[]` when it can be saved.
 * `hours-invalid` is about a tier's service hours (MEM-5), `window-invalid`
 * about one of its weekly opening windows (MEM-2).
 */
export function checkSettings(s: MembershipSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = []
  if (s.tiers.length === 0) problems.push({ path: 'tiers', problem: 'no-tiers' })
  const seen = new Set<string>()
  s.tiers.forEach((tier, i) => {
    if (seen.has(tier.id)) problems.push({ path: `tiers.${i}.id`, problem: 'tier-id-duplicate' })
    seen.add(tier.id)
    problems.push(...tierProblems(tier, `tiers.${i}`))
  })
  s.overrides.forEach((o, i) => {
    if (!(isLocalDate(o.from) && isLocalDate(o.to) && o.from <= o.to)) problems.push({ path: `overrides.${i}`, problem: 'override-dates-invalid' })
    if (!withinLimit(o.note, textLimits.notes)) problems.push({ path: `overrides.${i}.note`, problem: 'note-too-long' })
    if (o.closed) return
    if (!o.hours || o.hours.length === 0) problems.push({ path: `overrides.${i}.hours`, problem: 'override-hours-invalid' })
    o.hours?.forEach((w, j) => {
      if (!isValidWindow(w)) problems.push({ path: `overrides.${i}.hours.${j}`, problem: 'override-hours-invalid' })
    })
  })
  if (!isTimeZone(s.timeZone)) problems.push({ path: 'timeZone', problem: 'timezone-invalid' })
  // Whole points per yuan keep every balance a whole number of points.
  if (!(Number.isSafeInteger(s.pointsPerYuan) && s.pointsPerYuan >= 0)) problems.push({ path: 'pointsPerYuan', problem: 'points-invalid' })
  // MEM-7: how many days ahead the desk's "ending soon" list looks; 0 = only those ending today.
  if (!(Number.isSafeInteger(s.expiringWithinDays) && s.expiringWithinDays >= 0))
    problems.push({ path: 'expiringWithinDays', problem: 'days-invalid' })
  // MEM-8: days a card of a replaced card key is still admitted; 0 = refused at once. Absent in settings saved before it.
  if (s.cardGraceDays !== undefined && !(Number.isSafeInteger(s.cardGraceDays) && s.cardGraceDays >= 0))
    problems.push({ path: 'cardGraceDays', problem: 'days-invalid' })
  return problems
}
