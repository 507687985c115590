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

/**
 * Records of a personal realm (`tech:<userId>`, access-policy.js `personalRealms`): one definition claims the type
 * for every realm of that kind (`tech:*`), and gives the kind of one user's realm. Mutable only: what staff write
 * into someone's own database is taken back or deleted there (a technician's job is deleted when it is closed).
 */
export function definePersonalMutable<T extends object>(kind: Omit<SchemaKind<T>, 'realm'> & { personal: 'tech' | 'member' }) {
  const { personal, ...rest } = kind
  claimRecordType(rest.type, `${personal}:*`, 'mutable')
  return (userId: string): DefinedKind<T, 'mutable'> => ({ ...rest, realm: `${personal}:${userId}`, shape: 'mutable' })
}
