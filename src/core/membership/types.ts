/**
 * The membership domain's data (SPEC MEM-1 … MEM-10). Everything here is
 * plain data: stored sealed in the `desk` realm, decided on by the pure
 * functions next to this file. Money is integer fen; dates a member sees
 * ("ends 2027-03-31") are calendar dates in the organisation's time zone;
 * instants (check-ins, payments) are epoch milliseconds.
 */

import type { Fen, LocalDate, LocalTime } from '@/core/shared/units'

// Defined in core/shared (every domain uses them); re-exported so membership callers keep one import.
export type { Fen, LocalDate, LocalTime }

export const terms = ['month', 'halfYear', 'year'] as const
export type Term = (typeof terms)[number]

/** Text a manager enters in both UI languages. */
export interface Bilingual {
  'zh-CN': string
  en: string
}

/** One opening window of a weekday: ISO weekday 1 = Monday … 7 = Sunday; `from` inclusive, `to` exclusive. */
export interface OpeningWindow {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7
  from: LocalTime
  to: LocalTime
}

/** MEM-1: a tier is data, never code. */
export interface Tier {
  id: string
  name: Bilingual
  /** Listed price per term: what is charged (MEM-1). */
  prices: Record<Term, Fen>
  /** Held as a liability while the membership lasts (MEM-6); 0 when the tier takes none. */
  deposit: Fen
  /** Service contribution owed per calendar month, in hours (MEM-5); 0 when none. */
  serviceHoursPerMonth: number
  /** At most this many members of the tier at once (MEM-4); absent = no cap. */
  cap?: number
  perks: Bilingual
  /** MEM-2: the weekly opening pattern. */
  hours: OpeningWindow[]
  /** Higher ranks are upgrades of lower ones (ordinary 1 → VIP 2). */
  rank: number
}

/**
 * MEM-2: a calendar override for the dates `from`…`to` (inclusive). It wins over
 * the weekly pattern of the tiers it names (all tiers when `tiers` is absent):
 * closed, or open only in `hours` on those dates.
 */
export interface CalendarOverride {
  id: string
  from: LocalDate
  to: LocalDate
  tiers?: string[]
  closed: boolean
  /** When not closed: the opening windows of each date in the range. */
  hours?: { from: LocalTime; to: LocalTime }[]
  note: string
}

export interface MembershipSettings {
  tiers: Tier[]
  overrides: CalendarOverride[]
  /** IANA zone the opening hours and dates are in (SPEC: Asia/Shanghai). */
  timeZone: string
  /** MEM-10: points earned per full 1.00 (100 fen) of fees paid. */
  pointsPerYuan: number
  /** MEM-7: the desk's "ending soon" list looks this many days ahead. */
  expiringWithinDays: number
  /**
   * MEM-8: days a card signed by a retired card key is still admitted (with a
   * prompt to reissue it) after the rotation. Absent in settings saved before
   * card key epochs: `defaultCardGraceDays` (card-epoch.ts).
   */
  cardGraceDays?: number
}

export const paymentMethods = ['cash', 'card', 'transfer'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

/**
 * An append-only ledger entry of the membership desk (MEM-6, MEM-7, MEM-10):
 * never changed, never deleted; a mistake is corrected by a further entry.
 * Balances, terms and points are derived from the entries.
 */
export type LedgerEntry =
  | {
      kind: 'fee'
      memberId: string
      at: number
      tierId: string
      term: Term
      /** The tier's listed price when paid (a later price change never touches it). */
      listed: Fen
      /** Credited from the remaining term of the tier upgraded from (MEM-1/MEM-4 upgrade). */
      credit: Fen
      /** What was taken: listed − credit. */
      amount: Fen
      /** The term this fee pays for, as decided when it was taken. */
      start: LocalDate
      end: LocalDate
      method: PaymentMethod
      receiptNo: string
      by: string
    }
  | { kind: 'deposit'; memberId: string; at: number; tierId: string; amount: Fen; method: PaymentMethod; receiptNo: string; by: string }
  | {
      kind: 'deposit-return'
      memberId: string
      at: number
      /** What went back to the member. */
      refunded: Fen
      /** What the space kept, with the reason (MEM-6). */
      kept: Fen
      reason: string
      method: PaymentMethod
      receiptNo: string
      by: string
    }

/** A member of the space: who (a directory person), their number and card. */
export interface Member {
  personId: string
  /** What the member and desk type: short, unambiguous (see `member-number.ts`). */
  memberNo: string
  /** MEM-8: one card at a time; a reissue raises the serial, so older cards read as revoked. */
  cardSerial: number
  /** Suspended memberships are refused at check-in (MEM-3). */
  suspended?: { reason: string; at: number }
  createdAt: number
}

/** MEM-9: blacklisting and lifting are append-only events, written by managers only (checked on the server too). */
export interface BlacklistEvent {
  memberId: string
  action: 'add' | 'lift'
  reason: string
  at: number
  by: string
}

/** MEM-3: an admitted check-in (or an override of a refusal, with its reason). */
export interface CheckIn {
  memberId: string
  at: number
  deviceId: string
  by: string
  /** When staff admitted despite a refusal: the refusal overridden and why (audited). */
  override?: { refusal: RefusalReason; reason: string }
  /** The organisation-local date of `at`, kept so the desk reads one day's visits by it (absent on older visits). */
  day?: LocalDate
}

/** Closes one check-in (a separate event, so two tablets never conflict over a visit). */
export interface CheckOut {
  checkInId: string
  memberId: string
  at: number
  by: string
  /** The organisation-local date of `at` (absent on older check-outs). */
  day?: LocalDate
}

/** MEM-5: hours of service a VIP gave, on a date. */
export interface ServiceLog {
  memberId: string
  date: LocalDate
  hours: number
  note: string
  by: string
}

/** MEM-4: a person waiting for a place in a capped tier, served in order of `at`. */
export interface WaitlistEntry {
  personId: string
  tierId: string
  at: number
  note: string
  /** Set when the person was enrolled or gave up: the entry leaves the list. */
  closed?: { at: number; outcome: 'enrolled' | 'withdrawn' }
}

export const refusalReasons = [
  'unknown-card',
  'forged-card',
  'revoked-card',
  'card-outdated',
  'expired',
  'not-started',
  'suspended',
  'blacklisted',
  'outside-hours',
  'already-checked-in',
] as const
export type RefusalReason = (typeof refusalReasons)[number]

/** MEM-3: what the desk shows. Refusals carry what their message needs. */
export type CheckInDecision =
  /** `reissueCard`: MEM-8, the card was signed by a retired card key, still within its grace days. */
  | { admit: true; tierId: string; end: LocalDate; reissueCard?: true }
  | { admit: false; reason: 'unknown-card' | 'forged-card' | 'revoked-card' | 'card-outdated' | 'suspended' | 'blacklisted' }
  | { admit: false; reason: 'expired'; end: LocalDate }
  | { admit: false; reason: 'not-started'; start: LocalDate }
  | { admit: false; reason: 'outside-hours'; nextOpening?: number }
  | { admit: false; reason: 'already-checked-in'; since: number }

/** A fee entry of the ledger (MEM-7): what the rules of terms, points and upgrades read. */
export type FeeEntry = Extract<LedgerEntry, { kind: 'fee' }>
/** A deposit taken (MEM-6). */
export type DepositEntry = Extract<LedgerEntry, { kind: 'deposit' }>
/** A deposit given back, in full or in part (MEM-6). */
export type DepositReturnEntry = Extract<LedgerEntry, { kind: 'deposit-return' }>
