/**
 * The reception desk's records as runtime schemas (REC-1 … REC-7; issue 9 §2): types.ts infers each type from
 * these, and the records kit checks every body it opens against them. Checks only, no transforms.
 *
 * Where each lives (docs/architecture.md "Reception"): visits, their check-outs and approvals, the reception
 * settings and pre-registrations are sealed in the `desk` realm, which front desk, leads and managers hold;
 * host notices and acknowledgements go through the `inbox` realm every staff role holds, their bodies sealed to
 * the people they are for; incidents are a manager's record.
 */
import * as v from 'valibot'
import { bilingualSchema, fenSchema, instantSchema, localDateSchema } from '@/core/shared/unit-schemas'

/** REC-2: how a visitor of a category is received. `applicant`: job applicants (HR hosts; no badge). */
export const receptionLevels = ['high', 'normal', 'low', 'refuse', 'applicant'] as const
/** REC-2: what a visitor is offered. */
export const hospitalities = ['coffee-drinks-tea', 'water', 'none'] as const
/** REC-2: who receives the visitor. */
export const receivers = ['host-with-department', 'host-or-colleague', 'host', 'hr', 'front-desk'] as const

/** A place visitors are received in; `restricted` (REC-5, the teaching/academic area) needs the principal's approval. */
export const receptionPlaceSchema = v.object({
  id: v.string(),
  name: bilingualSchema,
  restricted: v.boolean(),
})

/** One row of the REC-2 table: a category and what it suggests. Managers edit the table; ids stay. */
export const visitorCategorySchema = v.object({
  id: v.string(),
  name: bilingualSchema,
  level: v.picklist(receptionLevels),
  /** A `receptionPlaceSchema` id. */
  place: v.string(),
  hospitality: v.picklist(hospitalities),
  receivedBy: v.picklist(receivers),
  /** Retired by a manager: not offered for new visits, still shown on old ones. */
  retired: v.optional(v.boolean()),
})

/** REC-7: one step of a ladder: what happens, and the fine due at it (0 when none). */
export const ladderStepSchema = v.object({
  actions: v.array(v.picklist(['education', 'verbal-warning', 'written-warning', 'fine'])),
  fine: fenSchema,
})

export const incidentKinds = ['improper-reception', 'no-badge'] as const

export const receptionSettingsSchema = v.object({
  categories: v.array(visitorCategorySchema),
  places: v.array(receptionPlaceSchema),
  /** REC-3: minutes a host has to acknowledge before the desk is reminded to chase (default 5). */
  ackMinutes: v.number(),
  /** REC-7: the ladder of each incident kind, step 1 first, counted per calendar year. */
  ladders: v.object({ 'improper-reception': v.array(ladderStepSchema), 'no-badge': v.array(ladderStepSchema) }),
})

/** What the category suggested, when the desk chose otherwise (REC-2: with a reason, audited). */
export const receptionChoiceSchema = v.object({
  level: v.picklist(receptionLevels),
  place: v.string(),
  hospitality: v.picklist(hospitalities),
  receivedBy: v.picklist(receivers),
})

/** REC-4: a badge, or why there is none. */
export const badgeSchema = v.variant('issued', [
  v.object({ issued: v.literal(true), serial: v.string(), expiresAt: instantSchema }),
  v.object({ issued: v.literal(false), why: v.picklist(['high-level', 'applicant', 'refused', 'needs-approval']) }),
])

/**
 * REC-1: a visit, registered once (an event: written once, never changed). What happens later is its own
 * event: the check-out, the principal's approval, an incident.
 */
export const visitSchema = v.object({
  /** The visitor's directory record (found by phone, or made at registration). */
  personId: v.string(),
  /** The name as the visitor gave it (the badge shows it). */
  name: v.string(),
  organisation: v.optional(v.string()),
  category: v.string(),
  purpose: v.string(),
  /** The staff member visited (a user id of the staff directory). */
  hostId: v.string(),
  appointment: v.optional(v.object({ at: v.optional(instantSchema), note: v.optional(v.string()) })),
  /** REC-2 as decided: the suggestion, or the desk's change of it. */
  reception: receptionChoiceSchema,
  /** Set when the desk changed the suggestion: what was suggested and why it changed. */
  changed: v.optional(v.object({ suggested: receptionChoiceSchema, reason: v.string() })),
  /** Job applicants: which interview (REC-2). */
  interview: v.optional(v.picklist([1, 2])),
  /** REC-2: a refused visitor is recorded, not admitted. */
  refused: v.optional(v.object({ reason: v.string() })),
  badge: badgeSchema,
  /** The pre-registration this visit fulfils. */
  expectedId: v.optional(v.string()),
  /** REC-3: the notice sent to the host with the visit (its acknowledgement is looked up by this id). */
  noticeId: v.optional(v.string()),
  at: instantSchema,
  /** The organisation-local date of `at` (the `day` slice index). */
  day: localDateSchema,
  deviceId: v.string(),
  by: v.string(),
})

/** REC-6: a visit ends. `closing`: closed the next morning, never silently (`note` says so). */
export const visitCheckOutSchema = v.object({
  visitId: v.string(),
  at: instantSchema,
  day: localDateSchema,
  how: v.picklist(['badge', 'hand', 'closing']),
  note: v.optional(v.string()),
  deviceId: v.string(),
  by: v.string(),
})

/** REC-5: the principal's approval for a restricted place, recorded on the visit: who, when, from which device. */
export const visitApprovalSchema = v.object({
  visitId: v.string(),
  place: v.string(),
  approvedBy: v.string(),
  at: instantSchema,
  deviceId: v.string(),
})

/** REC-1: a visitor a host expects on a day; the desk checks one in with one tap. */
export const expectedVisitSchema = v.object({
  day: localDateSchema,
  name: v.string(),
  phone: v.optional(v.string()),
  organisation: v.optional(v.string()),
  category: v.string(),
  purpose: v.string(),
  hostId: v.string(),
  appointmentAt: v.optional(instantSchema),
  by: v.string(),
  at: instantSchema,
  /** Set once the visitor came (the visit's id) or the host called it off. */
  arrivedVisitId: v.optional(v.string()),
  cancelled: v.optional(v.boolean()),
})

/** REC-7: an incident recorded against a staff member. */
export const incidentSchema = v.object({
  kind: v.picklist(incidentKinds),
  /** The staff member responsible (the host, for a visitor seen without a badge). */
  staffId: v.string(),
  visitId: v.optional(v.string()),
  note: v.string(),
  at: instantSchema,
  day: localDateSchema,
  by: v.string(),
  deviceId: v.string(),
})
