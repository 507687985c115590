/** BB-13 (and BB-8's channels): a change of terms, its notice period and where a subscriber stands on it. */
import type { NoticeChannel, Objection } from './types'
import type { LocalDate } from '@/core/shared/units'

/** BB-13: the new terms apply on a day after the notice is posted (the days between are the notice period). */
export function checkTermsNotice(postedOn: LocalDate, effectiveOn: LocalDate): { ok: true } | { ok: false; problem: 'effective-not-after-notice' } {
  return effectiveOn > postedOn ? { ok: true } : { ok: false, problem: 'effective-not-after-notice' }
}

/** BB-8, BB-13: a notice is given through at least one channel (web notice, SMS, group message). */
export function checkNoticeChannels(channels: readonly NoticeChannel[]): { ok: true } | { ok: false; problem: 'no-channel' } {
  return channels.length > 0 ? { ok: true } : { ok: false, problem: 'no-channel' }
}

export type TermsStanding = 'open' | 'accepted' | 'objected' | 'agreed' | 'ended'

/**
 * Where a subscriber stands on a change of terms on `today` (`objections`: theirs, to this notice). An agreement
 * ended over it is final. Otherwise only an objection raised before `effectiveOn` counts (the terms apply that
 * day; one first raised later is too late): the latest outcome recorded stands (recorded → objected, agreed).
 * With none: objecting is still possible before `effectiveOn` (open), and from that day the terms are accepted.
 */
export function termsStanding(notice: { effectiveOn: LocalDate }, objections: readonly Objection[], today: LocalDate): TermsStanding {
  if (objections.some((o) => o.outcome === 'ended')) return 'ended'
  if (!objections.some((o) => o.on < notice.effectiveOn)) return today < notice.effectiveOn ? 'open' : 'accepted'
  const latest = objections.reduce((last, o) => (o.at > last.at ? o : last))
  return latest.outcome === 'agreed' ? 'agreed' : 'objected'
}
