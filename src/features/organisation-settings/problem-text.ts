import type { OrganisationSettingsProblem } from '@/core/organisation/settings-check'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** The words for a problem at `path` (`hours.3`, `holidays.0`, `agreement.en`, …), naming the field it concerns. */
export function problemText(t: Translate, p: { path: string; problem: OrganisationSettingsProblem }): string {
  const [area, key] = p.path.split('.')
  const field: Record<string, () => string> = {
    hours: () => t(`orgSettings.hours.days.${key}`),
    idleLockSeconds: () => t(`orgSettings.idle.${key}`),
    agreement: () => t(`orgSettings.agreement.${key === 'zh-CN' ? 'zh' : 'en'}`),
    memberPasswordDays: () => t('orgSettings.memberPassword.label'),
  }
  return t(`orgSettings.problems.${p.problem}`, { field: field[area!]?.() ?? '', n: Number(key) + 1 })
}

/** The indexes (weekday, holiday position) of the problems in one area, to mark those inputs invalid. */
export function invalidIn(problems: readonly { path: string }[], area: string): Set<number> {
  return new Set(problems.filter((p) => p.path.startsWith(`${area}.`)).map((p) => Number(p.path.split('.')[1])))
}
