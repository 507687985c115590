/**
 * The reception domain's data (SPEC REC-1 … REC-7), inferred from schemas.ts. Plain data, decided on by the
 * pure functions next to this file. Instants are epoch milliseconds; days are organisation-local dates.
 */
import type * as v from 'valibot'
import type * as schemas from './schemas'

export type ReceptionLevel = (typeof schemas.receptionLevels)[number]
export type Hospitality = (typeof schemas.hospitalities)[number]
export type Receiver = (typeof schemas.receivers)[number]
export type IncidentKind = (typeof schemas.incidentKinds)[number]

export type ReceptionPlace = v.InferOutput<typeof schemas.receptionPlaceSchema>
export type VisitorCategory = v.InferOutput<typeof schemas.visitorCategorySchema>
export type LadderStep = v.InferOutput<typeof schemas.ladderStepSchema>
export type ReceptionSettings = v.InferOutput<typeof schemas.receptionSettingsSchema>
export type ReceptionChoice = v.InferOutput<typeof schemas.receptionChoiceSchema>
export type Badge = v.InferOutput<typeof schemas.badgeSchema>
export type Visit = v.InferOutput<typeof schemas.visitSchema>
export type VisitCheckOut = v.InferOutput<typeof schemas.visitCheckOutSchema>
export type VisitApproval = v.InferOutput<typeof schemas.visitApprovalSchema>
export type ExpectedVisit = v.InferOutput<typeof schemas.expectedVisitSchema>
export type Incident = v.InferOutput<typeof schemas.incidentSchema>
