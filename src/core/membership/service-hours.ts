/** MEM-5: a VIP's service contribution for a month, and what is still owed. */
import type { ServiceLog } from './types'

/**
 * MEM-5: hours `memberId` logged in `month` (`YYYY-MM`, by the logs' dates)
 * against `owed` (the tier's `serviceHoursPerMonth`). Extra hours do not carry
 * over to another month: the shortfall is never negative.
 */
export function serviceShortfall(logs: ServiceLog[], memberId: string, month: string, owed: number): { logged: number; owed: number; shortfall: number } {
  const total = logs.filter((l) => l.memberId === memberId && l.date.startsWith(`${month}-`)).reduce((sum, l) => sum + l.hours, 0)
  // Hours are logged in fractions (1.5, 0.25); rounding to 1/100 hides float noise such as 0.1 + 0.2.
  const logged = Math.round(total * 100) / 100
  return { logged, owed, shortfall: Math.max(0, Math.round((owed - logged) * 100) / 100) }
}

/** MEM-5: hours logged for one day are more than nothing, at most a day, in quarter hours. */
export function validServiceHours(hours: number): boolean {
  return Number.isFinite(hours) && hours > 0 && hours <= 24 && Number.isInteger(hours * 4)
}
