/**
 * Writes the generated memberships through the app's own desk repositories
 * (sealed in the `desk` realm, an audit entry for each write), on the device
 * of the user who does it at the desk, syncing after every batch as the
 * people are.
 */
import type { LedgerEntry } from '@/core/membership/types'
import type { DemoMembership } from './members'
import type { SignedIn } from './organisation'

/** Members (with their ledger entries and service hours) or visits per sync round. */
const batchSize = 250

async function inBatches(user: SignedIn, total: number, write: (from: number, to: number) => Promise<void>, done: (count: number) => string, out: (line: string) => void) {
  const engine = user.device.engine(user.session)
  try {
    for (let i = 0; i < total; i += batchSize) {
      const to = Math.min(i + batchSize, total)
      await write(i, to)
      await user.device.sync(user.session, engine)
      out(done(to))
    }
  } finally {
    await engine.close()
  }
}

/**
 * MEM-1, MEM-6, MEM-7, MEM-5, MEM-4: the front-desk user enrols each member
 * (member record, then the fees and deposits taken, in the order taken) and
 * logs the VIPs' service hours; then the VIP waiting list. Returns the ids of
 * the member records, in the order of `plan.members`.
 */
export async function enrolMembers(desk: SignedIn, plan: DemoMembership, out: (line: string) => void): Promise<string[]> {
  const records = desk.device.storage.desk
  const ledger = plan.members.map((): typeof plan.ledger => [])
  for (const e of plan.ledger) ledger[e.member]!.push(e)
  const logs = plan.members.map((): typeof plan.serviceLogs => [])
  for (const l of plan.serviceLogs) logs[l.member]!.push(l)
  const ids: string[] = []
  let entries = 0
  await inBatches(
    desk,
    plan.members.length,
    async (from, to) => {
      for (let m = from; m < to; m++) {
        const memberId = await records.members.put(plan.members[m]!)
        ids.push(memberId)
        for (const { member: _member, ...e } of ledger[m]!) await records.ledger.add({ ...e, memberId } as LedgerEntry)
        for (const { member: _member, ...l } of logs[m]!) await records.serviceLogs.add({ ...l, memberId })
        entries += ledger[m]!.length
      }
      if (to === plan.members.length) for (const w of plan.waitlist) await records.waitlist.put(w)
    },
    (count) => `  members: ${count}/${plan.members.length} enrolled by ${desk.spec.username} (${entries} ledger entries so far) and synced`,
    out,
  )
  return ids
}

/** MEM-9: the manager blacklists, from their own device (the server takes blacklisting from managers only). */
export async function blacklistMembers(manager: SignedIn, plan: DemoMembership, memberIds: string[], out: (line: string) => void): Promise<void> {
  for (const { member, ...event } of plan.blacklist) await manager.device.storage.desk.blacklist.add({ ...event, memberId: memberIds[member]! })
  await manager.device.sync(manager.session)
  out(`  ${manager.spec.username}: blacklisted ${plan.blacklist.length} member(s) and synced`)
}

/** MEM-3: each visit is a check-in and, once the member left, a check-out naming it, at the desk's tablet. */
export async function recordVisits(desk: SignedIn, plan: DemoMembership, memberIds: string[], out: (line: string) => void): Promise<void> {
  const records = desk.device.storage.desk
  await inBatches(
    desk,
    plan.visits.length,
    async (from, to) => {
      for (const visit of plan.visits.slice(from, to)) {
        const memberId = memberIds[visit.member]!
        const checkInId = await records.checkIns.add({ ...visit.checkIn, memberId })
        if (visit.checkOut) await records.checkOuts.add({ ...visit.checkOut, checkInId, memberId })
      }
    },
    (count) => `  visits: ${count}/${plan.visits.length} checked in (and out) by ${desk.spec.username} and synced`,
    out,
  )
}
