import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDateTime, formatTime } from '@/core/shared/instant-format'
import { localDateOf } from '@/core/shared/local-date'
import type { Locale } from '@/core/shared/locale'
import { formatFen } from '@/core/shared/money'
import type { Fen, LocalDate } from '@/core/shared/units'
import { formatLocalDate } from '@/features/members/format'
import { useSelfServiceStore } from './self-service.store'

const monthFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * How the member's pages write money, days and times: fen as yuan with two decimals (as the counter shows
 * them), calendar days as they are, instants in the organisation's zone (issue 10), never the phone's: the store's
 * zone, which the member app sets from the organisation's public settings, so "today" (BB-13's effective day) is
 * the organisation's too.
 */
export function useSelfFormat() {
  const { t, locale } = useI18n()
  const self = useSelfServiceStore()
  const lang = computed(() => locale.value as Locale)
  const timeZone = computed(() => self.timeZone)
  function month(ym: string): string {
    const [y, m] = ym.split('-').map(Number)
    if (!y || !m) return ym
    let f = monthFormats.get(lang.value)
    if (!f) monthFormats.set(lang.value, (f = new Intl.DateTimeFormat(lang.value, { year: 'numeric', month: 'long', timeZone: 'UTC' })))
    return f.format(Date.UTC(y, m - 1, 1))
  }
  return {
    lang,
    /** A balance in words: owed, in credit or settled (never a colour or a minus sign alone). */
    balance: (fen: Fen) =>
      fen > 0 ? t('selfService.home.due.owed', { amount: formatFen(fen, lang.value) }) : fen < 0 ? t('selfService.home.due.credit', { amount: formatFen(-fen, lang.value) }) : t('selfService.home.due.settled'),
    timeZone,
    money: (fen: Fen) => formatFen(fen, lang.value),
    day: (date: LocalDate | undefined) => formatLocalDate(date, lang.value),
    month,
    /** The organisation's day an instant falls on. */
    dayOf: (at: number) => formatLocalDate(localDateOf(at, timeZone.value), lang.value),
    time: (at: number) => formatTime(at, timeZone.value, lang.value),
    dateTime: (at: number) => formatDateTime(at, timeZone.value, lang.value),
    /** The same organisation day as `other`? (a check-out shows its time alone then). */
    sameDay: (a: number, b: number) => localDateOf(a, timeZone.value) === localDateOf(b, timeZone.value),
  }
}
