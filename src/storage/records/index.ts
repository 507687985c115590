/** The realm records kit (docs/architecture.md "Records"): define a realm's types once, then build its repositories. */
export { defineEvents, defineMutable, definePersonalMutable, defineSingleton, type DefinedKind } from './define-records'
export { eventRecords } from './events'
export { mutableRecords } from './mutable'
export { singletonRecord } from './singleton'
export { definedRecordTypes, eventTypesOf } from './registry'
export { writeSealed, type SealedBatch } from '../sealed-batch'
export { unsyncedIds } from './unsynced'
