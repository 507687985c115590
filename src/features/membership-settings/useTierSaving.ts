import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { savingAgainstMonthly } from '@/core/membership/pricing'
import type { Term } from '@/core/membership/types'
import type { Locale } from '@/core/shared/locale'
import { formatFen } from '@/core/shared/money'
import { useMembershipSettingsStore } from './membership-settings.store'
import { useSettingsText } from './useSettingsText'

/**
 * MEM-1: the real saving of each longer term of a tier against paying monthly, as typed (the
 * listed price is what is charged: yearly VIP 9,600.00 against 12 × 960.00 = 11,520.00 saves
 * 1,920.00). A term has no line while either of its prices cannot be read.
 */
export function useTierSaving(index: MaybeRefOrGetter<number>) {
  const store = useMembershipSettingsStore()
  const { t, locale } = useSettingsText()

  return computed(() => {
    const i = toValue(index)
    const checked = store.checked
    const tier = checked?.settings.tiers[i]
    const lines: Partial<Record<Term, string>> = {}
    if (!checked || !tier) return lines
    const unreadable = (term: Term) => checked.problems.some((p) => p.path === `tiers.${i}.prices.${term}`)
    if (unreadable('month')) return lines
    const money = (fen: number) => formatFen(fen, locale.value as Locale)
    for (const term of ['halfYear', 'year'] as const) {
      if (unreadable(term)) continue
      const s = savingAgainstMonthly(tier, term)
      const figures = { months: s.months, monthly: money(tier.prices.month), total: money(s.monthlyTotal), saving: money(Math.abs(s.saving)) }
      lines[term] = t(`membershipSettings.saving.${s.saving > 0 ? 'saves' : s.saving < 0 ? 'costsMore' : 'same'}`, figures)
    }
    return lines
  })
}
