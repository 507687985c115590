/** REC-6: the earlier days the desk reads (day slices, never the realm) to close and show forgotten visits. */
import { addDaysTo } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { closingTimeOf, type BuildingClock } from './closing-time'

/** The `n` days before `today`, oldest first: the day slices read for visits left open. */
export function sweepDays(today: LocalDate, n: number): LocalDate[] {
  return Array.from({ length: n }, (_, i) => addDaysTo(today, i - n))
}

/**
 * The days whose automatic check-outs the desk is shown as "closed last night": back from yesterday to the
 * last day the building opened (over a closed Sunday or a holiday), never further than `n` days.
 */
export function lastNightDays(today: LocalDate, org: BuildingClock, n: number): LocalDate[] {
  const out: LocalDate[] = []
  for (let i = 1; i <= n; i++) {
    const day = addDaysTo(today, -i)
    out.unshift(day)
    if (closingTimeOf(day, org) !== undefined) break
  }
  return out
}
