/**
 * The membership domain's data (SPEC MEM-1 … MEM-10). Everything here is
 * plain data: stored sealed in the `desk` realm, decided on by the pure
 * functions next to this file. Money is integer fen; dates a member sees
 * ("ends 2027-03-31") are calendar dates in the organisation's time zone;
 * instants (check-ins, payments) are epoch milliseconds.
 */

import type * as v from 'valibot'
import type { Fen, LocalDate, LocalTime } from '@/core/shared/units'
import type * as schemas from './schemas'
import { paymentMethods, refusalReasons, terms } from './schemas'

// Defined in core/shared (every domain uses them); re-exported so membership callers keep one import.
export type { Fen, LocalDate, LocalTime }
// The value lists live beside the schemas that check them; re-exported so callers keep one import.
export { paymentMethods, refusalReasons, terms }

export type Term = (typeof terms)[number]

/** Text a manager enters in both UI languages. */
export type Bilingual = v.InferOutput<typeof schemas.bilingualSchema>

/** One opening window of a weekday: ISO weekday 1 = Monday … 7 = Sunday; `from` inclusive, `to` exclusive. */
export type OpeningWindow = v.InferOutput<typeof schemas.openingWindowSchema>

/** MEM-1: a tier is data, never code. */
export type Tier = v.InferOutput<typeof schemas.tierSchema>

/**
 * MEM-2: a calendar override for the dates `from`…`to` (inclusive). It wins over
 * the weekly pattern of the tiers it names (all tiers when `tiers` is absent):
 * closed, or open only in `hours` on those dates.
 */
export type CalendarOverride = v.InferOutput<typeof schemas.calendarOverrideSchema>

export type MembershipSettings = v.InferOutput<typeof schemas.membershipSettingsSchema>

export type PaymentMethod = (typeof paymentMethods)[number]

/**
 * An append-only ledger entry of the membership desk (MEM-6, MEM-7, MEM-10):
 * never changed, never deleted; a mistake is corrected by a further entry.
 * Balances, terms and points are derived from the entries.
 */
export type LedgerEntry = v.InferOutput<typeof schemas.ledgerEntrySchema>

/** A member of the space: who (a directory person), their number and card. */
export type Member = v.InferOutput<typeof schemas.memberSchema>

/** MEM-9: blacklisting and lifting are append-only events, written by managers only (checked on the server too). */
export type BlacklistEvent = v.InferOutput<typeof schemas.blacklistEventSchema>

/** MEM-3: an admitted check-in (or an override of a refusal, with its reason). */
export type CheckIn = v.InferOutput<typeof schemas.checkInSchema>

/** Closes one check-in (a separate event, so two tablets never conflict over a visit). */
export type CheckOut = v.InferOutput<typeof schemas.checkOutSchema>

/** MEM-5: hours of service a VIP gave, on a date. */
export type ServiceLog = v.InferOutput<typeof schemas.serviceLogSchema>

/** MEM-4: a person waiting for a place in a capped tier, served in order of `at`. */
export type WaitlistEntry = v.InferOutput<typeof schemas.waitlistEntrySchema>

export type RefusalReason = (typeof refusalReasons)[number]

/** MEM-3: what the desk shows. Refusals carry what their message needs. */
export type CheckInDecision =
  /** `reissueCard`: MEM-8, the card was signed by a retired card key, still within its grace days. */
  | { admit: true; tierId: string; end: LocalDate; reissueCard?: true }
  | { admit: false; reason: 'unknown-card' | 'forged-card' | 'revoked-card' | 'card-outdated' | 'suspended' | 'blacklisted' | 'visitor-badge' }
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
