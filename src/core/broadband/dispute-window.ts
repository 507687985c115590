import { sameDayMonthsLater } from '@/core/shared/calendar-month'
import type { LocalDate } from '@/core/shared/units'

/** BB-7: months after a charge within which the subscriber may dispute it. */
export const disputeMonths = 6

/**
 * BB-7: whether a charge made on `chargedOn` may still be disputed on `today`: up to and including the same
 * day six months later (or that month's last day). Afterwards the option is gone, and the screen says when it closed.
 */
export function disputeWindow(chargedOn: LocalDate, today: LocalDate): { open: true; lastDay: LocalDate } | { open: false; reason: 'window-closed'; closedAfter: LocalDate } {
  const lastDay = sameDayMonthsLater(chargedOn, disputeMonths)
  return today <= lastDay ? { open: true, lastDay } : { open: false, reason: 'window-closed', closedAfter: lastDay }
}
