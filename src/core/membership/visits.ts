/**
 * MEM-3: visits from check-in and check-out events. A check-out is its own
 * event naming the check-in it closes, so two tablets never conflict over a
 * visit; what is open is derived here.
 */
import type { CheckIn, CheckOut } from './types'

/** A check-in with the id of its stored record (what a check-out names). */
export interface IdentifiedCheckIn {
  id: string
  record: CheckIn
}

/** Check-ins never checked out, oldest first. */
function openCheckIns(checkIns: IdentifiedCheckIn[], checkOuts: CheckOut[]): IdentifiedCheckIn[] {
  const closed = new Set(checkOuts.map((c) => c.checkInId))
  return checkIns.filter((c) => !closed.has(c.id)).sort((a, b) => a.record.at - b.record.at)
}

/**
 * Every open check-in of `memberId`, oldest first. Usually one; more after two
 * offline tablets admitted the same member (see `duplicateCheckIns`), and a
 * check-out should then close them all.
 */
export function openCheckInsOf(checkIns: IdentifiedCheckIn[], checkOuts: CheckOut[], memberId: string): IdentifiedCheckIn[] {
  return openCheckIns(checkIns, checkOuts).filter((c) => c.record.memberId === memberId)
}

/** MEM-3: the member's latest check-in without a check-out: the visit in progress, if any. */
export function openCheckInOf(checkIns: IdentifiedCheckIn[], checkOuts: CheckOut[], memberId: string): IdentifiedCheckIn | undefined {
  return openCheckInsOf(checkIns, checkOuts, memberId).at(-1)
}

/** Who is in now: one open check-in per member (their latest), in order of arrival. */
export function whoIsIn(checkIns: IdentifiedCheckIn[], checkOuts: CheckOut[]): IdentifiedCheckIn[] {
  const latest = new Map<string, IdentifiedCheckIn>()
  for (const c of openCheckIns(checkIns, checkOuts)) latest.set(c.record.memberId, c)
  return [...latest.values()].sort((a, b) => a.record.at - b.record.at)
}

/**
 * Check-ins to review after a sync: two or more of one member that were open
 * at the same time — a later one made before the earlier one was checked out,
 * typically the same card shown on two offline tablets. They are flagged for
 * staff to review, never dropped (each is a record of what a desk did).
 * A check-out at the very instant of the next check-in does not overlap it.
 */
export function duplicateCheckIns(checkIns: IdentifiedCheckIn[], checkOuts: CheckOut[]): { memberId: string; ids: string[] }[] {
  // If two tablets both checked a visit out, it ended at the first check-out.
  const outAt = new Map<string, number>()
  for (const c of checkOuts) outAt.set(c.checkInId, Math.min(c.at, outAt.get(c.checkInId) ?? Infinity))

  const byMember = new Map<string, IdentifiedCheckIn[]>()
  for (const c of [...checkIns].sort((a, b) => a.record.at - b.record.at)) {
    const list = byMember.get(c.record.memberId) ?? []
    list.push(c)
    byMember.set(c.record.memberId, list)
  }

  const groups: { memberId: string; ids: string[] }[] = []
  for (const [memberId, visits] of byMember) {
    // Sweep by check-in time: a visit that starts before the group's latest end joins the group.
    let ids: string[] = []
    let groupEnd = -Infinity
    for (const v of visits) {
      const end = outAt.get(v.id) ?? Infinity
      if (v.record.at < groupEnd) {
        ids.push(v.id)
        groupEnd = Math.max(groupEnd, end)
      } else {
        if (ids.length > 1) groups.push({ memberId, ids })
        ids = [v.id]
        groupEnd = end
      }
    }
    if (ids.length > 1) groups.push({ memberId, ids })
  }
  return groups
}
