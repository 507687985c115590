import type {
  BlacklistEvent,
  CheckIn,
  CheckOut,
  LedgerEntry,
  Member,
  MembershipSettings,
  ServiceLog,
  WaitlistEntry,
} from '@/core/membership/types'
import { isCryptoError } from '@/crypto/errors'
import { isAppendOnly } from './append-only'
import { createSealedRepo, type RecordKind, type RepoContext, type Stored } from './sealed-repo'
import type { ReindexOptions } from './slice-index'

/** The organisation's member-card signing key (MEM-8): the desk signs cards offline; anyone at the desk verifies them. */
export interface CardKey {
  orgId: string
  privateJwk: JsonWebKey
  publicJwk: JsonWebKey
  createdAt: number
  /** Raised on every rotation (card-key-rotation.ts); absent on the organisation's first key: 1. */
  epoch?: number
}

/** A card key with its epoch filled in. */
export type CardKeyOfEpoch = CardKey & { epoch: number }

/** Each epoch's key is its own append-only record; the first kept the id it had before epochs. */
export const cardKeyId = (epoch: number) => (epoch === 1 ? 'card-key:org' : `card-key:epoch-${epoch}`)

export interface CheckInReview {
  checkInIds: string[]
  at: number
  by: string
}

const desk = <T>(type: string, indexes?: RecordKind<T>['indexes']): RecordKind<T> => ({ type, realm: 'desk', version: 1, ...(indexes ? { indexes } : {}) })

/**
 * Events: `add` and read, nothing else (see append-only.ts). Read a slice (docs/architecture.md "Reading a
 * slice"): one member's events (`byParent`) or one day's (`onDay`), opening only those.
 */
function createEventRepo<T extends object>(ctx: RepoContext, type: string, indexes: RecordKind<T>['indexes']) {
  if (!isAppendOnly(type)) throw new Error(`${type} is not an append-only type`)
  const repo = createSealedRepo<T>(ctx, desk<T>(type, indexes))
  return { add: (event: T): Promise<string> => repo.put(event), get: repo.get, list: repo.list, byParent: repo.byParent, onDay: repo.onDay, reindex: repo.reindex }
}

/** One record per organisation under a fixed id. */
function createSingleton<T extends object>(ctx: RepoContext, type: string) {
  const repo = createSealedRepo<T>(ctx, desk<T>(type))
  const id = `${type}:org`
  return { id, get: () => repo.get(id), save: (value: T) => repo.put(value, id) }
}

/**
 * MEM-8: the card keys, one record per epoch, each written once (append-only,
 * refused as an update by the server): two keys of one epoch would make one
 * forge the other's cards. Older keys stay to verify the cards they signed.
 */
function createCardKeys(ctx: RepoContext) {
  const repo = createSealedRepo<CardKey>(ctx, desk<CardKey>('card-key'))
  return {
    /**
     * Every card key this session can open, oldest epoch first. A key sealed under a desk key not taken in
     * yet (a rotation's grant still on its way) or one that does not open is left out, not an error: the
     * desk keeps checking cards of the keys it has.
     */
    async list(): Promise<CardKeyOfEpoch[]> {
      const rows = await ctx.db.records.where('[type+realm]').equals(['card-key', 'desk']).toArray()
      const keys: CardKeyOfEpoch[] = []
      for (const row of rows) {
        if (row._deleted) continue
        try {
          const key = await repo.get(row._id)
          if (key) keys.push({ ...key, epoch: key.epoch ?? 1 })
        } catch (e) {
          if (!isCryptoError(e)) throw e
        }
      }
      return keys.sort((a, b) => a.epoch - b.epoch)
    },
    async add(key: CardKeyOfEpoch): Promise<string> {
      const id = cardKeyId(key.epoch)
      if (await repo.get(id)) throw new Error(`card key of epoch ${key.epoch} exists`)
      return repo.put(key, id)
    },
  }
}

/** Everything the membership desk keeps, sealed in the `desk` realm (MEM-1 … MEM-10). */
export function createDeskRecords(ctx: RepoContext) {
  const members = createSealedRepo<Member>(ctx, desk<Member>('member', (m) => ({ memberNo: m.memberNo, parent: m.personId })))
  // A fee's day is the last day of its term: the desk's "ending soon" list reads the fees ending in the next days.
  const ledger = createEventRepo<LedgerEntry>(ctx, 'ledger', (e) => ({ parent: e.memberId, day: e.kind === 'fee' ? e.end : undefined }))
  // A visit's day is the organisation-local date it was made (absent on visits recorded before it was stored).
  const checkIns = createEventRepo<CheckIn>(ctx, 'checkin', (c) => ({ parent: c.memberId, day: c.day }))
  const checkOuts = createEventRepo<CheckOut>(ctx, 'checkout', (c) => ({ parent: c.memberId, day: c.day }))
  const blacklist = createEventRepo<BlacklistEvent>(ctx, 'blacklist', (b) => ({ parent: b.memberId }))
  const serviceLogs = createEventRepo<ServiceLog>(ctx, 'service-log', (l) => ({ parent: l.memberId, day: l.date }))
  const waitlist = createSealedRepo<WaitlistEntry>(ctx, desk<WaitlistEntry>('waitlist', (w) => ({ parent: w.personId })))
  const sliced = [members, ledger, checkIns, checkOuts, blacklist, serviceLogs, waitlist]
  return {
    settings: createSingleton<MembershipSettings>(ctx, 'membership-settings'),
    cardKeys: createCardKeys(ctx),
    members: {
      get: members.get,
      list: members.list,
      put: members.put,
      findByMemberNo: (no: string): Promise<Stored<Member>[]> => members.findBy('memberNo', no),
      /** A person's member record (one; more only after two offline desks enrolled them both). */
      ofPerson: members.byParent,
    },
    ledger,
    checkIns,
    checkOuts,
    blacklist,
    serviceLogs,
    waitlist,
    /** Duplicate check-ins (two offline tablets) a person at the desk has looked at. */
    reviews: createSealedRepo<CheckInReview>(ctx, desk<CheckInReview>('checkin-review')),
    /** The one-time re-index of desk records sealed before slice indexes (slice-index.ts), type by type. */
    async reindex(options?: ReindexOptions): Promise<number> {
      let indexed = 0
      for (const repo of sliced) {
        const result = await repo.reindex(options)
        indexed += result.indexed
        if (result.stopped) break
      }
      return indexed
    },
  }
}

export type DeskRecords = ReturnType<typeof createDeskRecords>
