import { reservedTypes } from '@/core/access/access-policy'
import { isAppendOnly } from '../append-only'

/** How a record type is kept: field-merged records, append-only events, or one record per organisation. */
export type RecordShape = 'mutable' | 'events' | 'singleton'

const claimed = new Map<string, { realm: string; shape: RecordShape }>()

/**
 * Claims a record type name for one realm, when it is defined. A device files every document it
 * pulls into a table by its type alone (the access policy's `clearDatabases`), and the server checks a type's
 * writers and append-only rule by name: a name two realms shared, or one of sync's own document
 * types (`org`, `keyring`, `audit`, …), would put one realm's records under another's rules.
 */
export function claimRecordType(type: string, realm: string, shape: RecordShape): void {
  if ((reservedTypes as readonly string[]).includes(type)) throw new Error(`record type "${type}" is reserved by sync (a document type of the clear databases)`)
  const prior = claimed.get(type)
  if (prior && prior.realm !== realm) throw new Error(`record type "${type}" is already used by realm "${prior.realm}"`)
  if (prior && prior.shape !== shape) throw new Error(`record type "${type}" is already defined as ${prior.shape}`)
  // The server refuses updates of append-only types (server/provision/rules.js): the two lists must agree.
  if (shape === 'events' && !isAppendOnly(type)) throw new Error(`${type} is not an append-only type (storage/append-only.ts)`)
  if (shape !== 'events' && isAppendOnly(type)) throw new Error(`${type} is append-only: define it as events`)
  claimed.set(type, { realm, shape })
}

/** Every type defined so far, with its realm and shape. */
export function definedRecordTypes(): ReadonlyMap<string, { realm: string; shape: RecordShape }> {
  return new Map(claimed)
}

/** The append-only (event) types defined in `realm`. */
export function eventTypesOf(realm: string): string[] {
  return [...claimed].filter(([, c]) => c.realm === realm && c.shape === 'events').map(([type]) => type)
}
