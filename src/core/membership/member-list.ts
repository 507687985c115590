import type { Fen } from '@/core/shared/units'
import { totalDepositsHeld } from './deposit-return'
import type { BlacklistEvent, LedgerEntry, Member, MembershipSettings } from './types'

/**
 * One line of the members list as this device keeps it (a sealed projection: docs/architecture.md "Reading a
 * slice"): the member, their own fees and blacklist events, and their person's masked name and phone (CONF-4).
 * Status, tier and points are worked out when the row is shown, from the fees and the day: a row folded last
 * month is still right today.
 */
export interface MemberListRow {
  member: Member
  ledger: LedgerEntry[]
  blacklist: BlacklistEvent[]
  name: string
  phone: string
}

/**
 * What the list's side panels need across every member, kept beside the rows so they open none of them:
 * deposits held (MEM-6), and for each tier with a cap (MEM-4) or monthly service hours (MEM-5), the members
 * who ever paid a fee in it (the panels then work out, from those rows alone, who holds a place today).
 */
export interface MemberListSummary {
  depositsHeld: Fen
  /** The tiers `holders` covers, as they were when it was last built. */
  tiers: string[]
  holders: Record<string, string[]>
}

/** The list's order: newest enrolment first, as a key that sorts as text (descending reads newest first). */
export const memberListOrder = (member: Pick<Member, 'createdAt'>): string => String(Math.max(0, Math.floor(member.createdAt))).padStart(15, '0')

/** Tiers whose members the summary must name: those with a cap or owing service hours. */
export function tiersToFollow(settings: Pick<MembershipSettings, 'tiers'>): string[] {
  return settings.tiers.filter((t) => t.cap !== undefined || (t.serviceHoursPerMonth ?? 0) > 0).map((t) => t.id)
}

/** Whether a summary built for `summary.tiers` still covers every tier the settings now follow. */
export const summaryCovers = (summary: MemberListSummary, settings: Pick<MembershipSettings, 'tiers'>): boolean =>
  tiersToFollow(settings).every((id) => summary.tiers.includes(id))

const paidTiers = (row: MemberListRow | undefined): Set<string> =>
  new Set((row?.ledger ?? []).flatMap((e) => (e.kind === 'fee' ? [e.tierId] : [])))

/** An empty summary following `tiers`. */
export const emptySummary = (tiers: string[]): MemberListSummary => ({ depositsHeld: 0, tiers, holders: Object.fromEntries(tiers.map((t) => [t, []])) })

/** The summary after one member's row went from `before` to `after` (either absent: added or removed). */
export function withRowChange(summary: MemberListSummary, memberId: string, before: MemberListRow | undefined, after: MemberListRow | undefined): MemberListSummary {
  const depositsHeld = summary.depositsHeld - totalDepositsHeld(before?.ledger ?? []) + totalDepositsHeld(after?.ledger ?? [])
  const paid = paidTiers(after)
  const holders = Object.fromEntries(
    summary.tiers.map((tierId) => {
      const others = (summary.holders[tierId] ?? []).filter((id) => id !== memberId)
      return [tierId, paid.has(tierId) ? [...others, memberId] : others]
    }),
  )
  return { depositsHeld, tiers: summary.tiers, holders }
}

/** The summary of a whole set of rows (a full build). */
export function summaryOf(rows: Iterable<{ id: string; row: MemberListRow }>, tiers: string[]): MemberListSummary {
  const summary = emptySummary(tiers)
  for (const { id, row } of rows) {
    summary.depositsHeld += totalDepositsHeld(row.ledger)
    const paid = paidTiers(row)
    for (const tierId of tiers) if (paid.has(tierId)) (summary.holders[tierId] ??= []).push(id)
  }
  return summary
}

/** Every member the summary names for any of these tiers (whose rows the panels open). */
export const holdersOf = (summary: MemberListSummary, tiers: string[]): string[] => [...new Set(tiers.flatMap((t) => summary.holders[t] ?? []))]
