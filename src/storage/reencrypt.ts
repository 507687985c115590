import { blindIndex, type BlindField } from '@/crypto/blind-index'
import { envelopeVersion, open, seal, type Envelope } from '@/crypto/envelope'
import { isCryptoError } from '@/crypto/errors'
import { parseRealmKeyId } from '@/crypto/realm-keys'
import type { Clocked } from '@/core/sync/field-merge'
import { isAppendOnly } from './append-only'
import type { AuditAction } from './audit-events'
import type { LobbyDb } from './db'
import type { StoredEnvelope } from './documents'
import { LockedError, MissingRealmKeyError, type KeySource } from './key-source'
import type { LocalStore } from './local-store'

/** How far a realm's re-encryption has come: records under the newest key of `total`, and records that did not open. */
export interface ReencryptProgress {
  realm: string
  toKid: string
  done: number
  total: number
  skipped: number
  finished: boolean
}

export interface ReencryptOptions {
  /** Records read per batch; the cursor is saved after each. */
  batchSize?: number
  onProgress?: (progress: ReencryptProgress) => void
  /** Stops after the current batch (lock, leaving the page); the next run resumes from the saved cursor. */
  signal?: AbortSignal
}

/** Saved in device-local state after each batch, so a reload resumes where it stopped. */
interface ReencryptCursor {
  toKid: string
  fromEpoch: number
  /** the last record id handled (records are visited in id order) */
  after: string
  skipped: number
}

const cursorKey = (realm: string) => `reencrypt:${realm}`
const blindFields: readonly string[] = ['phone', 'idNumber', 'memberNo', 'accountNo', 'name'] satisfies BlindField[]

/**
 * The blind indexes of a re-sealed record under the newest index key. An index
 * is `field:mac`, and the indexed fields are record fields of the same name, so
 * the new index is computed from the decrypted value; an index whose field is
 * not in the body is kept as it was (lookups still search every epoch held).
 */
async function reindex(old: readonly string[] | undefined, body: Clocked, indexKey: CryptoKey | undefined): Promise<string[]> {
  if (!old?.length || !indexKey) return old ? [...old] : []
  const out = new Set<string>()
  for (const bi of old) {
    const field = bi.slice(0, bi.indexOf(':'))
    const value = body.fields[field]
    const fresh = blindFields.includes(field) && typeof value === 'string' ? await blindIndex(indexKey, field as BlindField, value) : undefined
    out.add(fresh ?? bi)
  }
  return [...out]
}

/**
 * CONF-9: after a rotation, re-seals every record of a realm still under an
 * older epoch (or, CONF-2, in envelope version 1) with the newest key (same id, body and field clocks, so nothing
 * merges differently), in batches, saving a cursor in device-local state after
 * each batch. Runs on any device holding the new key; records that arrive
 * later under an old key are caught by the next run.
 */
export function createReencryption(db: LobbyDb, local: LocalStore, keys: () => KeySource | undefined, audit: { append: (e: { action: AuditAction; by: string; detail?: string }) => Promise<unknown> }) {
  async function run(realm: string, fromEpoch: number, options: ReencryptOptions = {}): Promise<ReencryptProgress> {
    const s = keys()
    if (!s) throw new LockedError()
    const write = s.writeKey(realm)
    if (!write) throw new MissingRealmKeyError(realm)
    const newest = parseRealmKeyId(write.kid).epoch
    const saved = await local.get<ReencryptCursor>(cursorKey(realm))
    // A cursor for an older target (a second rotation since) starts over: every record must reach the newest key.
    const cursor: ReencryptCursor =
      saved && saved.toKid === write.kid ? saved : { toKid: write.kid, fromEpoch: Math.min(fromEpoch, saved?.fromEpoch ?? fromEpoch), after: '', skipped: 0 }
    await local.set(cursorKey(realm), cursor)

    const inRealm = (r: StoredEnvelope) => r.realm === realm && !r._deleted && !isAppendOnly(r.type)
    const total = await db.records.filter(inRealm).count()
    // Current: under the newest key and in the newest envelope version (which authenticates author and indexes).
    const current = (r: Envelope) => r.kid === write.kid && r.e === envelopeVersion
    let done = await db.records.filter((r) => inRealm(r) && current(r)).count()
    const progress = (finished: boolean): ReencryptProgress => ({ realm, toKid: write.kid, done, total, skipped: cursor.skipped, finished })
    options.onProgress?.(progress(false))

    for (;;) {
      if (options.signal?.aborted) return progress(false)
      const batch = await db.records.where('_id').above(cursor.after).filter(inRealm).limit(options.batchSize ?? 100).toArray()
      if (batch.length === 0) break
      for (const env of batch) {
        if (current(env) || !(env.kid === write.kid || older(env, newest))) continue
        let body: Clocked
        try {
          body = await open<Clocked>(env, s.lookup)
        } catch (e) {
          if (!isCryptoError(e)) throw e
          cursor.skipped++ // a key this user never held, or a damaged record: left as it is
          continue
        }
        const header = { _id: env._id, type: env.type, realm, kid: write.kid, v: env.v, by: s.userId, bi: await reindex(env.bi, body, s.indexKey(realm)) }
        const sealed = await seal(header, body, write.key)
        await db.transaction('rw', db.records, async () => {
          const now = await db.records.get(env._id)
          // Changed since it was read (an edit, or a change from another device): the next run looks at it again.
          if (!now || now._deleted || now.ct !== env.ct) return
          await db.records.put(now._rev ? { ...sealed, _rev: now._rev, _local: 1 } : { ...sealed, _local: 1 })
          done++
        })
      }
      cursor.after = batch.at(-1)!._id
      await local.set(cursorKey(realm), cursor)
      options.onProgress?.(progress(false))
    }
    await local.delete(cursorKey(realm))
    await audit.append({ action: 'key.reencrypt', by: s.userId, detail: `${realm} → ${write.kid}: ${done}/${total}, ${cursor.skipped} unreadable` })
    const last = progress(true)
    options.onProgress?.(last)
    return last
  }

  /** Re-encryptions started on this device and not finished (to resume after a reload). */
  async function pending(): Promise<{ realm: string; fromEpoch: number; toKid: string }[]> {
    const rows = await db.local.where('key').startsWith('reencrypt:').toArray()
    return rows.map((r) => {
      const c = r.value as ReencryptCursor
      return { realm: r.key.slice('reencrypt:'.length), fromEpoch: c.fromEpoch, toKid: c.toKid }
    })
  }

  return { run, pending }
}

function older(env: Envelope, newest: number): boolean {
  try {
    return parseRealmKeyId(env.kid).epoch < newest
  } catch {
    return false
  }
}

export type Reencryption = ReturnType<typeof createReencryption>
