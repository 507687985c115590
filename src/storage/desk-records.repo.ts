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

const desk = <T>(type: string): RecordKind<T> => ({ type, realm: 'desk', version: 1 })

/** Events: `add` and read, nothing else (see append-only.ts). */
function createEventRepo<T extends object>(ctx: RepoContext, type: string) {
  if (!isAppendOnly(type)) throw new Error(`${type} is not an append-only type`)
  const repo = createSealedRepo<T>(ctx, desk<T>(type))
  return { add: (event: T): Promise<string> => repo.put(event), get: repo.get, list: repo.list }
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
  const members = createSealedRepo<Member>(ctx, { ...desk<Member>('member'), indexes: (m) => ({ memberNo: m.memberNo }) })
  return {
    settings: createSingleton<MembershipSettings>(ctx, 'membership-settings'),
    cardKeys: createCardKeys(ctx),
    members: {
      get: members.get,
      list: members.list,
      put: members.put,
      findByMemberNo: (no: string): Promise<Stored<Member>[]> => members.findBy('memberNo', no),
    },
    ledger: createEventRepo<LedgerEntry>(ctx, 'ledger'),
    checkIns: createEventRepo<CheckIn>(ctx, 'checkin'),
    checkOuts: createEventRepo<CheckOut>(ctx, 'checkout'),
    blacklist: createEventRepo<BlacklistEvent>(ctx, 'blacklist'),
    serviceLogs: createEventRepo<ServiceLog>(ctx, 'service-log'),
    waitlist: createSealedRepo<WaitlistEntry>(ctx, desk<WaitlistEntry>('waitlist')),
    /** Duplicate check-ins (two offline tablets) a person at the desk has looked at. */
    reviews: createSealedRepo<CheckInReview>(ctx, desk<CheckInReview>('checkin-review')),
  }
}

export type DeskRecords = ReturnType<typeof createDeskRecords>
