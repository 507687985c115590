import { isLocalDate, isLocalTime, minutesOf } from '@/core/shared/local-date'
import { isIdleLockSeconds } from './idle-lock-in-force'
import { isTimeZone } from './time-zone'
import type { OrganisationSettings } from './types'

export type OrganisationSettingsProblem =
  | 'timezone-invalid'
  | 'hours-invalid'
  | 'holiday-date-invalid'
  | 'holiday-duplicate'
  | 'idle-lock-invalid'
  | 'agreement-required'
  | 'member-password-days-invalid'

/** The problems that keep organisation settings from being saved, each at the field it concerns; none: they may be saved. */
export function checkOrganisationSettings(s: OrganisationSettings): { path: string; problem: OrganisationSettingsProblem }[] {
  const problems: { path: string; problem: OrganisationSettingsProblem }[] = []
  if (!isTimeZone(s.timeZone)) problems.push({ path: 'timeZone', problem: 'timezone-invalid' })
  for (const [weekday, day] of Object.entries(s.hours)) {
    const valid = day && isLocalTime(day.opens) && isLocalTime(day.closes) && minutesOf(day.opens) < minutesOf(day.closes)
    if (!/^[1-7]$/.test(weekday) || !valid) problems.push({ path: `hours.${weekday}`, problem: 'hours-invalid' })
  }
  const seen = new Set<string>()
  s.holidays.forEach((h, i) => {
    if (!isLocalDate(h.date)) problems.push({ path: `holidays.${i}`, problem: 'holiday-date-invalid' })
    else if (seen.has(h.date)) problems.push({ path: `holidays.${i}`, problem: 'holiday-duplicate' })
    seen.add(h.date)
  })
  for (const kind of ['frontdesk', 'personal'] as const) {
    // CONF-7: a screen must lock; no sooner than 10 seconds, no later than an hour (the range a device's own choice keeps too).
    if (!isIdleLockSeconds(s.idleLockSeconds[kind])) problems.push({ path: `idleLockSeconds.${kind}`, problem: 'idle-lock-invalid' })
  }
  // BB-11: regularly, but not so often that members stop reading the reminder: a month to two years.
  const days = s.memberPasswordDays
  if (days !== undefined && !(Number.isSafeInteger(days) && days >= 30 && days <= 730)) problems.push({ path: 'memberPasswordDays', problem: 'member-password-days-invalid' })
  for (const lang of ['zh-CN', 'en'] as const)
    if (s.agreement[lang].trim() === '') problems.push({ path: `agreement.${lang}`, problem: 'agreement-required' })
  return problems
}
