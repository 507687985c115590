/**
 * The membership records as runtime schemas (issue 9 §2): types.ts infers each record type from
 * these, and the records kit checks every body it opens against them (a body that fails is
 * quarantined, never decided on). Checks only: no schema here transforms what it reads.
 */
import * as v from 'valibot'
import { bilingualSchema, fenSchema, instantSchema, localDateSchema, localTimeSchema } from '@/core/shared/unit-schemas'

export const terms = ['month', 'halfYear', 'year'] as const
export const paymentMethods = ['cash', 'card', 'transfer'] as const

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
  /** REC-4: a visitor's badge, scanned at the member check-in: visitors check out at reception. */
  'visitor-badge',
] as const

export { bilingualSchema }

export const openingWindowSchema = v.object({
  weekday: v.picklist([1, 2, 3, 4, 5, 6, 7]),
  from: localTimeSchema,
  to: localTimeSchema,
})

export const tierSchema = v.object({
  id: v.string(),
  name: bilingualSchema,
  /** Listed price per term: what is charged (MEM-1). */
  prices: v.object({ month: fenSchema, halfYear: fenSchema, year: fenSchema } satisfies Record<(typeof terms)[number], unknown>),
  /** Held as a liability while the membership lasts (MEM-6); 0 when the tier takes none. */
  deposit: fenSchema,
  /** Service contribution owed per calendar month, in hours (MEM-5); 0 when none. */
  serviceHoursPerMonth: v.number(),
  /** At most this many members of the tier at once (MEM-4); absent = no cap. */
  cap: v.optional(v.number()),
  perks: bilingualSchema,
  /** MEM-2: the weekly opening pattern. */
  hours: v.array(openingWindowSchema),
  /** Higher ranks are upgrades of lower ones (ordinary 1 → VIP 2). */
  rank: v.number(),
})

export const calendarOverrideSchema = v.object({
  id: v.string(),
  from: localDateSchema,
  to: localDateSchema,
  tiers: v.optional(v.array(v.string())),
  closed: v.boolean(),
  /** When not closed: the opening windows of each date in the range. */
  hours: v.optional(v.array(v.object({ from: localTimeSchema, to: localTimeSchema }))),
  note: v.string(),
})

export const membershipSettingsSchema = v.object({
  tiers: v.array(tierSchema),
  overrides: v.array(calendarOverrideSchema),
  /** IANA zone the opening hours and dates are in (SPEC: Asia/Shanghai). */
  timeZone: v.string(),
  /** MEM-10: points earned per full 1.00 (100 fen) of fees paid. */
  pointsPerYuan: v.number(),
  /** MEM-7: the desk's "ending soon" list looks this many days ahead. */
  expiringWithinDays: v.number(),
  /**
   * MEM-8: days a card signed by a retired card key is still admitted (with a
   * prompt to reissue it) after the rotation. Absent in settings saved before
   * card key epochs: `defaultCardGraceDays` (card-epoch.ts).
   */
  cardGraceDays: v.optional(v.number()),
})

const paymentMethodSchema = v.picklist(paymentMethods)
const paid = { memberId: v.string(), at: instantSchema, method: paymentMethodSchema, receiptNo: v.string(), by: v.string() }

export const ledgerEntrySchema = v.variant('kind', [
  v.object({
    kind: v.literal('fee'),
    ...paid,
    tierId: v.string(),
    term: v.picklist(terms),
    /** The tier's listed price when paid (a later price change never touches it). */
    listed: fenSchema,
    /** Credited from the remaining term of the tier upgraded from (MEM-1/MEM-4 upgrade). */
    credit: fenSchema,
    /** What was taken: listed − credit. */
    amount: fenSchema,
    /** The term this fee pays for, as decided when it was taken. */
    start: localDateSchema,
    end: localDateSchema,
  }),
  v.object({ kind: v.literal('deposit'), ...paid, tierId: v.string(), amount: fenSchema }),
  // `refunded`: what went back to the member; `kept`: what the space kept, with the reason (MEM-6).
  v.object({ kind: v.literal('deposit-return'), ...paid, refunded: fenSchema, kept: fenSchema, reason: v.string() }),
])

export const memberSchema = v.object({
  personId: v.string(),
  /** What the member and desk type: short, unambiguous (see `member-number.ts`). */
  memberNo: v.string(),
  /** MEM-8: one card at a time; a reissue raises the serial, so older cards read as revoked. */
  cardSerial: v.number(),
  /** Suspended memberships are refused at check-in (MEM-3). */
  suspended: v.optional(v.object({ reason: v.string(), at: instantSchema })),
  createdAt: instantSchema,
})

export const blacklistEventSchema = v.object({
  memberId: v.string(),
  action: v.picklist(['add', 'lift']),
  reason: v.string(),
  at: instantSchema,
  by: v.string(),
})

export const checkInSchema = v.object({
  memberId: v.string(),
  at: instantSchema,
  deviceId: v.string(),
  by: v.string(),
  /** When staff admitted despite a refusal: the refusal overridden and why (audited). */
  override: v.optional(v.object({ refusal: v.picklist(refusalReasons), reason: v.string() })),
  /** The organisation-local date of `at`, kept so the desk reads one day's visits by it (absent on older visits). */
  day: v.optional(localDateSchema),
})

export const checkOutSchema = v.object({
  checkInId: v.string(),
  memberId: v.string(),
  at: instantSchema,
  by: v.string(),
  /** The organisation-local date of `at` (absent on older check-outs). */
  day: v.optional(localDateSchema),
})

export const serviceLogSchema = v.object({ memberId: v.string(), date: localDateSchema, hours: v.number(), note: v.string(), by: v.string() })

export const waitlistEntrySchema = v.object({
  personId: v.string(),
  tierId: v.string(),
  at: instantSchema,
  note: v.string(),
  /** Set when the person was enrolled or gave up: the entry leaves the list. */
  closed: v.optional(v.object({ at: instantSchema, outcome: v.picklist(['enrolled', 'withdrawn']) })),
})

/** Duplicate check-ins (two offline tablets) a person at the desk has looked at. */
export const checkInReviewSchema = v.object({ checkInIds: v.array(v.string()), at: instantSchema, by: v.string() })

const jwkSchema = v.custom<JsonWebKey>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'not a JSON web key')

/** MEM-8: the organisation's member-card signing key of one epoch. */
export const cardKeySchema = v.object({
  orgId: v.string(),
  privateJwk: jwkSchema,
  publicJwk: jwkSchema,
  createdAt: instantSchema,
  epoch: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
})
