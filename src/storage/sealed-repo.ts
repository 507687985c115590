import { blindIndex, blindIndexes, normaliseBlind, type BlindField, type SliceField } from '@/crypto/blind-index'
import { inGroups, writeSealed, type SealedBatch } from './sealed-batch'
import { fromUtf8, randomId } from '@/crypto/bytes'
import { additionalData, open, seal, type Envelope } from '@/crypto/envelope'
import { isCryptoError } from '@/crypto/errors'
import { stampChanges, type Clocked } from '@/core/sync/field-merge'
import * as v from 'valibot'
import type { LobbyDb } from './db'
import { recordsOfType } from './records-of-type'
import type { StoredEnvelope } from './documents'
import { LockedError, MissingRealmKeyError, type KeySource } from './key-source'
import { createLruCache, type LruCache } from './lru-cache'
import { createLocalSlices, type ReindexOptions, type ReindexResult } from './slice-index'

/** Opened records a repository keeps for the session unless its kind says otherwise: the last few hours' members at a desk. */
export const defaultKeptOpen = 250

/** How one record type is sealed: its realm, schema version, blind-indexed fields and migrations. */
export interface RecordKind<T> {
  type: string
  realm: string
  version: number
  /** Blind-indexed values: look-up fields, and the slice fields `parent` and `day` (docs/architecture.md "Reading a slice"). */
  indexes?: (record: T) => Partial<Record<BlindField, string>>
  /** Brings an older stored body up to `version`; called on read, the next write stores the new shape. */
  migrate?: (body: unknown, fromVersion: number) => T
  /**
   * What an opened body must look like (after `migrate`): one that does not is quarantined, never
   * returned. A check, not a conversion: the body itself is returned, so it must not transform.
   */
  schema?: v.GenericSchema<unknown, T>
  /** How many opened records the session keeps (least recently used go first); `defaultKeptOpen` when absent. */
  keptOpen?: number
}

/** A body that opened but is not a valid record of its kind (schema check failed). */
export class InvalidRecordError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'InvalidRecordError'
  }
}

/** What a write changed, for the audit log (CONF-6). */
export interface RecordChange {
  action: 'create' | 'change' | 'delete'
  type: string
  id: string
}

export interface Stored<T> {
  id: string
  record: T
}

/** Where field clocks come from: the device's hybrid logical clock. */
export interface RepoClock {
  next(): Promise<string>
  /** `n` clocks in order, saved once (a bulk write); without it a bulk write takes them one by one. */
  nextMany?(n: number): Promise<string[]>
}

export interface RepoEvents {
  /** Called after a write so the caller can audit it (CONF-6). */
  onWrite?: (change: RecordChange) => Promise<void>
  /** Writes rows and audits their changes in one transaction: all or nothing (see audit-log.ts appendAll). */
  writeAll?: (rows: StoredEnvelope[], changes: RecordChange[]) => Promise<void>
  /** A stored record that opened but failed its schema: kept aside and audited (like CONF-2's incoming documents). */
  onInvalid?: (row: StoredEnvelope, reason: string) => Promise<void>
}

/**
 * A repository over sealed envelopes: takes and returns plain objects, and
 * never lets a plaintext field reach IndexedDB (CONF-1). Lookups by phone, ID
 * number or member number go through truncated blind indexes, so candidates
 * are decrypted and confirmed before they are returned.
 */
/** What every repository needs: the database, the session's keys (none while locked), the clock and the audit hook. */
export interface RepoContext {
  db: LobbyDb
  keys: () => KeySource | undefined
  clock: RepoClock
  events?: RepoEvents
}

export function createSealedRepo<T extends object>({ db, keys, clock, events = {} }: RepoContext, kind: RecordKind<T>) {
  function session(): KeySource {
    const k = keys()
    if (!k) throw new LockedError()
    return k
  }

  /** The stored body: fields plus the clock of each field's last change (for conflict merges). */
  async function openClocked(env: Envelope): Promise<Clocked> {
    return open<Clocked>(env, session().lookup)
  }

  // Lists are read again (the check-in page after each sync round): a ciphertext read again is not opened again,
  // while it is among the `keptOpen` records last used. Bounded, so a desk scanning member after member all
  // evening holds a flat heap. Keyed by the session's key source, so locking (which drops it) drops the
  // plaintext with it.
  const opened = new WeakMap<KeySource, LruCache<string, T | InvalidRecordError>>()
  const keptOpen = kind.keptOpen ?? defaultKeptOpen

  async function decode(env: Envelope): Promise<T> {
    const s = session()
    const cache = opened.get(s) ?? opened.set(s, createLruCache(keptOpen)).get(s)!
    // The whole authenticated header is in the key (author and blind indexes too, envelope version 2): a ciphertext
    // moved to another record, re-attributed or re-indexed must be opened (and fail) again.
    const key = `${fromUtf8(additionalData(env))}|${env.ct}`
    const hit = cache.get(key)
    if (hit instanceof InvalidRecordError) throw hit
    if (hit) return { ...hit }
    let record: T
    try {
      record = await decodeUncached(env)
    } catch (e) {
      if (!(e instanceof InvalidRecordError)) throw e
      cache.set(key, e)
      await events.onInvalid?.(env, e.reason)
      throw e
    }
    cache.set(key, record)
    return { ...record }
  }

  /** The record, or undefined when its body failed the schema (quarantined by `decode`). */
  async function decodeValid(env: Envelope): Promise<T | undefined> {
    try {
      return await decode(env)
    } catch (e) {
      if (e instanceof InvalidRecordError) return undefined
      throw e
    }
  }

  function check(body: T): T {
    if (!kind.schema) return body
    const result = v.safeParse(kind.schema, body)
    if (result.success) return body
    const reason = result.issues.map((i) => `${v.getDotPath(i) ?? '(record)'}: ${i.message}`).join('; ')
    throw new InvalidRecordError(`${kind.type} v${kind.version}: ${reason}`)
  }

  async function decodeUncached(env: Envelope): Promise<T> {
    const { fields } = await openClocked(env)
    // Deleted fields are kept as null with their clock, so a merge cannot resurrect them.
    const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null))
    if (env.v === kind.version) return check(present as T)
    if (!kind.migrate) throw new Error(`${kind.type} v${env.v} has no migration to v${kind.version}`)
    // Migration first: the schema describes the current version only.
    return check(kind.migrate(present, env.v))
  }

  /** Seals one record into the row to store: all the WebCrypto work of a write, none of the writing. */
  async function prepare(record: T, id?: string, stamp?: string): Promise<{ row: StoredEnvelope; change: RecordChange }> {
    // What would be quarantined on read is refused on write: a bug shows at once, not as a record gone missing.
    check(record)
    const s = session()
    const writeKey = s.writeKey(kind.realm)
    if (!writeKey) throw new MissingRealmKeyError(kind.realm)
    const indexKey = s.indexKey(kind.realm)
    const bi = kind.indexes && indexKey ? await blindIndexes(indexKey, kind.indexes(record)) : []
    // Typed prefix: CouchDB refuses ids that start with `_`, which a bare random base64url id sometimes does.
    const _id = id ?? `${kind.type}:${randomId()}`
    const existing = id ? await db.records.get(id) : undefined
    // A tombstone (deleted, synced) has no body: the record made again over it starts afresh, a child of the deletion.
    const before = existing && !existing._deleted && existing.v === kind.version ? await openClocked(existing) : undefined
    const body = stampChanges(before, record as Record<string, unknown>, stamp ?? (await clock.next()))
    const header = { _id, type: kind.type, realm: kind.realm, kid: writeKey.kid, v: kind.version, by: s.userId, bi }
    const env = await seal(header, body, writeKey.key)
    // `_rev` stays the revision this edit was based on: replication turns a stale base into a conflict to merge.
    const row: StoredEnvelope = existing?._rev ? { ...env, _rev: existing._rev, _local: 1 } : { ...env, _local: 1 }
    return { row, change: { action: existing ? 'change' : 'create', type: kind.type, id: _id } }
  }

  async function put(record: T, id?: string): Promise<string> {
    const { row, change } = await prepare(record, id)
    // With its audit entry in one transaction (CONF-6): both land or neither, and a check-in waits on one write, not two.
    if (events.writeAll) return (await events.writeAll([row], [change]), change.id)
    await db.records.put(row)
    await events.onWrite?.(change)
    return change.id
  }

  /** `n` field clocks in order: at once where the clock can, else one by one (never in parallel, which could reorder them). */
  async function clocksFor(n: number): Promise<string[]> {
    if (clock.nextMany) return clock.nextMany(n)
    const stamps: string[] = []
    for (let i = 0; i < n; i++) stamps.push(await clock.next())
    return stamps
  }

  /**
   * Writes many records and their audit entries in one transaction: all land or none does (a full
   * disk mid-import leaves nothing half-written). Everything is sealed before the transaction opens.
   */
  async function putMany(items: readonly { record: T; id?: string }[]): Promise<string[]> {
    const batch = await sealMany(items)
    await writeSealed({ db, events }, [batch])
    return batch.changes.map((c) => c.id)
  }

  /**
   * Seals records without writing them, for `writeSealed` to write with another type's in one transaction (a
   * transfer's termination and its new agreement). Every record is checked before a clock is taken or a byte
   * sealed: a bad one refuses the whole write.
   */
  async function sealMany(items: readonly { record: T; id?: string }[]): Promise<SealedBatch> {
    for (const { record } of items) check(record)
    // The clocks are taken in the items' order first (saved once), so sealing in parallel cannot reorder them.
    const stamps = await clocksFor(items.length)
    const prepared = await inGroups(items, ({ record, id }, i) => prepare(record, id, stamps[i]))
    return { rows: prepared.map((p) => p.row), changes: prepared.map((p) => p.change) }
  }

  async function get(id: string): Promise<T | undefined> {
    const env = await db.records.get(id)
    if (!env || env._deleted || env.type !== kind.type) return undefined
    return decodeValid(env)
  }

  async function list(): Promise<Stored<T>[]> {
    session()
    const envs = (await recordsOfType(db, kind.type).toArray()).filter((e) => e.realm === kind.realm && !e._deleted)
    const records = await inGroups(envs, (env) => decodeValid(env))
    const out: Stored<T>[] = []
    records.forEach((record, i) => record && out.push({ id: envs[i]!._id, record }))
    return out
  }

  /** The blind values of `value` under each index key of the realm (CONF-9: older epochs too, until re-encrypted). */
  async function blindValues(field: BlindField, value: string): Promise<string[]> {
    const s = session()
    const newest = s.indexKey(kind.realm)
    const indexKeys = s.indexKeys?.(kind.realm) ?? (newest ? [newest] : [])
    if (indexKeys.length === 0 || !kind.indexes) return []
    return (await Promise.all(indexKeys.map((k) => blindIndex(k, field, value)))).filter((b): b is string => b !== undefined)
  }

  /** Opens the candidates of this type and realm, keeping those that `match` (the full value, not its truncated index). */
  async function openMatching(candidates: Iterable<StoredEnvelope | undefined>, match: (record: T) => boolean): Promise<Stored<T>[]> {
    const matches: Stored<T>[] = []
    for (const env of candidates) {
      if (!env || env._deleted || env.type !== kind.type || env.realm !== kind.realm) continue
      let record: T | undefined
      try {
        record = await decodeValid(env)
      } catch (e) {
        if (isCryptoError(e)) continue // an envelope we cannot open is never a match (issue 4 quarantines it)
        throw e
      }
      if (record && match(record)) matches.push({ id: env._id, record })
    }
    return matches
  }

  /** Records whose `field` equals `value` after normalisation; blind-index collisions are dropped. */
  async function findBy(field: BlindField, value: string): Promise<Stored<T>[]> {
    const bis = await blindValues(field, value)
    if (bis.length === 0) return []
    const candidates = new Map((await db.records.where('bi').anyOf(bis).distinct().toArray()).map((e) => [e._id, e]))
    if (field === 'parent' || field === 'day') {
      // Records sealed before their kind declared slice indexes: this device indexed them itself (slice-index.ts).
      const more = (await localSlices.idsFor(bis)).filter((id) => !candidates.has(id))
      if (more.length) for (const env of await db.records.bulkGet(more)) if (env) candidates.set(env._id, env)
    }
    return openMatching(candidates.values(), (record) => holds(record, field, value))
  }

  /** Ids (keys only, nothing read) of the records in a slice: by their own blind index or this device's entries. */
  async function sliceIds(field: SliceField, value: string): Promise<Set<string>> {
    const bis = await blindValues(field, value)
    if (bis.length === 0) return new Set()
    const [own, local] = await Promise.all([db.records.where('bi').anyOf(bis).primaryKeys(), localSlices.idsFor(bis)])
    return new Set([...own, ...local])
  }

  /**
   * Records in both slices, e.g. one member's visits of one day: the two slices are intersected on keys, so a busy
   * day's other visits are neither read nor opened.
   */
  async function ofParentOnDay(parent: string, day: string): Promise<Stored<T>[]> {
    const match = (record: T) => holds(record, 'parent', parent) && holds(record, 'day', day)
    await whenIndexed()
    const [ofParent, ofDay] = await Promise.all([sliceIds('parent', parent), sliceIds('day', day)])
    const both = [...ofParent].filter((id) => ofDay.has(id))
    // Most members have no visit yet today, and a check-out is rarer still: nothing to read then.
    return both.length ? openMatching(await db.records.bulkGet(both), match) : []
  }

  function holds(record: T, field: BlindField, value: string): boolean {
    const own = kind.indexes?.(record)[field]
    return own !== undefined && normaliseBlind(field, own) === normaliseBlind(field, value)
  }

  const localSlices = createLocalSlices(db, kind.type, kind.realm)

  /**
   * Records whose slice field (`parent`, `day`) is `value`, opening only the candidates. The first on a device
   * waits for the type's re-index (`reindex`) to have run once: it opens only the records sealed without slice
   * indexes (none, when all came from this version), where reading every record of the type instead took 36 s
   * for a first scan among 200,000 visits.
   */
  async function slice(field: SliceField, value: string): Promise<Stored<T>[]> {
    await whenIndexed()
    return findBy(field, value)
  }

  // One re-index run of this type at a time: a slice read waits for the one in flight (the page's background
  // run, or another read's) and starts one only when none has finished on this device.
  let reindexing: Promise<ReindexResult> | undefined
  async function whenIndexed(): Promise<void> {
    while (!(await localSlices.ready())) {
      if (reindexing) await reindexing.catch(() => undefined)
      else await reindex()
    }
  }

  /** The resumable pass giving records sealed without slice indexes their device-local entries (slice-index.ts). */
  async function reindex(options?: ReindexOptions): Promise<ReindexResult> {
    while (reindexing) await reindexing.catch(() => undefined)
    const run = reindexOnce(options)
    reindexing = run
    try {
      return await run
    } finally {
      if (reindexing === run) reindexing = undefined
    }
  }

  async function reindexOnce(options?: ReindexOptions): Promise<ReindexResult> {
    session()
    const slicesOf = async (env: Envelope): Promise<string[] | undefined> => {
      const indexKey = session().indexKey(kind.realm)
      if (!indexKey || !kind.indexes) return undefined
      let record: T
      try {
        record = await decode(env)
      } catch (e) {
        if (isCryptoError(e)) return undefined // not openable by this session: never read either; tried again later
        throw e
      }
      const { parent, day } = kind.indexes(record)
      return blindIndexes(indexKey, { parent, day })
    }
    return localSlices.run(slicesOf, options)
  }

  async function remove(id: string): Promise<void> {
    const s = session()
    const existing = await db.records.get(id)
    if (!existing) return
    // Never synced: just forget it. Synced: keep a tombstone until replication has carried the deletion.
    if (!existing._rev) await db.records.delete(id)
    else await db.records.put({ ...existing, by: s.userId, ct: '', bi: [], _deleted: true, _local: 1 })
    await events.onWrite?.({ action: 'delete', type: kind.type, id })
  }

  /**
   * Rows of this type the caller read itself (one transaction across types: desk-records.repo.ts `memberSlices`),
   * opened; kept when their own slice fields hold the values asked (a truncated blind index also matches others).
   */
  function openRows(rows: Iterable<StoredEnvelope | undefined>, where: { parent?: ReadonlySet<string>; day?: string }): Promise<Stored<T>[]> {
    return openMatching(rows, (record) => {
      if (where.parent && ![...where.parent].some((parent) => holds(record, 'parent', parent))) return false
      return where.day === undefined || holds(record, 'day', where.day)
    })
  }

  /** Whether slice reads of this type go by the records' own indexes alone: re-indexed here, with no device-local entries. */
  async function ownIndexesOnly(): Promise<boolean> {
    return (await localSlices.ready()) && !(await localSlices.anyEntries())
  }

  return {
    put, putMany, sealMany, get, list, findBy, remove, reindex, blindValues, openRows, ownIndexesOnly,
    /** Whether a re-index run has finished on this device (slice reads wait for one until then). */
    indexed: () => localSlices.ready(),
    byParent: (id: string) => slice('parent', id),
    onDay: (date: string) => slice('day', date),
    ofParentOnDay,
  }
}

export type SealedRepo<T extends object> = ReturnType<typeof createSealedRepo<T>>


