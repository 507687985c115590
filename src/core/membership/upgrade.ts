/** Upgrades (MEM-1 ranks): what the unused part of the current term is worth. */
import { daysBetween } from '@/core/shared/local-date'
import type { Fen, FeeEntry, LocalDate } from './types'

/**
 * The credit for upgrading on `today` from the member's current fee, as shown
 * to the desk before it confirms: the part of what was actually PAID for that
 * fee (`amount`, after any earlier credit — never the listed price) that
 * corresponds to the days not yet used, pro rata by days and rounded DOWN to
 * the fen. The upgrade starts today, so today counts as unused:
 *
 *   credit = floor(amount × remainingDays / totalDays)
 *   remainingDays = days from today (or the term's start, if later) to its end, inclusive
 *   totalDays = days from the term's start to its end, inclusive
 *
 * No fee, or a term already over, gives no credit.
 */
export function upgradeCredit(fee: FeeEntry | undefined, today: LocalDate): { credit: Fen; remainingDays: number; totalDays: number } {
  if (!fee) return { credit: 0, remainingDays: 0, totalDays: 0 }
  const totalDays = daysBetween(fee.start, fee.end) + 1
  const from = today > fee.start ? today : fee.start
  const remainingDays = Math.max(0, daysBetween(from, fee.end) + 1)
  return { credit: Math.floor((fee.amount * remainingDays) / totalDays), remainingDays, totalDays }
}
