/**
 * BB-2, BB-3, BB-4: what an account's ledger says, folded from its entries every time it is asked
 * (the balance is never stored). Pure: the same lines give the same answer on every device.
 *
 * Two offline bill runs can charge one month twice (events keep random ids, so both survive sync):
 * one monthly charge per (account, month) counts and the others are shown to a manager (`countedLines`).
 */
import { daysBetween } from '@/core/shared/local-date'
import type { Fen, LocalDate } from '@/core/shared/units'
import { debitKinds } from './schemas'
import type { DuplicateReview, LedgerKind, LedgerLine, OpenItem } from './types'

const debits: ReadonlySet<LedgerKind> = new Set(debitKinds)

/** BB-2: a charge, late fee, back-charge or refund raises what is owed; everything else lowers it. */
export const isDebit = (kind: LedgerKind): boolean => debits.has(kind)

/** One month charged more than once on one account, and which of its charges counts. */
export interface DuplicateCharge {
  accountId: string
  month: string
  /** Every charge of that month, oldest (at, id) first. */
  lines: LedgerLine[]
  /** The id of the entry that counts. */
  counted: string
  /** A manager chose `counted` (a DuplicateReview); otherwise it is the first by (at, id). */
  reviewed: boolean
}

/** Events order by (at, id) on every device. */
export function byAtThenId(a: LedgerLine, b: LedgerLine): number {
  return a.record.at - b.record.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const monthKey = (accountId: string, month: string): string => `${accountId}\u0000${month}`

// The latest review of each (account, month): a review is a mutable record, a newer one is the manager's last word.
function latestReviews(reviews: readonly DuplicateReview[]): Map<string, DuplicateReview> {
  const latest = new Map<string, DuplicateReview>()
  for (const review of reviews) {
    const key = monthKey(review.accountId, review.month)
    const seen = latest.get(key)
    if (!seen || review.reviewedAt > seen.reviewedAt) latest.set(key, review)
  }
  return latest
}

/**
 * One monthly `charge` per (account, month) counts: the first by (at, id), or the one a DuplicateReview keeps
 * (a review naming an entry not among them is ignored); the rest are duplicates a manager sees. Every other kind,
 * and a charge with no month, always counts. `counted` keeps the order the lines came in.
 */
export function countedLines(lines: readonly LedgerLine[], reviews: readonly DuplicateReview[] = []): { counted: LedgerLine[]; duplicates: DuplicateCharge[] } {
  const charges = new Map<string, LedgerLine[]>()
  for (const l of lines) {
    if (l.record.kind !== 'charge' || l.record.month === undefined) continue
    const key = monthKey(l.record.accountId, l.record.month)
    const group = charges.get(key)
    if (group) group.push(l)
    else charges.set(key, [l])
  }
  const reviewed = latestReviews(reviews)
  const left = new Set<string>()
  const duplicates: DuplicateCharge[] = []
  for (const [key, group] of charges) {
    if (group.length < 2) continue
    group.sort(byAtThenId)
    const kept = reviewed.get(key)?.kept
    const keptLine = group.find((l) => l.id === kept)
    const counted = keptLine ?? group[0]!
    for (const l of group) if (l !== counted) left.add(l.id)
    duplicates.push({ accountId: counted.record.accountId, month: counted.record.month!, lines: group, counted: counted.id, reviewed: keptLine !== undefined })
  }
  for (const id of repeatedPostings(lines)) left.add(id)
  return { counted: left.size ? lines.filter((l) => !left.has(l.id)) : [...lines], duplicates }
}

// What names a posting worked out from the same records on any device: an outage's credit for an account and month
// (BB-6), an upheld dispute's credit (BB-7), a statement's late fee through its date (BB-5). Undefined otherwise.
function postingKey(l: LedgerLine): string | undefined {
  const { accountId, kind, month, detail } = l.record
  if (detail?.kind === 'outage' && kind === 'credit') return `outage\u0000${accountId}\u0000${month ?? ''}\u0000${detail.outageId}`
  if (detail?.kind === 'dispute' && kind === 'credit') return `dispute\u0000${accountId}\u0000${detail.disputeId}`
  if (detail?.kind === 'late-fee') return `late-fee\u0000${accountId}\u0000${kind}\u0000${detail.through}`
  return undefined
}

/**
 * Two offline devices can post the same outage credits or the same statement's late fee before either sees the
 * other's. The second is the same posting again (not a manager's decision, as two charges of a month may be): the
 * first by (at, id) counts, the repeats' ids are returned.
 */
function repeatedPostings(lines: readonly LedgerLine[]): string[] {
  const first = new Map<string, LedgerLine>()
  const repeats: string[] = []
  for (const l of lines) {
    const key = postingKey(l)
    if (key === undefined) continue
    const seen = first.get(key)
    if (!seen) first.set(key, l)
    else if (byAtThenId(l, seen) < 0) {
      repeats.push(seen.id)
      first.set(key, l)
    } else repeats.push(l.id)
  }
  return repeats
}

/** BB-2: the signed amount of one entry: + for a debit, − for a credit. */
export const signedAmount = (l: LedgerLine): Fen => (isDebit(l.record.kind) ? l.record.amount : -l.record.amount)

/** BB-2: what is owed (positive) or held in credit (negative): counted debits − credits. Never stored. */
export function balanceOf(lines: readonly LedgerLine[], reviews?: readonly DuplicateReview[]): Fen {
  let balance = 0
  for (const l of countedLines(lines, reviews).counted) balance += signedAmount(l)
  return balance
}

/** When a debit falls due: a charge or back-charge on its `due` (its posting day without one), a late fee or refund the day it was posted. */
export function dueOf(l: LedgerLine): LocalDate {
  const { kind, due, on } = l.record
  return (kind === 'charge' || kind === 'back-charge') && due !== undefined ? due : on
}

/** Principal: what credits pay before late fees (BB-5 keeps late fees out of every base). */
export const isPrincipal = (kind: LedgerKind): boolean => kind === 'charge' || kind === 'back-charge' || kind === 'refund'

/** A credit that corrects late fees already charged (lateFeeEntry's negative case): it lowers late fees first. */
export const isLateFeeCredit = (l: LedgerLine): boolean => !isDebit(l.record.kind) && l.record.detail?.kind === 'late-fee'

function byDueThenAtThenId(a: LedgerLine, b: LedgerLine): number {
  const da = dueOf(a)
  const db = dueOf(b)
  return da < db ? -1 : da > db ? 1 : byAtThenId(a, b)
}

// Pays `items` oldest first out of `pool`; what is left of the pool.
function pay(items: OpenItem[], pool: Fen): Fen {
  for (const item of items) {
    if (pool <= 0) break
    const paid = Math.min(pool, item.outstanding)
    item.outstanding -= paid
    pool -= paid
  }
  return pool
}

function openItemOf(l: LedgerLine): OpenItem {
  const { kind, amount, month } = l.record
  const item: OpenItem = { entryId: l.id, kind: kind as OpenItem['kind'], due: dueOf(l), amount, outstanding: amount }
  if (month !== undefined) item.month = month
  return item
}

/**
 * Every counted debit posted on or before `day` with what is left of it once the credits posted on or before `day`
 * are allocated: credits to principal oldest due first, then to late fees oldest first; a late-fee credit to late
 * fees first, what is left of it then as any credit. Includes the fully paid ones (outstanding 0).
 */
export function allocatedOn(lines: readonly LedgerLine[], day: LocalDate, reviews?: readonly DuplicateReview[]): OpenItem[] {
  const principal: LedgerLine[] = []
  const lateFees: LedgerLine[] = []
  let credits = 0
  let lateFeeCredits = 0
  for (const l of countedLines(lines, reviews).counted) {
    if (l.record.on > day) continue
    if (isPrincipal(l.record.kind)) principal.push(l)
    else if (l.record.kind === 'late-fee') lateFees.push(l)
    else if (isLateFeeCredit(l)) lateFeeCredits += l.record.amount
    else credits += l.record.amount
  }
  const principalItems = principal.sort(byDueThenAtThenId).map(openItemOf)
  const lateFeeItems = lateFees.sort(byDueThenAtThenId).map(openItemOf)
  credits += pay(lateFeeItems, lateFeeCredits)
  pay(lateFeeItems, pay(principalItems, credits))
  return [...principalItems, ...lateFeeItems]
}

/**
 * The debits still unpaid after the entries posted on or before `day`: credits (payment, credit, write-off) are
 * allocated to principal (charge, back-charge, refund) oldest due first, then to late fees oldest first.
 * Principal first, then late fees, each oldest due first.
 */
export function openItemsOn(lines: readonly LedgerLine[], day: LocalDate, reviews?: readonly DuplicateReview[]): OpenItem[] {
  return allocatedOn(lines, day, reviews).filter((item) => item.outstanding > 0)
}

/** BB-3/BB-4: what is unpaid of the items due before `day`, whether that is arrears, and the earliest due date among them. */
export interface Arrears {
  overdue: Fen
  inArrears: boolean
  oldestDue?: LocalDate
  /** The overdue items. */
  items: OpenItem[]
}

/** BB-3/BB-4: `overdue` = what is unpaid of items due before `day`; `inArrears` = overdue > 0; `oldestDue` = the earliest due date among them. */
export function arrearsOn(lines: readonly LedgerLine[], day: LocalDate, reviews?: readonly DuplicateReview[]): Arrears {
  const items = openItemsOn(lines, day, reviews).filter((item) => item.due < day)
  const overdue = items.reduce((sum, item) => sum + item.outstanding, 0)
  const arrears: Arrears = { overdue, inArrears: overdue > 0, items }
  if (items.length) arrears.oldestDue = items.reduce((oldest, item) => (item.due < oldest ? item.due : oldest), items[0]!.due)
  return arrears
}

/** What is unpaid on a day by days past due. */
export interface Ageing {
  /** Not yet past due (due on the day or later). */
  current: Fen
  upTo30: Fen
  upTo60: Fen
  over60: Fen
}

/** Ageing by days past due on `day`: not yet due, 1–30, 31–60, over 60. */
export function ageingOn(lines: readonly LedgerLine[], day: LocalDate, reviews?: readonly DuplicateReview[]): Ageing {
  const ageing: Ageing = { current: 0, upTo30: 0, upTo60: 0, over60: 0 }
  for (const item of openItemsOn(lines, day, reviews)) {
    const late = daysBetween(item.due, day)
    if (late <= 0) ageing.current += item.outstanding
    else if (late <= 30) ageing.upTo30 += item.outstanding
    else if (late <= 60) ageing.upTo60 += item.outstanding
    else ageing.over60 += item.outstanding
  }
  return ageing
}
