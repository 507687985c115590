import * as schemas from '@/core/reception/schemas'
import { defineEvents, defineMutable, defineSingleton, eventRecords, mutableRecords, singletonRecord } from '@/storage/records'
import type { RepoContext } from '@/storage/sealed-repo'

// The reception desk's record types, in the `desk` realm front desk, leads and managers hold (docs/architecture.md
// "Reception"), defined once, each with the slice indexes it is read by ("Reading a slice"): the desk reads a day,
// never the realm.
const desk = { realm: 'desk', version: 1 } as const
const kinds = {
  settings: defineSingleton({ ...desk, type: 'reception-settings', schema: schemas.receptionSettingsSchema }),
  // `parent`: the visitor's person, so a returning visitor's last visit is found by phone → person → visits.
  visit: defineEvents({ ...desk, type: 'visit', schema: schemas.visitSchema, indexes: (v) => ({ parent: v.personId, day: v.day }) }),
  checkOut: defineEvents({ ...desk, type: 'visit-checkout', schema: schemas.visitCheckOutSchema, indexes: (c) => ({ parent: c.visitId, day: c.day }) }),
  approval: defineEvents({ ...desk, type: 'visit-approval', schema: schemas.visitApprovalSchema, indexes: (a) => ({ parent: a.visitId }) }),
  // Mutable: marked arrived (or called off) when the visitor comes.
  expected: defineMutable({ ...desk, type: 'expected-visit', schema: schemas.expectedVisitSchema, indexes: (e) => ({ day: e.day }) }),
}

/**
 * Everything the reception desk keeps, sealed in the `desk` realm (REC-1 … REC-6), built on the session's record context.
 * REC-7 incidents are not here: every desk user holds this realm's key, and an incident is for managers and the person
 * concerned only (storage/incidents.repo.ts).
 */
export function createReceptionRecords(ctx: RepoContext) {
  return {
    settings: singletonRecord(ctx, kinds.settings),
    visits: eventRecords(ctx, kinds.visit),
    checkOuts: eventRecords(ctx, kinds.checkOut),
    approvals: eventRecords(ctx, kinds.approval),
    expected: mutableRecords(ctx, kinds.expected),
  }
}

export type ReceptionRecords = ReturnType<typeof createReceptionRecords>
