import * as schemas from '@/core/broadband/schemas'
import { defineEvents, defineMutable, eventRecords, mutableRecords, writeSealed, type SealedBatch } from '@/storage/records'
import type { RepoContext } from '@/storage/sealed-repo'

// The broadband desk's record types, all in the `accounts` realm agents, leads and managers hold (front-desk tablets
// neither hold its key nor replicate it), each with the slice indexes it is read by (docs/architecture.md "Reading a
// slice"): an account's lines are read by the account, a month's charges by their month, never the whole realm.
const accounts = { realm: 'accounts', version: 1 } as const
const kinds = {
  // BB-1, BB-4: `accountNo` finds the live agreement holding a number (blind: the number is never stored in clear).
  agreement: defineMutable({ ...accounts, type: 'bb-agreement', schema: schemas.agreementSchema, indexes: (a) => ({ accountNo: a.accountNo, parent: a.subscriberId }) }),
  // BB-2: a charge's `day` is its month's first day, so a bill run finds the month's charges (idempotence) without opening the realm.
  ledger: defineEvents({
    ...accounts,
    type: 'bb-ledger',
    schema: schemas.ledgerEntrySchema,
    indexes: (e) => ({ parent: e.accountId, day: e.kind === 'charge' && e.month ? `${e.month}-01` : undefined }),
  }),
  status: defineEvents({ ...accounts, type: 'bb-status', schema: schemas.statusChangeSchema, indexes: (s) => ({ parent: s.accountId }) }),
  dunning: defineEvents({ ...accounts, type: 'bb-dunning', schema: schemas.dunningEventSchema, indexes: (d) => ({ parent: d.accountId }) }),
  objection: defineEvents({ ...accounts, type: 'bb-objection', schema: schemas.objectionSchema, indexes: (o) => ({ parent: o.accountId }) }),
  // Few at a time: listed whole (the outages page).
  outage: defineMutable({ ...accounts, type: 'bb-outage', schema: schemas.outageSchema }),
  dispute: defineMutable({ ...accounts, type: 'bb-dispute', schema: schemas.disputeSchema, indexes: (d) => ({ parent: d.accountId }) }),
  // BB-8, BB-13: `day` is the first day of the month it was posted in: the month's statements read that slice.
  notice: defineMutable({ ...accounts, type: 'bb-notice', schema: schemas.broadbandNoticeSchema, indexes: (n) => ({ day: `${n.postedOn.slice(0, 7)}-01` }) }),
  // Managers only (typeWriters in access-policy.js): which of a month's two charges counts.
  duplicateReview: defineMutable({ ...accounts, type: 'bb-duplicate-review', schema: schemas.duplicateReviewSchema, indexes: (r) => ({ parent: r.accountId }) }),
}

/** Everything the broadband desk keeps (BB-1 … BB-13), sealed in the `accounts` realm, built on the session's record context. */
export function createBroadbandRecords(ctx: RepoContext) {
  return {
    agreements: mutableRecords(ctx, kinds.agreement),
    ledger: eventRecords(ctx, kinds.ledger),
    statusChanges: eventRecords(ctx, kinds.status),
    dunning: eventRecords(ctx, kinds.dunning),
    objections: eventRecords(ctx, kinds.objection),
    outages: mutableRecords(ctx, kinds.outage),
    disputes: mutableRecords(ctx, kinds.dispute),
    notices: mutableRecords(ctx, kinds.notice),
    duplicateReviews: mutableRecords(ctx, kinds.duplicateReview),
    /** Records of several types sealed with `sealMany`, written with their audit entries in one transaction. */
    writeTogether: (batches: readonly SealedBatch[]) => writeSealed(ctx, batches),
  }
}

export type BroadbandRecords = ReturnType<typeof createBroadbandRecords>
