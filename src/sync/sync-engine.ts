import type { LobbyDb } from '@/storage/db'
import type { KeySource } from '@/storage/key-source'
import type { Channel } from './channels'
import type { ConflictContext } from './conflicts'
import { pullChanges } from './incoming'
import { pushLocalRows, type PushRefusal } from './outgoing'
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
  /** The databases to replicate; a function is asked again each round (issue 15: a grant taken in adds a technician's). */
  channels: Channel[] | (() => Channel[])
  /** Where the last applied sequence of each server database is kept. */
  cursors: { get(db: string): Promise<number | string | undefined>; set(db: string, seq: number | string): Promise<void> }
  quarantine: (database: string, doc: PouchDoc, reason: string) => Promise<void>
  onMerged?: ConflictContext['onMerged']
  /** Issue 8 §5: rival versions of an append-only record were found (the losers are quarantined). */
  onTampered?: ConflictContext['onTampered']
  observeClock?: ConflictContext['observeClock']
  onStatus?: (status: SyncStatus) => void
  /** Called after each channel's changes are applied: keys granted in `lobby_org` are taken in before the realms that need them. */
  afterChannel?: (channel: Channel) => Promise<void>
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

/** The session a round began with ended (the app locked, or the user signed out): the round stops where it is. */
class SessionEnded extends Error {
  constructor() {
    super('the session ended during the round')
    this.name = 'SessionEnded'
  }
}

/** Before sign-in: nothing opens, nothing is written. */
const noKeys: KeySource = { userId: 'anonymous', writeKey: () => undefined, lookup: () => undefined, indexKey: () => undefined }

/**
 * The cursor of a database as kept on the device: the server's own sequence, tagged. Before issue 13 a device
 * kept the sequence of a local PouchDB replica under the same key; such a cursor counts for nothing (the first
 * round reads the server's feed from the start, and skips what is already held at that revision).
 */
const serverCursor = (seq: number | string) => `server ${JSON.stringify(seq)}`
function fromCursor(kept: number | string | undefined): number | string {
  if (typeof kept !== 'string' || !kept.startsWith('server ')) return 0
  return JSON.parse(kept.slice('server '.length)) as number | string
}

/**
 * One replication round for every channel, one database at a time (never more than one long request open, well
 * under the browser's six connections per host): Dexie's local rows → server, then the server's changes → merge
 * conflicts, check integrity → Dexie. There is no local replica: the server's feed is read straight into Dexie,
 * so each document is held once on the device (issue 13), and PouchDB serves only as the CouchDB HTTP client.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const channels = (): Channel[] => (typeof deps.channels === 'function' ? deps.channels() : deps.channels)
  const remotes = new Map<string, PouchLike>()
  let status: SyncStatus = { state: 'idle', pending: 0 }
  const report = (s: Partial<SyncStatus>) => {
    status = { ...status, ...s }
    deps.onStatus?.(status)
  }

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
      const pushing = channels().filter((ch) => ch.push && ch.tables.includes(name))
      const waiting = deps.db.table(name).where('_local').equals(1)
      if (pushing.every((ch) => !ch.accept)) n += (await waiting.limit(pendingCountCap - n).primaryKeys()).length
      // Tables a channel filters hold the organisation's few accounts, keyrings and devices.
      else n += (await waiting.toArray()).filter((row) => pushing.some((ch) => !ch.accept || ch.accept(row))).length
    }
    return Math.min(n, pendingCountCap)
  }

  /** A write the server refused (403 from its rules) must not look like success; the rows stay, marked (outgoing.ts). */
  function refused(database: string, refusals: PushRefusal[]) {
    const first = refusals[0]
    if (!first) return
    throw Object.assign(new Error(`${database}: the server refused ${refusals.length} change(s): ${first.reason}`), { status: first.error === 'unauthorized' ? 401 : 403 })
  }

  async function runChannel(ch: Channel, keys: KeySource | undefined): Promise<void> {
    // Before sign-in a new device may fetch the organisation, accounts and keyrings, never sealed records.
    if (!keys && ch.tables.includes('records')) return
    const server = remote(ch.database)
    if (ch.push) {
      const accept = (row: Record<string, unknown>) => (!ch.realm || row.realm === ch.realm) && (!ch.accept || ch.accept(row))
      refused(ch.database, (await timed(`push ${ch.database}`, () => pushLocalRows(deps.db, ch.tables, server, accept))).refused)
    }
    // A push-only channel sends only what this device wrote: nothing to take in.
    if (!ch.pull) return void (await deps.afterChannel?.(ch))
    const since = fromCursor(await deps.cursors.get(ch.database))
    // A first pull (a new tablet) says how far it has got: the server's count, then each page taken in.
    const progress = since === 0 ? await firstPullProgress(ch.database) : undefined
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
    await timed(`apply ${ch.database}`, () =>
      pullChanges(deps.db, server, since, ctx, async (reached, taken) => {
        await deps.cursors.set(ch.database, serverCursor(reached))
        // A lock drops the session's keys: no further page is opened with them (the next round resumes here).
        if (keys && deps.keys()?.userId !== keys.userId) throw new SessionEnded()
        if (!progress) return
        progress.done += taken
        report({ progress: { ...progress } })
      }),
    )
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
      const ran = channels()
      for (const ch of ran) await runChannel(ch, keys)
      // Issue 15: a grant taken in during the round (after lobby_org) adds a technician's database: taken at once.
      for (const ch of channels().filter((c) => c.realm && !ran.some((r) => r.realm === c.realm))) await runChannel(ch, keys)
      report({ state: 'idle', error: undefined, detail: undefined, progress: undefined, lastSuccess: new Date().toISOString(), pending: await pendingCount() })
    } catch (e) {
      // Locked or signed out meanwhile: not a failure to show; what was taken in is kept, the rest waits for the next round.
      if (e instanceof SessionEnded) return (report({ state: 'idle', progress: undefined, pending: await pendingCount() }), status)
      const problem = classifyError(e)
      report({ state: problem.error === 'network' ? 'offline' : 'error', ...problem, progress: undefined, pending: await pendingCount() })
    }
    return status
  }

  async function close(): Promise<void> {
    await Promise.all([...remotes.values()].map((p) => p.close().catch(() => undefined)))
    remotes.clear()
  }

  return { runOnce, close, status: () => status, pendingCount, remote }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
