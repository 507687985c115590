/** MEM-3 (issue 14): a member's own visits, one view per calendar year. */
import type { IdentifiedCheckIn } from '@/core/membership/visits'
import type { CheckOut } from '@/core/membership/types'
import { localDateOf } from '@/core/shared/local-date'
import type { SelfVisits } from './schemas'

type Visit = SelfVisits['visits'][number]

/**
 * The member's visits (`self-visits:<memberId>:<YYYY>`), one view per organisation-local year of the check-in,
 * newest year first and newest visit first. `out` is when the visit was checked out (the first check-out when two
 * tablets both closed it, as `duplicateCheckIns` reads it); `overridden` marks an admission over a refusal.
 * Only `memberId`'s check-ins and check-outs are read (CONF-11). Deterministic whatever order the records come in.
 */
export function visitsViews(memberId: string, checkIns: readonly IdentifiedCheckIn[], checkOuts: readonly CheckOut[], timeZone: string, now: number): SelfVisits[] {
  const outAt = new Map<string, number>()
  for (const c of checkOuts) if (c.memberId === memberId) outAt.set(c.checkInId, Math.min(c.at, outAt.get(c.checkInId) ?? Infinity))

  const own = checkIns
    .filter((c) => c.record.memberId === memberId)
    .sort((a, b) => b.record.at - a.record.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  const years = new Map<string, Visit[]>()
  for (const { id, record } of own) {
    const year = localDateOf(record.at, timeZone).slice(0, 4)
    const out = outAt.get(id)
    const visit: Visit = { at: record.at, ...(out !== undefined ? { out } : {}), ...(record.override ? { overridden: true } : {}) }
    const list = years.get(year)
    if (list) list.push(visit)
    else years.set(year, [visit])
  }
  // Visits are newest first, so the years arrive newest first too.
  return [...years].map(([year, visits]) => ({ memberId, year, visits, foldedAt: now }))
}
