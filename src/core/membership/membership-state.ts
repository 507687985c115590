/**
 * MEM-6, MEM-7, MEM-10: a member's membership as derived from the append-only
 * ledger. Nothing here is stored: the entries are the truth, and two tablets
 * that synced the same entries derive the same state. `planFee` decides the
 * term of the next fee from that state.
 */
import { addDaysTo } from '@/core/shared/local-date'
import { priceFor } from './pricing'
import { renewalStart, termEnd } from './term-dates'
import type { Fen, FeeEntry, LedgerEntry, LocalDate, MembershipSettings, Term, Tier } from './types'

/** One paid term, as the member's account lists it. */
export interface PaidTerm {
  tierId: string
  start: LocalDate
  end: LocalDate
  amount: Fen
}

export type MembershipStatus = 'none' | 'not-started' | 'active' | 'expired'

export interface MembershipState {
  /** The tier of the current term (absent with status `none`). */
  tierId?: string
  /** First day of the unbroken run of terms the current term belongs to ("member since"). */
  start?: LocalDate
  /** Last day of that run: what the member sees as "ends on". */
  end?: LocalDate
  status: MembershipStatus
  /** MEM-6: deposits taken less what was refunded or kept. */
  depositHeld: Fen
  feesPaid: Fen
  /** MEM-10 */
  points: number
  /** Every fee's term, in the order paid. */
  terms: PaidTerm[]
}

/** The member's fees in the order they were paid (a stable sort: equal `at` keeps ledger order). */
export function feesOf(entries: LedgerEntry[], memberId: string): FeeEntry[] {
  return entries.filter((e): e is FeeEntry => e.kind === 'fee' && e.memberId === memberId).sort((a, b) => a.at - b.at)
}

/**
 * The fee whose term covers `today`; when several do (an upgrade starts today
 * while the upgraded-from term has days left), the one paid last — that is the
 * tier the member holds now. `undefined` when no term covers today.
 */
export function coveringFee(entries: LedgerEntry[], memberId: string, today: LocalDate): FeeEntry | undefined {
  return feesOf(entries, memberId).findLast((f) => f.start <= today && today <= f.end)
}

// The latest-starting fee (the one paid last among equal starts): what "current" means when nothing covers today.
function latestStarting(fees: FeeEntry[]): FeeEntry | undefined {
  return fees.reduce<FeeEntry | undefined>((latest, f) => (latest === undefined || f.start >= latest.start ? f : latest), undefined)
}

/** The unbroken run of terms containing `current`: terms that overlap or touch (one ends the day before the next starts) join. */
function runAround(fees: FeeEntry[], current: FeeEntry): { start: LocalDate; end: LocalDate } {
  const byStart = [...fees].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  let run: { start: LocalDate; end: LocalDate; fees: FeeEntry[] } | undefined
  for (const f of byStart) {
    if (run && f.start <= addDaysTo(run.end, 1)) {
      if (f.end > run.end) run.end = f.end
      run.fees.push(f)
    } else {
      if (run?.fees.includes(current)) break
      run = { start: f.start, end: f.end, fees: [f] }
    }
  }
  // `current` is one of `fees`, so the loop always ends in its run.
  return { start: run?.start ?? current.start, end: run?.end ?? current.end }
}

function depositHeldOf(entries: LedgerEntry[], memberId: string): Fen {
  let held = 0
  for (const e of entries) {
    if (e.memberId !== memberId) continue
    if (e.kind === 'deposit') held += e.amount
    else if (e.kind === 'deposit-return') held -= e.refunded + e.kept
  }
  return held
}

/**
 * MEM-10: `pointsPerYuan` points for each full 1.00 of the member's total paid
 * (two fees of 0.50 earn 1 point; 99.99 earns 99). "Paid" is the sum of the
 * fees' `amount`, what was actually taken:
 * - deposits are not counted: they are held for the member and go back (MEM-6);
 * - an upgrade's credit is not money paid: the fee records `listed − credit`
 *   as its `amount`, and the credited fee keeps its own amount, so the money
 *   taken for the old term counts once, and the credit neither adds to nor
 *   takes from the total.
 */
export function pointsFor(fees: FeeEntry[], pointsPerYuan: number): number {
  const paidFen = fees.reduce((sum, f) => sum + f.amount, 0)
  return Math.floor(paidFen / 100) * pointsPerYuan
}

/**
 * MEM-7: the membership of `memberId` on `today`. The current term is the one
 * covering today, else the latest-starting one (a future term: not started; a
 * past one: expired). `start`/`end` span the unbroken run of terms around it,
 * so a member who renewed early sees one end date, the last one.
 */
export function membershipState(entries: LedgerEntry[], memberId: string, today: LocalDate, settings: MembershipSettings): MembershipState {
  const fees = feesOf(entries, memberId)
  const totals = {
    depositHeld: depositHeldOf(entries, memberId),
    feesPaid: fees.reduce((sum, f) => sum + f.amount, 0),
    points: pointsFor(fees, settings.pointsPerYuan),
    terms: fees.map((f) => ({ tierId: f.tierId, start: f.start, end: f.end, amount: f.amount })),
  }
  const covering = fees.findLast((f) => f.start <= today && today <= f.end)
  const current = covering ?? latestStarting(fees)
  if (!current) return { status: 'none', ...totals }
  const run = runAround(fees, current)
  const status = covering ? 'active' : current.start > today ? 'not-started' : 'expired'
  return { tierId: current.tierId, start: run.start, end: run.end, status, ...totals }
}

export interface FeePlan {
  start: LocalDate
  end: LocalDate
  listed: Fen
  credit: Fen
  amount: Fen
}

/**
 * MEM-7: a new fee of `tier` for `term`, taken `today`. A renewal starts the
 * day after the member's current end when still active, else today. An upgrade
 * — a tier of higher rank than the member's active one — starts today (the
 * member wants the better hours now; the unused old term comes in as `credit`,
 * see `upgradeCredit`). The credit never exceeds the listed price: the fee is
 * never negative, and `credit` returns what was actually applied.
 * `settings` is needed to know the rank of the member's current tier.
 */
export function planFee(args: {
  entries: LedgerEntry[]
  memberId: string
  tier: Tier
  term: Term
  today: LocalDate
  settings: MembershipSettings
  credit?: Fen
}): FeePlan {
  const { entries, memberId, tier, term, today, settings } = args
  const state = membershipState(entries, memberId, today, settings)
  const currentRank = settings.tiers.find((t) => t.id === state.tierId)?.rank
  const isUpgrade = state.status === 'active' && currentRank !== undefined && tier.rank > currentRank
  const start = isUpgrade ? today : renewalStart(state.end, today)
  const listed = priceFor(tier, term)
  const credit = Math.min(Math.max(args.credit ?? 0, 0), listed)
  return { start, end: termEnd(start, term), listed, credit, amount: listed - credit }
}
