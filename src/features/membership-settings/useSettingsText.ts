import { useI18n } from 'vue-i18n'
import { moneyCeilings } from '@/core/membership/money-ceilings'
import type { Locale } from '@/core/shared/locale'
import { formatFen } from '@/core/shared/money'
import { textLimits } from '@/core/shared/text-limits'
import { useMembershipSettingsStore } from './membership-settings.store'
import type { TierDraft } from './settings-draft'

const k = (key: string) => `membershipSettings.${key}`

// What the end of a tier's path names on the form, as a message key.
const tierFieldKeys: Record<string, string> = {
  'name.zh-CN': 'tiers.nameZh',
  'name.en': 'tiers.nameEn',
  'prices.month': 'tiers.terms.month',
  'prices.halfYear': 'tiers.terms.halfYear',
  'prices.year': 'tiers.terms.year',
  deposit: 'tiers.deposit',
  serviceHoursPerMonth: 'tiers.serviceHours',
  cap: 'tiers.cap',
  'perks.zh-CN': 'tiers.perksZh',
  'perks.en': 'tiers.perksEn',
  hours: 'hours.title',
}
const overrideFieldKeys: Record<string, string> = {
  from: 'calendar.from',
  to: 'calendar.to',
  tiers: 'calendar.appliesTo',
  hours: 'calendar.hoursTitle',
  note: 'calendar.note',
}
const generalKeys: Record<string, string> = {
  tiers: 'tiers.title',
  overrides: 'calendar.title',
  timeZone: 'general.timeZone',
  pointsPerYuan: 'general.pointsPerYuan',
  expiringWithinDays: 'general.expiringWithinDays',
  cardGraceDays: 'general.cardGraceDays',
}

/** The words of the settings form: problems in the user's language, and what each place on the form is called. */
export function useSettingsText() {
  const { t, te, locale } = useI18n()
  const store = useMembershipSettingsStore()

  // The limits a message names (a message that names none ignores them).
  const limits = () => ({
    price: formatFen(moneyCeilings.price, locale.value as Locale),
    deposit: formatFen(moneyCeilings.deposit, locale.value as Locale),
    label: textLimits.label,
    notes: textLimits.notes,
  })
  const problemText = (code: string): string => (te(k(`problems.${code}`)) ? t(k(`problems.${code}`), limits()) : t(k('problems.unknown'), { code }))
  const messagesAt = (anchor: string): string[] => (store.placed.get(anchor) ?? []).map((p) => problemText(p.problem))
  const tierName = (tier: TierDraft, index: number): string =>
    tier.name[locale.value as Locale].trim() || tier.name['zh-CN'].trim() || tier.name.en.trim() || t(k('tiers.unnamed'), { n: index + 1 })
  const weekdayName = (weekday: number): string => t(k(`weekdays.d${weekday}`))

  /** "VIP · Yearly price", "Calendar change 2 · From": where a problem is, for the summary. */
  function placeName(anchor: string): string {
    if (anchor === '') return t(k('title'))
    if (generalKeys[anchor]) return t(k(generalKeys[anchor]))
    const [kind, index, ...rest] = anchor.split('.')
    const i = Number(index)
    const field = rest.join('.')
    if (kind === 'tiers') {
      const tier = store.draft?.tiers[i]
      const name = tier ? tierName(tier, i) : t(k('tiers.unnamed'), { n: i + 1 })
      if (!field) return name
      const window = /^hours\.(\d+)$/.exec(field)
      return `${name} · ${window ? t(k('hours.window'), { n: Number(window[1]) + 1 }) : t(k(tierFieldKeys[field] ?? 'tiers.title'))}`
    }
    const name = t(k('calendar.item'), { n: i + 1 })
    if (!field) return name
    const window = /^hours\.(\d+)$/.exec(field)
    return `${name} · ${window ? t(k('hours.window'), { n: Number(window[1]) + 1 }) : t(k(overrideFieldKeys[field] ?? 'calendar.title'))}`
  }

  return { t, locale, problemText, messagesAt, tierName, weekdayName, placeName }
}
