import type * as v from 'valibot'
import type { Member } from '@/core/membership/types'
import * as schemas from '@/core/membership/schemas'
import { isCryptoError } from '@/crypto/errors'
import { recordsOfType } from './records-of-type'
import { defineEvents, defineMutable, defineSingleton, eventRecords, mutableRecords, singletonRecord } from './records'
import { createSealedRepo, type RepoContext, type Stored } from './sealed-repo'
import type { ReindexOptions } from './slice-index'

/** The organisation's member-card signing key (MEM-8): the desk signs cards offline; anyone at the desk verifies them. */
export type CardKey = v.InferOutput<typeof schemas.cardKeySchema>

/** A card key with its epoch filled in. */
export type CardKeyOfEpoch = CardKey & { epoch: number }

/** Each epoch's key is its own append-only record; the first kept the id it had before epochs. */
export const cardKeyId = (epoch: number) => (epoch === 1 ? 'card-key:org' : `card-key:epoch-${epoch}`)

export type CheckInReview = v.InferOutput<typeof schemas.checkInReviewSchema>

// The desk realm's record types, defined once (the registry refuses a name another realm or sync uses), each with
// the slice indexes it is read by (docs/architecture.md "Reading a slice").
const desk = { realm: 'desk', version: 1 } as const
const kinds = {
  settings: defineSingleton({ ...desk, type: 'membership-settings', schema: schemas.membershipSettingsSchema }),
  member: defineMutable({ ...desk, type: 'member', schema: schemas.memberSchema, indexes: (m) => ({ memberNo: m.memberNo, parent: m.personId }) }),
  // A fee's day is the last day of its term: the desk's "ending soon" list reads the fees ending in the next days.
  // Kept open (sealed-repo.ts `keptOpen`): the fees of the members kept open (250), a few each.
  ledger: defineEvents({ ...desk, type: 'ledger', schema: schemas.ledgerEntrySchema, keptOpen: 750, indexes: (e) => ({ parent: e.memberId, day: e.kind === 'fee' ? e.end : undefined }) }),
  // A visit's day is the organisation-local date it was made (absent on visits recorded before it was stored).
  // Kept open: the check-in page's week of visits at a busy desk, so its re-read after a sync round opens only what is new.
  checkIn: defineEvents({ ...desk, type: 'checkin', schema: schemas.checkInSchema, keptOpen: 2_000, indexes: (c) => ({ parent: c.memberId, day: c.day }) }),
  checkOut: defineEvents({ ...desk, type: 'checkout', schema: schemas.checkOutSchema, keptOpen: 2_000, indexes: (c) => ({ parent: c.memberId, day: c.day }) }),
  blacklist: defineEvents({ ...desk, type: 'blacklist', schema: schemas.blacklistEventSchema, indexes: (b) => ({ parent: b.memberId }) }),
  serviceLog: defineEvents({ ...desk, type: 'service-log', schema: schemas.serviceLogSchema, indexes: (l) => ({ parent: l.memberId, day: l.date }) }),
  cardKey: defineEvents({ ...desk, type: 'card-key', schema: schemas.cardKeySchema }),
  waitlist: defineMutable({ ...desk, type: 'waitlist', schema: schemas.waitlistEntrySchema, indexes: (w) => ({ parent: w.personId }) }),
  review: defineMutable({ ...desk, type: 'checkin-review', schema: schemas.checkInReviewSchema }),
}

/**
 * MEM-8: the card keys, one record per epoch, each written once (append-only,
 * refused as an update by the server): two keys of one epoch would make one
 * forge the other's cards. Older keys stay to verify the cards they signed.
 */
function createCardKeys(ctx: RepoContext) {
  // Not `eventRecords`: each epoch's key is written under its own fixed id (cardKeyId), once.
  const repo = createSealedRepo<CardKey>(ctx, kinds.cardKey)
  return {
    /**
     * Every card key this session can open, oldest epoch first. A key sealed under a desk key not taken in
     * yet (a rotation's grant still on its way) or one that does not open is left out, not an error: the
     * desk keeps checking cards of the keys it has.
     */
    async list(): Promise<CardKeyOfEpoch[]> {
      const rows = (await recordsOfType(ctx.db, 'card-key').toArray()).filter((row) => row.realm === 'desk')
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

/** The types a member has many of over the years, each tied to one day: a scan reads only the day's. */
const visitPrefixes = [`${kinds.checkIn.type}:`, `${kinds.checkOut.type}:`, `${kinds.serviceLog.type}:`]

/** Everything the membership desk keeps, sealed in the `desk` realm (MEM-1 … MEM-10). */
export function createDeskRecords(ctx: RepoContext) {
  const members = mutableRecords(ctx, kinds.member)
  const ledger = eventRecords(ctx, kinds.ledger)
  const checkIns = eventRecords(ctx, kinds.checkIn)
  const checkOuts = eventRecords(ctx, kinds.checkOut)
  const blacklist = eventRecords(ctx, kinds.blacklist)
  const serviceLogs = eventRecords(ctx, kinds.serviceLog)
  const waitlist = mutableRecords(ctx, kinds.waitlist)
  const sliced = [members, ledger, checkIns, checkOuts, blacklist, serviceLogs, waitlist]

  /**
   * What a scan decides on, for these members: each member, their fees and blacklist events, and their visits of
   * `day`, read in ONE transaction (the blind values worked out first: WebCrypto cannot run inside one). A member's
   * keys under the `parent` index name their records of every type by the id's type prefix; of their visits, only
   * those whose keys are also under `day` are read, so years of visits are not. Undefined while some records of
   * these types are found only through this device's own slice entries (slice-index.ts): the caller reads type by
   * type then.
   */
  async function memberSlices(memberIds: readonly string[], day: string) {
    const read = [ledger, blacklist, checkIns, checkOuts]
    if (!(await Promise.all(read.map((r) => r.ownIndexesOnly()))).every(Boolean)) return undefined
    const [parentBis, dayBis] = await Promise.all([Promise.all(memberIds.map((id) => ledger.blindValues('parent', id))), checkIns.blindValues('day', day)])
    const records = ctx.db.records
    const { memberRows, rows } = await ctx.db.transaction('r', records, async () => {
      const [memberRows, ofParents, ofDay] = await Promise.all([
        records.bulkGet([...memberIds]),
        Promise.all(parentBis.map((bis) => (bis.length ? records.where('bi').anyOf(bis).primaryKeys() : []))),
        dayBis.length ? records.where('bi').anyOf(dayBis).primaryKeys() : [],
      ])
      const onDay = new Set(ofDay)
      const wanted = [...new Set(ofParents.flat())].filter((id) => !visitPrefixes.some((p) => id.startsWith(p)) || onDay.has(id))
      return { memberRows, rows: await records.bulkGet(wanted) }
    })
    const parent = new Set(memberIds)
    const ofType = (type: string) => rows.filter((r) => r?.type === type)
    const [opened, fees, bans, ins, outs] = await Promise.all([
      members.openRows(memberRows, {}),
      ledger.openRows(ofType(kinds.ledger.type), { parent }),
      blacklist.openRows(ofType(kinds.blacklist.type), { parent }),
      checkIns.openRows(ofType(kinds.checkIn.type), { parent, day }),
      checkOuts.openRows(ofType(kinds.checkOut.type), { parent, day }),
    ])
    return { members: opened, ledger: fees, blacklist: bans, checkIns: ins, checkOuts: outs }
  }

  return {
    memberSlices,
    settings: singletonRecord(ctx, kinds.settings),
    cardKeys: createCardKeys(ctx),
    members: {
      get: members.get,
      list: members.list,
      put: members.put,
      putMany: members.putMany,
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
    reviews: mutableRecords(ctx, kinds.review),
    /** Whether the re-index has finished once on this device for every sliced type. */
    async indexed(): Promise<boolean> {
      return (await Promise.all(sliced.map((repo) => repo.indexed()))).every(Boolean)
    },
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
