/**
 * The broadband desk's records as runtime schemas (BB-1 … BB-13; issue 12): types.ts infers each type from these,
 * and the records kit checks every body it opens against them. Checks only, no transforms.
 *
 * Every record is sealed in the `accounts` realm (agents, leads, managers; the admin as custodian), never in
 * `desk`: front-desk tablets neither hold its key nor replicate its database. Money is integer fen; dates are
 * the organisation's local dates; instants are epoch ms.
 *
 * Events (append-only, random ids, never changed: docs/architecture.md "Sync"): ledger entries, status changes,
 * dunning steps, objections. Mutable: the agreement's particulars, outages, disputes, notices, duplicate reviews.
 */
import * as v from 'valibot'
import { accountStatuses } from './account-status'
import { fenSchema, instantSchema, localDateSchema } from '@/core/shared/unit-schemas'

/** `YYYY-MM`: the month a charge bills or a credit makes good. */
export const yearMonthSchema = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/))

/** BB-2: the only channels a payment may come through (the counter; the business's own website). */
export const paymentChannels = ['counter', 'website'] as const

/**
 * BB-2: what a ledger entry is. Debits raise what the subscriber owes (`charge`, `late-fee`, `back-charge`,
 * `refund`: money paid back out of a credit balance); credits lower it (`payment`, `credit`, `write-off`).
 * A correction is a further entry, never an edit.
 */
export const ledgerKinds = ['charge', 'payment', 'credit', 'late-fee', 'back-charge', 'refund', 'write-off'] as const
export const debitKinds = ['charge', 'late-fee', 'back-charge', 'refund'] as const
export const creditKinds = ['payment', 'credit', 'write-off'] as const

/** BB-5: one stretch of the late-fee formula: `amount` overdue on each of `days` days at 3‰ a day. */
export const lateFeeSegmentSchema = v.object({
  amount: fenSchema,
  from: localDateSchema,
  through: localDateSchema,
  days: v.number(),
})

/** Why an entry was posted, with the numbers its statement line shows. */
export const ledgerDetailSchema = v.variant('kind', [
  // BB-2: a bill run's monthly fee; `days`/`daysInMonth` when the month is part-billed from the day service started (BB-6).
  v.object({ kind: v.literal('monthly-fee'), run: v.string(), monthlyFee: fenSchema, days: v.optional(v.number()), daysInMonth: v.optional(v.number()) }),
  // BB-5: the cumulative late fee through `through`, rounded once, less what earlier statements charged.
  v.object({ kind: v.literal('late-fee'), through: localDateSchema, segments: v.array(lateFeeSegmentSchema), perMille: v.number(), cumulative: fenSchema, charged: fenSchema }),
  // BB-6: an outage credit for one calendar month.
  v.object({ kind: v.literal('outage'), outageId: v.string(), days: v.number(), daysInMonth: v.number(), monthlyFee: fenSchema }),
  // BB-10: extra terminals found on the line, back-charged at the single-port fee.
  v.object({ kind: v.literal('line-sharing'), terminals: v.number(), singlePortFee: fenSchema }),
  // BB-7: the credit an upheld dispute gives.
  v.object({ kind: v.literal('dispute'), disputeId: v.string() }),
  // A correction of an earlier entry (its id), with the reason in `note`.
  v.object({ kind: v.literal('correction'), of: v.string() }),
])

export const ledgerEntrySchema = v.object({
  accountId: v.string(),
  kind: v.picklist(ledgerKinds),
  /** Always more than 0: the kind says which way it goes. */
  amount: fenSchema,
  /** The organisation-local day it was posted. */
  on: localDateSchema,
  at: instantSchema,
  /** The user id of who posted it. */
  by: v.string(),
  /** `charge`, `back-charge`: the month billed; `credit` for an outage: the month made good; `late-fee`: the statement month. */
  month: v.optional(yearMonthSchema),
  /** `charge`, `back-charge`: the day it is due (BB-4, BB-5 count from it). */
  due: v.optional(localDateSchema),
  /** `payment`: BB-2 channel and receipt number, both required. */
  channel: v.optional(v.picklist(paymentChannels)),
  receiptNo: v.optional(v.string()),
  detail: v.optional(ledgerDetailSchema),
  note: v.optional(v.string()),
})

/** BB-1: who acts for the subscriber, with their ID and the authorisation they showed. */
export const subscriberAgentSchema = v.object({
  name: v.string(),
  idNumber: v.string(),
  authorisation: v.string(),
})

/** BB-1: the plan on an agreement. `singlePortFee`: the BB-10 back-charge per extra terminal. */
export const planSchema = v.object({
  name: v.string(),
  monthlyFee: fenSchema,
  singlePortFee: fenSchema,
})

/**
 * BB-1, BB-12: a broadband agreement. Its status is not here: it is the fold of its status events
 * (`statusChangeSchema`), so two devices never overwrite each other's suspension or reactivation.
 */
export const agreementSchema = v.object({
  /** Found by a blind index; never on two live agreements at once, reclaimed after termination (BB-4). */
  accountNo: v.string(),
  accountName: v.string(),
  /** The directory's person (an individual or a business, CUST-1). */
  subscriberId: v.string(),
  agent: v.optional(subscriberAgentSchema),
  plan: planSchema,
  /** The agreement cycle: BB-12 notice is allowed in the 30 days before `cycleEnd`. */
  cycleStart: localDateSchema,
  cycleEnd: localDateSchema,
  /** BB-12: the agreement a transfer of ownership ended to start this one. */
  transferredFrom: v.optional(v.string()),
  createdAt: instantSchema,
  createdBy: v.string(),
})

/** BB-1, BB-4, BB-9, BB-12, BB-13: why an agreement changed status. */
export const statusReasons = [
  'service-start', 'arrears', 'paid', 'violation', 'rectified', 'violation-unrectified', 'arrears-terminated',
  'notice', 'transfer', 'objection', 'called-off',
] as const

/** BB-9: the violations that suspend an agreement. */
export const violations = ['false-information', 'unauthorised-equipment', 'unauthorised-transfer', 'line-sharing', 'illegal-use', 'authority-order'] as const

/** An agreement's status change, with date, reason and who (BB-1): the status is the fold of these. */
export const statusChangeSchema = v.object({
  accountId: v.string(),
  to: v.picklist(accountStatuses),
  /** The organisation-local day it takes effect (service start, suspension, termination). */
  on: localDateSchema,
  at: instantSchema,
  by: v.string(),
  reason: v.picklist(statusReasons),
  violation: v.optional(v.picklist(violations)),
  /** BB-9: the last day to pay or rectify after a violation's suspension (3 days). */
  deadline: v.optional(localDateSchema),
  note: v.optional(v.string()),
})

/** BB-4: the dunning steps a person confirms. */
export const dunningSteps = ['notice', 'credit-record'] as const

export const dunningEventSchema = v.object({
  accountId: v.string(),
  step: v.picklist(dunningSteps),
  /** The due date of the oldest unpaid amount the step is about. */
  due: localDateSchema,
  on: localDateSchema,
  at: instantSchema,
  by: v.string(),
  /** BB-4: the subscriber's department was told as well. */
  department: v.optional(v.boolean()),
})

/** BB-6: an outage, recorded when reported and completed when repaired. */
export const outageSchema = v.object({
  /** The accounts affected (an area is resolved to its accounts when recorded). */
  accountIds: v.array(v.string()),
  area: v.optional(v.string()),
  start: instantSchema,
  /** Absent while it lasts. */
  end: v.optional(instantSchema),
  cause: v.string(),
  businessCaused: v.boolean(),
  promisedBy: instantSchema,
  recordedAt: instantSchema,
  recordedBy: v.string(),
  /** Set when its credits were posted (after a person confirmed them). */
  creditedAt: v.optional(instantSchema),
})

export const disputeStatuses = ['open', 'upheld', 'rejected'] as const

/** BB-7: a dispute of one charge, within 6 months of it. */
export const disputeSchema = v.object({
  accountId: v.string(),
  /** The ledger entry disputed. */
  entryId: v.string(),
  raisedOn: localDateSchema,
  raisedBy: v.string(),
  reason: v.string(),
  status: v.picklist(disputeStatuses),
  resolution: v.optional(v.string()),
  resolvedBy: v.optional(v.string()),
  /** The credit an upheld dispute posted. */
  creditEntryId: v.optional(v.string()),
})

export const noticeKinds = ['maintenance', 'terms'] as const
export const noticeChannels = ['web', 'sms', 'group'] as const

/** BB-8 maintenance notices and BB-13 changes of terms. */
export const broadbandNoticeSchema = v.object({
  kind: v.picklist(noticeKinds),
  title: v.string(),
  body: v.string(),
  /** The accounts it concerns; absent: every live account. */
  accountIds: v.optional(v.array(v.string())),
  channels: v.array(v.picklist(noticeChannels)),
  postedAt: instantSchema,
  /** The organisation's day it was posted: the month whose statements carry it (statement-notices.ts). */
  postedOn: localDateSchema,
  postedBy: v.string(),
  /** BB-8: when the work starts and ends. */
  startsAt: v.optional(instantSchema),
  endsAt: v.optional(instantSchema),
  /** BB-13: the day the new terms apply; objections are taken until then. */
  effectiveOn: v.optional(localDateSchema),
})

/** BB-13: a subscriber's objection to a change of terms, and what came of it. */
export const objectionSchema = v.object({
  noticeId: v.string(),
  accountId: v.string(),
  on: localDateSchema,
  at: instantSchema,
  by: v.string(),
  outcome: v.picklist(['recorded', 'agreed', 'ended']),
  note: v.optional(v.string()),
})

/** A manager's decision on a month charged twice (two offline bill runs): which entry counts. */
export const duplicateReviewSchema = v.object({
  accountId: v.string(),
  month: yearMonthSchema,
  kept: v.string(),
  reviewedBy: v.string(),
  reviewedAt: instantSchema,
})
