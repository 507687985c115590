import { open, seal, type Envelope } from '@/crypto/envelope'
import { CryptoError } from '@/crypto/errors'
import type { LobbyDb } from './db'
import { LockedError, MissingRealmKeyError, type KeySource } from './key-source'

/** Where a projection lives: the device's database and the session's keys. */
export interface ProjectionContext {
  db: LobbyDb
  keys: () => KeySource | undefined
}

/** One page of a projection's rows, in order. */
export interface ProjectionPage<Row> {
  rows: { id: string; row: Row }[]
  total: number
}

/**
 * A device-local, sealed read model (docs/architecture.md "Reading a slice"): rows a list shows, each folded
 * from several records (a member, their fees, their person's masked name), sealed under the realm's key in the
 * device-local table, so opening a page opens that page's rows and nothing else. Never replicated: every device
 * folds its own from the records it holds (a row is only as confidential as the records it came from, and is
 * sealed the same way: CONF-1).
 *
 * Order is a clear key beside the sealed row (`order`, chosen by the caller: an enrolment time, say), so a
 * page is a range read of keys. A projection also keeps one sealed summary (totals a list shows beside it).
 */
export function createSealedProjection<Row extends object, Summary extends object = never>(ctx: ProjectionContext, name: string, realm: string) {
  const prefix = `proj:${name}:`
  const rowKey = (id: string) => `${prefix}row:${id}`
  const orderPrefix = `${prefix}order:`
  const orderKey = (order: string, id: string) => `${orderPrefix}${order}|${id}`
  const summaryKey = `${prefix}summary`
  const readyKey = `${prefix}ready`

  function session(): KeySource {
    const k = ctx.keys()
    if (!k) throw new LockedError()
    return k
  }

  async function sealed(id: string, body: unknown): Promise<Envelope> {
    const s = session()
    const writeKey = s.writeKey(realm)
    if (!writeKey) throw new MissingRealmKeyError(realm)
    // The id and type are authenticated: a row copied under another member's key does not open.
    return seal({ _id: `${prefix}${id}`, type: 'projection', realm, kid: writeKey.kid, v: 1, by: s.userId }, body, writeKey.key)
  }

  /** Opens a row stored under `id`: its sealed header must name that id (a row copied under another key is refused). */
  async function opened<T>(env: Envelope | undefined, id: string): Promise<T | undefined> {
    if (!env) return undefined
    if (env._id !== `${prefix}${id}` || env.type !== 'projection' || env.realm !== realm) throw new CryptoError('malformed', `a projection row stored under ${id} is sealed for ${env._id}`)
    return open<T>(env, session().lookup)
  }

  interface StoredRow {
    order: string
    env: Envelope
  }

  /** Writes (or replaces) rows, moving their order keys, in one transaction. */
  async function putMany(items: readonly { id: string; order: string; row: Row }[]): Promise<void> {
    const prepared = await Promise.all(items.map(async (i) => ({ ...i, env: await sealed(i.id, i.row) })))
    await ctx.db.transaction('rw', ctx.db.local, async () => {
      const before = await ctx.db.local.bulkGet(prepared.map((p) => rowKey(p.id)))
      const stale = prepared.flatMap((p, i) => {
        const old = before[i]?.value as StoredRow | undefined
        return old && old.order !== p.order ? [orderKey(old.order, p.id)] : []
      })
      await ctx.db.local.bulkDelete(stale)
      await ctx.db.local.bulkPut(
        prepared.flatMap((p) => [
          { key: rowKey(p.id), value: { order: p.order, env: p.env } satisfies StoredRow },
          { key: orderKey(p.order, p.id), value: 1 },
        ]),
      )
    })
  }

  async function remove(id: string): Promise<void> {
    await ctx.db.transaction('rw', ctx.db.local, async () => {
      const old = (await ctx.db.local.get(rowKey(id)))?.value as StoredRow | undefined
      if (old) await ctx.db.local.bulkDelete([rowKey(id), orderKey(old.order, id)])
    })
  }

  async function getMany(ids: readonly string[]): Promise<(Row | undefined)[]> {
    session()
    const stored = await ctx.db.local.bulkGet(ids.map(rowKey))
    return Promise.all(stored.map((s, i) => opened<Row>((s?.value as StoredRow | undefined)?.env, ids[i]!)))
  }

  /** Rows `offset` … `offset + limit` in order (`descending`: highest order key first); opens only those. */
  async function page(offset: number, limit: number, descending = false): Promise<ProjectionPage<Row>> {
    session()
    // Dexie's collections change in place (`reverse`, `offset`, `limit`): one for the page, one for the count.
    const range = ctx.db.local.where('key').startsWith(orderPrefix)
    const [keys, total] = await Promise.all([(descending ? range.reverse() : range).offset(offset).limit(limit).primaryKeys(), ctx.db.local.where('key').startsWith(orderPrefix).count()])
    const ids = keys.map((k) => k.slice(k.lastIndexOf('|') + 1))
    const rows = await getMany(ids)
    return { rows: ids.flatMap((id, i) => (rows[i] ? [{ id, row: rows[i] }] : [])), total }
  }

  return {
    putMany,
    put: (id: string, order: string, row: Row) => putMany([{ id, order, row }]),
    remove,
    get: async (id: string) => (await getMany([id]))[0],
    getMany,
    page,
    count: () => ctx.db.local.where('key').startsWith(orderPrefix).count(),
    /** Every row id, keys only (a rebuild's bookkeeping; nothing is opened). */
    ids: async () => (await ctx.db.local.where('key').startsWith(`${prefix}row:`).primaryKeys()).map((k) => k.slice(`${prefix}row:`.length)),
    async summary(): Promise<Summary | undefined> {
      return opened<Summary>((await ctx.db.local.get(summaryKey))?.value as Envelope | undefined, 'summary')
    },
    async setSummary(summary: Summary): Promise<void> {
      await ctx.db.local.put({ key: summaryKey, value: await sealed('summary', summary) })
    },
    /** Whether a full build has finished on this device (until then a list cannot trust the rows alone). */
    ready: async () => (await ctx.db.local.get(readyKey))?.value === true,
    markReady: async () => void (await ctx.db.local.put({ key: readyKey, value: true })),
    /** Forgets every row, the summary and the ready mark (a rebuild starts from nothing). */
    async clear(): Promise<void> {
      await ctx.db.local.where('key').startsWith(prefix).delete()
    },
  }
}

export type SealedProjection<Row extends object, Summary extends object = never> = ReturnType<typeof createSealedProjection<Row, Summary>>
