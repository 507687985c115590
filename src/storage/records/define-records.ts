import type * as v from 'valibot'
import type { RecordKind } from '../sealed-repo'
import { claimRecordType, type RecordShape } from './registry'

/** A record kind with its schema (required here: every realm's record is checked when opened). */
export type SchemaKind<T extends object> = RecordKind<T> & { schema: v.GenericSchema<unknown, T> }
export type DefinedKind<T extends object, S extends RecordShape> = SchemaKind<T> & { shape: S }

function define<T extends object, S extends RecordShape>(shape: S, kind: SchemaKind<T>): DefinedKind<T, S> {
  claimRecordType(kind.type, kind.realm, shape)
  return { ...kind, shape }
}

/** Records edited in place, merged field by field when two devices edit one offline. */
export const defineMutable = <T extends object>(kind: SchemaKind<T>) => define('mutable', kind)
/** Events: written once, never changed or deleted (storage/append-only.ts). */
export const defineEvents = <T extends object>(kind: SchemaKind<T>) => define('events', kind)
/** One record per organisation, under a fixed id. */
export const defineSingleton = <T extends object>(kind: Omit<SchemaKind<T>, 'indexes'>) => define('singleton', kind)
