import type { LobbyDb } from '@/storage/db'
import type { KeySource } from '@/storage/key-source'
import type { Channel } from './channels'
import type { ConflictContext } from './conflicts'
import { applyIncoming } from './incoming'
import { pushLocalRows } from './outgoing'
import type { SyncProgress } from '@/core/sync/progress'
import type { PouchDoc, PouchLike, PouchStatic } from './pouch-port'
import { classifyError, pendingCountCap, type SyncStatus } from './sync-status'

export interface SyncEngineDeps {
  db: LobbyDb
  Pouch: PouchStatic
  /** The server's CouchDB root, e.g. `https://desk.example/db/`. */
  remoteBase: string
  /** fetch that carries the server session (cookies in the browser). */
  remoteFetch: typeof fetch
  keys: () => KeySource | undefined
  channels: Channel[]
  /** Where the last applied sequence of each local database is kept. */
  cursors: { get(db: string): Promise<number | string | undefined>; set(db: string, seq: number | string): Promise<void> }
  quarantine: (database: string, doc: PouchDoc, reason: string) => Promise<void>
  onMerged?: ConflictContext['onMerged']
  /** Issue 8 §5: rival versions of an append-only record were found (the losers are quarantined). */
  onTampered?: ConflictContext['onTampered']
  observeClock?: ConflictContext['observeClock']
  onStatus?: (status: SyncStatus) => void
  /** Called after each channel's changes are applied: keys granted in `lobby_org` are taken in before the realms that need them. */
  afterChannel?: (channel: Channel) => Promise<void>
  /** Replication batch size: large enough to amortise round trips, small enough to resume cheaply. */
  batchSize?: number
}

/**
 * Where a round's time goes, as User Timing measures (`lobby-sync <step> <database>`): the bench reads them to
 * split an initial sync into its steps (docs/performance.md). Names of databases only; nothing of a record.
 */
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await work()
  } finally {
    // Only the latest of each is kept: a tablet syncs every minute for weeks, and the timeline keeps every measure.
    performance.clearMeasures(`lobby-sync ${step}`)
    performance.measure(`lobby-sync ${step}`, { start, end: performance.now() })
  }
}

/** Before sign-in: nothing opens, nothing is written. */
const noKeys: KeySource = { userId: 'anonymous', writeKey: () => undefined, lookup: () => undefined, indexKey: () => undefined }

/**
 * One replication round for every channel, one database at a time (never more
 * than one long request open, well under the browser's six connections per
 * host): Dexie's local rows → local PouchDB → server, server → local PouchDB
 * → merge conflicts, check integrity → Dexie.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const locals = new Map<string, PouchLike>()
  const remotes = new Map<string, PouchLike>()
  let status: SyncStatus = { state: 'idle', pending: 0 }
  const report = (s: Partial<SyncStatus>) => {
    status = { ...status, ...s }
    deps.onStatus?.(status)
  }

  const local = (name: string) => locals.get(name) ?? locals.set(name, new deps.Pouch(`lobby-local-${name}`)).get(name)!
  const remote = (name: string) =>
    remotes.get(name) ?? remotes.set(name, new deps.Pouch(`${deps.remoteBase}${name}`, { skip_setup: true, fetch: deps.remoteFetch })).get(name)!

  /**
   * Local rows some channel of this user will push (on a shared tablet, another user's wait for their own round),
   * counted up to `pendingCountCap`: it is counted again after every write (live), and IndexedDB counts a range by
   * walking it, so a device holding a quarter of a million unpushed rows (long offline, a big import) made each
   * check-in wait behind a count of them all.
   */
  async function pendingCount(): Promise<number> {
    let n = 0
    for (const name of ['records', 'audit', 'accounts', 'keyrings', 'devices', 'org', 'notices'] as const) {
      if (n >= pendingCountCap) break
      const pushing = deps.channels.filter((ch) => ch.push && ch.tables.includes(name))
      const waiting = deps.db.table(name).where('_local').equals(1)
      if (pushing.every((ch) => !ch.accept)) n += (await waiting.limit(pendingCountCap - n).primaryKeys()).length
      // Tables a channel filters hold the organisation's few accounts, keyrings and devices.
      else n += (await waiting.toArray()).filter((row) => pushing.some((ch) => !ch.accept || ch.accept(row))).length
    }
    return Math.min(n, pendingCountCap)
  }

  /** A write the server refused (403 from validation) must not look like success. */
  function refused(database: string, result: { doc_write_failures: number; errors: unknown[] }) {
    if (result.doc_write_failures > 0) {
      const first = result.errors[0] as { status?: number; message?: string; reason?: string; error?: string } | undefined
      // PouchDB reports a per-document refusal inside a 201 bulk answer with status 500; the error name tells.
      const status = first?.error === 'forbidden' ? 403 : first?.error === 'unauthorized' ? 401 : (first?.status ?? 403)
      throw Object.assign(new Error(`${database}: the server refused ${result.doc_write_failures} change(s): ${first?.message ?? first?.reason ?? ''}`), { status })
    }
  }

  async function runChannel(ch: Channel, keys: KeySource | undefined): Promise<void> {
    // Before sign-in a new device may fetch the organisation, accounts and keyrings, never sealed records.
    if (!keys && ch.tables.includes('records')) return
    const localName = ch.local ?? ch.database
    const pouch = local(localName)
    if (ch.push) await timed(`stage ${localName}`, () => pushLocalRows(deps.db, ch.tables, pouch, (row) => (!ch.realm || row.realm === ch.realm) && (!ch.accept || ch.accept(row))))
    const options = { batch_size: deps.batchSize ?? 250, batches_limit: 4 }
    if (ch.push) refused(ch.database, await timed(`push ${ch.database}`, () => deps.Pouch.replicate(pouch, remote(ch.database), options)))
    // A push-only replica holds only what this device wrote: nothing to take in.
    if (!ch.pull) return void (await deps.afterChannel?.(ch))
    let cursor = (await deps.cursors.get(localName)) ?? 0
    // A first pull (a new tablet) says how far it has got: the server's count, then each page taken in.
    const progress = cursor === 0 ? await firstPullProgress(ch.database) : undefined
    const quarantine = (doc: PouchDoc, reason: string) => deps.quarantine(ch.database, doc, reason)
    const ctx = {
      keys: keys ?? noKeys,
      channel: ch,
      quarantine,
      onUnreadableLeaf: quarantine,
      onRivalLeaf: quarantine,
      onTampered: deps.onTampered,
      onMerged: deps.onMerged,
      observeClock: deps.observeClock,
    }
    const apply = () =>
      timed(`apply ${localName}`, () =>
        applyIncoming(deps.db, pouch, cursor, ctx, async (reached, taken) => {
          await deps.cursors.set(localName, reached)
          cursor = reached
          if (!progress) return
          progress.done += taken
          report({ progress: { ...progress } })
        }),
      )
    // What arrives is taken in while the rest is still coming (each batch the replication writes wakes one apply;
    // one runs at a time): a first sync costs about the longer of the two, not their sum.
    const replication = deps.Pouch.replicate(remote(ch.database), pouch, options)
    let applying: Promise<unknown> = Promise.resolve()
    let waiting = false
    replication.on('change', () => {
      if (waiting) return
      waiting = true
      applying = applying.then(() => ((waiting = false), apply()))
      // A failed apply ends the pull (nothing more would be taken in this round) and is reported below, once.
      applying.catch(() => replication.cancel())
    })
    try {
      await timed(`pull ${ch.database}`, () => replication)
    } finally {
      // What was pulled before a drop is taken in (and its cursor saved) before the round reports it.
      await applying
    }
    await apply()
    await deps.afterChannel?.(ch)
  }

  /** The server's document count of a database about to be pulled for the first time; none if it will not say. */
  async function firstPullProgress(database: string): Promise<SyncProgress | undefined> {
    const info = await remote(database)
      .info()
      .catch(() => undefined)
    return info && info.doc_count > 0 ? { database, done: 0, total: info.doc_count, startedAt: Date.now() } : undefined
  }

  /** One full round; resolves with the status it ended in (never throws). */
  async function runOnce(): Promise<SyncStatus> {
    const keys = deps.keys()
    report({ state: 'syncing', pending: await pendingCount() })
    try {
      for (const ch of deps.channels) await runChannel(ch, keys)
      report({ state: 'idle', error: undefined, detail: undefined, progress: undefined, lastSuccess: new Date().toISOString(), pending: await pendingCount() })
    } catch (e) {
      const problem = classifyError(e)
      report({ state: problem.error === 'network' ? 'offline' : 'error', ...problem, progress: undefined, pending: await pendingCount() })
    }
    return status
  }

  async function close(): Promise<void> {
    await Promise.all([...locals.values(), ...remotes.values()].map((p) => p.close().catch(() => undefined)))
    locals.clear()
    remotes.clear()
  }

  /** Deletes every local replica this engine opened (a revoked device forgets its data). */
  async function destroyLocal(): Promise<void> {
    await Promise.all([...locals.values()].map((p) => p.destroy().catch(() => undefined)))
    locals.clear()
  }

  return { runOnce, close, destroyLocal, status: () => status, local, pendingCount }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
