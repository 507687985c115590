import type * as v from 'valibot'
import type * as schemas from './schemas'
import type { Fen, LocalDate } from '@/core/shared/units'

export type PaymentChannel = (typeof schemas.paymentChannels)[number]
export type LedgerKind = (typeof schemas.ledgerKinds)[number]
export type StatusReason = (typeof schemas.statusReasons)[number]
export type Violation = (typeof schemas.violations)[number]
export type DunningStep = (typeof schemas.dunningSteps)[number]
export type DisputeStatus = (typeof schemas.disputeStatuses)[number]
export type NoticeKind = (typeof schemas.noticeKinds)[number]
export type NoticeChannel = (typeof schemas.noticeChannels)[number]

export type LedgerEntry = v.InferOutput<typeof schemas.ledgerEntrySchema>
export type LedgerDetail = v.InferOutput<typeof schemas.ledgerDetailSchema>
export type LateFeeSegment = v.InferOutput<typeof schemas.lateFeeSegmentSchema>
export type Plan = v.InferOutput<typeof schemas.planSchema>
export type SubscriberAgent = v.InferOutput<typeof schemas.subscriberAgentSchema>
export type Agreement = v.InferOutput<typeof schemas.agreementSchema>
export type StatusChange = v.InferOutput<typeof schemas.statusChangeSchema>
export type DunningEvent = v.InferOutput<typeof schemas.dunningEventSchema>
export type Outage = v.InferOutput<typeof schemas.outageSchema>
export type Dispute = v.InferOutput<typeof schemas.disputeSchema>
export type BroadbandNotice = v.InferOutput<typeof schemas.broadbandNoticeSchema>
export type Objection = v.InferOutput<typeof schemas.objectionSchema>
export type DuplicateReview = v.InferOutput<typeof schemas.duplicateReviewSchema>

/** A stored record with its id: events are ordered by `(at, id)`, so every device folds them alike. */
export interface WithId<T> {
  id: string
  record: T
}

/** A ledger entry with its id. */
export type LedgerLine = WithId<LedgerEntry>

/** A debit still (partly) unpaid on a day, once credits are allocated oldest due first (ledger-fold.ts). */
export interface OpenItem {
  entryId: string
  kind: 'charge' | 'back-charge' | 'late-fee' | 'refund'
  /** When it fell due (a late fee or refund is due the day it was posted). */
  due: LocalDate
  amount: Fen
  outstanding: Fen
  month?: string
}
