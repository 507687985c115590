/** MEM-7: the desk's list of memberships ending soon. */
import { daysBetween } from '@/core/shared/local-date'
import type { LocalDate } from './types'
import type { MembershipState } from './membership-state'

/**
 * MEM-7: the active members whose membership ends within `days` days of
 * `today` (ending today counts, as does ending exactly `days` days later),
 * the soonest first. `days` is the setting `expiringWithinDays` (default 7).
 */
export function expiringSoon<T extends { memberId: string; state: Pick<MembershipState, 'status' | 'end'> }>(items: T[], today: LocalDate, days: number): T[] {
  const left = (item: T): number | undefined =>
    item.state.status === 'active' && item.state.end !== undefined ? daysBetween(today, item.state.end) : undefined
  return items
    .map((item) => ({ item, days: left(item) }))
    .filter((x): x is { item: T; days: number } => x.days !== undefined && x.days >= 0 && x.days <= days)
    .sort((a, b) => a.days - b.days)
    .map((x) => x.item)
}
