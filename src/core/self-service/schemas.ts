/**
 * Issue 14 (CONF-11, BB-11): what a member's own phone holds. Staff devices fold the desk's and the broadband
 * counter's records into these **views**, sealed under the member's personal realm key (`member:<userId>`) in
 * that member's own database; the phone reads nothing else. Every view is a plain summary a member may see of
 * themselves: worked out by staff from the records they own (`core/self-service/*-view.ts`), never read back
 * into a staff realm, and rewritten whole when its sources change, so two staff devices writing the same view
 * from the same records write the same body (deterministic ids and content: concurrent writes converge).
 *
 * Money is integer fen, days are the organisation's local dates, instants epoch ms (as everywhere).
 */
import * as v from 'valibot'
import { terms } from '@/core/membership/schemas'
import { bilingualSchema, fenSchema, instantSchema, localDateSchema } from '@/core/shared/unit-schemas'
import { lateFeeSegmentSchema, ledgerDetailSchema, ledgerKinds, noticeKinds, yearMonthSchema } from '@/core/broadband/schemas'
import { accountStatuses } from '@/core/broadband/account-status'

/** Record types of a member's realm, written by staff devices (views) or by the member (requests). */
export const selfViewTypes = ['self-profile', 'self-membership', 'self-visits', 'self-bb-account', 'self-bb-month'] as const

/** Who the member is, as the desk has them (their own data only). */
export const selfProfileSchema = v.object({
  /** The directory person this sign-in belongs to. */
  personId: v.string(),
  name: v.string(),
  /** BB-11: the organisation's setting: days after which the member is reminded to change their password. */
  passwordReminderDays: v.optional(v.number()),
  /** When the staff device last folded the views (catch-up compares it with its sources). */
  foldedAt: instantSchema,
})

export const selfMembershipStatuses = ['active', 'not-started', 'expired', 'suspended', 'none'] as const

/** One fee the member paid (MEM-7, MEM-10): what their points are counted from. */
export const selfFeeSchema = v.object({
  id: v.string(),
  on: localDateSchema,
  amount: fenSchema,
  tierName: bilingualSchema,
  term: v.picklist(terms),
  start: localDateSchema,
  end: localDateSchema,
})

/** MEM-5: a VIP's service hours this month. */
export const selfServiceMonthSchema = v.object({
  month: yearMonthSchema,
  owed: v.number(),
  logged: v.number(),
  shortfall: v.number(),
})

/** MEM-7, MEM-8, MEM-10: one membership, its card and points. Id `self-membership:<memberId>`. */
export const selfMembershipSchema = v.object({
  memberId: v.string(),
  memberNo: v.string(),
  status: v.picklist(selfMembershipStatuses),
  tierName: v.optional(bilingualSchema),
  start: v.optional(localDateSchema),
  end: v.optional(localDateSchema),
  /** MEM-7: what renewing the current tier and term costs now. */
  renewal: v.optional(v.object({ term: v.picklist(terms), price: fenSchema })),
  points: v.number(),
  fees: v.array(selfFeeSchema),
  /** MEM-8: the card's QR text, signed by the card key (the phone checks it against `cardPublicJwks`). */
  card: v.optional(v.object({ text: v.string(), serial: v.number() })),
  /** MEM-8: the card keys' public halves by epoch, so the phone can tell its own card was not tampered with. */
  cardPublicJwks: v.record(v.string(), v.record(v.string(), v.unknown())),
  service: v.optional(selfServiceMonthSchema),
  foldedAt: instantSchema,
})

/** MEM-3: one visit. */
export const selfVisitSchema = v.object({ at: instantSchema, out: v.optional(instantSchema), overridden: v.optional(v.boolean()) })

/** A year of visits, id `self-visits:<memberId>:<YYYY>`: years never touched again cost nothing to keep. */
export const selfVisitsSchema = v.object({
  memberId: v.string(),
  year: v.pipe(v.string(), v.regex(/^\d{4}$/)),
  visits: v.array(selfVisitSchema),
  foldedAt: instantSchema,
})

/**
 * BB-7: whether a line may still be disputed, and why not: the counter's `DisputeState` (dispute-options.ts) as
 * data (the window closed on `closedOn`; already disputed; BB-3 in arrears), plus `not-a-charge` for the lines
 * nobody disputes (payments, credits, refunds), so every line carries a state.
 */
export const selfDisputeStateSchema = v.variant('state', [
  v.object({ state: v.literal('open') }),
  v.variant('reason', [
    v.object({ state: v.literal('closed'), reason: v.literal('window-closed'), closedOn: localDateSchema }),
    v.object({ state: v.literal('closed'), reason: v.picklist(['disputed', 'arrears', 'not-a-charge']) }),
  ]),
])

/** A statement line as the member sees it (BB-2, BB-5): the amount's column and the balance after it. */
export const selfStatementLineSchema = v.object({
  id: v.string(),
  kind: v.picklist(ledgerKinds),
  on: localDateSchema,
  debit: fenSchema,
  credit: fenSchema,
  balance: fenSchema,
  month: v.optional(yearMonthSchema),
  detail: v.optional(ledgerDetailSchema),
  receiptNo: v.optional(v.string()),
  dispute: selfDisputeStateSchema,
})

/** BB-2, BB-5: one month's statement of one account. Id `self-bb-month:<accountId>:<YYYY-MM>`. */
export const selfBroadbandMonthSchema = v.object({
  accountId: v.string(),
  month: yearMonthSchema,
  from: localDateSchema,
  through: localDateSchema,
  opening: fenSchema,
  debits: fenSchema,
  credits: fenSchema,
  closing: fenSchema,
  lines: v.array(selfStatementLineSchema),
  /** BB-5: the late fee's formula on the statement, as the counter shows it. */
  lateFee: v.object({ through: localDateSchema, perMille: v.number(), segments: v.array(lateFeeSegmentSchema), cumulative: fenSchema, charged: fenSchema }),
  foldedAt: instantSchema,
})

/** BB-8, BB-13: a notice the account is concerned by. */
export const selfNoticeSchema = v.object({
  id: v.string(),
  kind: v.picklist(noticeKinds),
  title: v.string(),
  body: v.string(),
  postedOn: localDateSchema,
  startsAt: v.optional(instantSchema),
  endsAt: v.optional(instantSchema),
  /** BB-13: the day new terms apply; an objection is taken until then. */
  effectiveOn: v.optional(localDateSchema),
  objected: v.optional(v.boolean()),
})

/** BB-1 … BB-13: one broadband account. Id `self-bb-account:<accountId>`. */
export const selfBroadbandAccountSchema = v.object({
  accountId: v.string(),
  accountNo: v.string(),
  planName: v.string(),
  monthlyFee: fenSchema,
  status: v.picklist(accountStatuses),
  /** What is owed now (positive) or held in credit (negative). */
  balance: fenSchema,
  /** The months with a statement, newest first. */
  months: v.array(yearMonthSchema),
  notices: v.array(selfNoticeSchema),
  /** BB-7: disputes raised on this account and where they stand. */
  disputes: v.array(v.object({ id: v.string(), entryId: v.string(), raisedOn: localDateSchema, status: v.string() })),
  foldedAt: instantSchema,
})

export type SelfProfile = v.InferOutput<typeof selfProfileSchema>
export type SelfMembership = v.InferOutput<typeof selfMembershipSchema>
export type SelfFee = v.InferOutput<typeof selfFeeSchema>
export type SelfVisits = v.InferOutput<typeof selfVisitsSchema>
export type SelfDisputeState = v.InferOutput<typeof selfDisputeStateSchema>
export type SelfStatementLine = v.InferOutput<typeof selfStatementLineSchema>
export type SelfBroadbandMonth = v.InferOutput<typeof selfBroadbandMonthSchema>
export type SelfBroadbandAccount = v.InferOutput<typeof selfBroadbandAccountSchema>
export type SelfNotice = v.InferOutput<typeof selfNoticeSchema>
