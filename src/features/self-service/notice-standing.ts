import type { SelfNotice } from '@/core/self-service/schemas'
import type { LocalDate } from '@/core/shared/units'

/**
 * BB-13 on the member's phone: a change of terms may be objected to before the day it applies (the
 * organisation's today); once objected (folded by staff, or sent from this phone) it says so. A maintenance
 * notice (BB-8) is information only.
 */
export type NoticeStanding =
  | { state: 'information' }
  | { state: 'open'; effectiveOn: LocalDate }
  | { state: 'objected' }
  | { state: 'closed'; effectiveOn: LocalDate }

export function noticeStanding(notice: SelfNotice, today: LocalDate, sent: boolean): NoticeStanding {
  if (notice.kind !== 'terms' || !notice.effectiveOn) return { state: 'information' }
  if (notice.objected || sent) return { state: 'objected' }
  return today < notice.effectiveOn ? { state: 'open', effectiveOn: notice.effectiveOn } : { state: 'closed', effectiveOn: notice.effectiveOn }
}
