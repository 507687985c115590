import { isBlacklisted } from '@/core/membership/blacklist'
import { depositLockedUntil } from '@/core/membership/deposit-return'
import type { Member } from '@/core/membership/types'
import type { Stored } from '@/storage/sealed-repo'
import { stateOf, todayIn, type DeskView } from './desk-snapshot'

/** What lists may show of a member: masked name and phone (CONF-4), number, tier and dates. */
export interface MemberRow {
  id: string
  personId: string
  memberNo: string
  name: string
  phone: string
  tierId?: string
  start?: string
  end?: string
  status: 'none' | 'not-started' | 'active' | 'expired'
  points: number
  depositHeld: number
  /** MEM-6: while the VIP membership the deposit secures runs, its last day (the deposit goes back after it). */
  depositLockedUntil?: string
  suspended: boolean
  blacklisted: boolean
}

/** A member's row on `now`, from a view holding (at least) their fees and blacklist events. */
export function memberRowOf(view: DeskView, m: Stored<Member>, who: { name: string; phone: string } | undefined, now: number): MemberRow {
  const st = stateOf(view, m.id, now)
  return {
    id: m.id, personId: m.record.personId, memberNo: m.record.memberNo, name: who?.name ?? '', phone: who?.phone ?? '',
    tierId: st.tierId, start: st.start, end: st.end, status: st.status, points: st.points, depositHeld: st.depositHeld,
    suspended: !!m.record.suspended, blacklisted: isBlacklisted(view.blacklist, m.id) !== undefined,
    depositLockedUntil: depositLockedUntil(view.ledger, m.id, todayIn(view, now), view.settings),
  }
}

// Not Map.groupBy: Node 20 (the tests) lacks it.
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/**
 * Each member's own fees and blacklist events in a view, grouped once: a row's rules then read a member's few
 * entries, not the whole view's (the check-in page's view grows with the day: per-member scans of all of it
 * made every scan slower than the last).
 */
export function ownRecords(view: Pick<DeskView, 'ledger' | 'blacklist'>): (memberId: string) => Pick<DeskView, 'ledger' | 'blacklist'> {
  const ledger = groupBy(view.ledger, (e) => e.memberId)
  const blacklist = groupBy(view.blacklist, (b) => b.memberId)
  return (memberId) => ({ ledger: ledger.get(memberId) ?? [], blacklist: blacklist.get(memberId) ?? [] })
}

/** Rows worked out before, by member record (dropped with the view's records). */
export type RowMemo = WeakMap<Stored<Member>, { inputs: unknown[]; row: MemberRow }>

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Every member's row of a view, each from their own records. A row is worked out again only when its member,
 * own records, name, settings or day changed (`memo`, per list): the check-in page's view gains one member per
 * scan, and working out every row at every scan made each scan slower than the last.
 */
export function memberRowsOf(
  view: DeskView,
  names: (personId: string) => { name: string; phone: string } | undefined,
  now: number,
  memo?: RowMemo,
): MemberRow[] {
  const own = ownRecords(view)
  const today = todayIn(view, now)
  return view.members.map((m) => {
    const mine = own(m.id)
    const who = names(m.record.personId)
    const inputs = [view.settings, today, who, ...mine.ledger, '|', ...mine.blacklist]
    const kept = memo?.get(m)
    if (kept && sameItems(kept.inputs, inputs)) return kept.row
    const row = memberRowOf({ ...view, ...mine }, m, who, now)
    memo?.set(m, { inputs, row })
    return row
  })
}
