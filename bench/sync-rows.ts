/**
 * The initial-sync rows of `npm run bench` (issue 13): 10,000 people joined as a front desk (`--only=sync`), and the
 * mixed 100,000 documents joined as a manager (`--only=sync` too, or alone with `--only=sync100k`). One run each:
 * every run needs a fresh organisation seeded on the server. The 100,000 also scans members at the check-in page while
 * the sync runs (`checkin_scan_during_sync_ms`, sync-scans.ts).
 */
import type { Browser } from 'playwright-core'
import { databaseNameFor } from '@/sync/remote-names'
import { checkinScanGoalMs } from './desk.bench'
import { demoPeopleSeed, initialSyncBench, type InitialSyncFigures } from './initial-sync.bench'
import { mixedSizes } from './mixed-plan'
import { seedMixed, type MixedSeedResult } from './mixed-seed'
import { within, withServer } from './server'
import { summarise, type MetricResult } from './stats'
import { deviceBytesOfKind } from './sync-sizes'

const minutes = 60_000
const round = (x: number) => Math.round(x * 10) / 10
const one = 'one run: each needs a fresh organisation'

/** Each step's summed measures, longest first (those of 50 ms and more). */
function stepsNote(sync: InitialSyncFigures): string {
  const steps = Object.entries(sync.steps)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([step, ms]) => `${step} ${ms.toFixed(0)} ms`)
    .join(', ')
  return `steps: ${steps}; progress shown: ${sync.progressShown.map((p) => `"${p}"`).join(' → ') || 'none'}`
}

export async function sync10kRows(browser: Browser, people: number, log: (line: string) => void): Promise<MetricResult[]> {
  log(`initial sync of ${people} people …`)
  const sync = await within(30 * minutes, 'initial sync bench', withServer((s) => initialSyncBench(browser, s, { seed: demoPeopleSeed(people), timeoutMs: 10 * minutes, log })))
  const name = people === 10_000 ? 'initial_sync_10k_ms' : 'initial_sync_ms'
  return [
    summarise(name, `initial sync of ${people} people (${sync.docs} documents in the desk's databases): join → synced (verified, in Dexie), against a raw PouchDB pull of the same databases`, [sync.synced], 'ms', { baseline: round(sync.rawMs), goal: round(1.5 * sync.rawMs) }, `${one}; ${stepsNote(sync)}`),
    summarise('initial_sync_raw_pouch_ms', 'raw PouchDB pull of the same databases, one after another', [sync.rawMs], 'ms', {}, one),
    summarise('initial_sync_phone_lookup_ms', `then phone lookup among ${people} (blind index + decrypt)`, [sync.lookup], 'ms', {}, one),
    summarise('device_bytes_per_doc', `what the sync added to IndexedDB (navigator.storage.estimate() usageDetails, before the join and after the sync), per document of the desk's databases`, [sync.deviceBytesPerDoc], 'B', { baseline: round(sync.serverBytesPerDoc), goal: round(1.3 * sync.serverBytesPerDoc) }, deviceNote(sync)),
    ...diskRow('server_disk_bytes_per_doc', sync),
    summarise('sync_max_main_thread_task_ms', 'the longest main-thread task from the click on join to synced (Long Tasks API)', [sync.longestTask], 'ms', { goal: 100 }, `${one}; within the engine's steps: ${sync.longestTaskInSyncSteps.toFixed(0)} ms; tasks of 80 ms and more: ${sync.longTasks.join(', ') || 'none'}; before the click, while the app started and drew the join page: ${sync.longestTaskBeforeJoin.toFixed(0)} ms`),
    summarise('sync_peak_heap_mb', 'the JS heap at its peak during the initial sync (sampled every 100 ms)', [sync.heapPeakMb], 'MB', { goal: 200 }, one),
  ]
}

/** The device's bytes per document against the server's JSON (the baseline) and against the server's disk. */
function deviceNote(sync: InitialSyncFigures): string {
  const disk = sync.serverDiskBytesPerDoc
  const vsDisk = disk > 0 ? `; against the server's disk (server_disk_bytes_per_doc, ${disk.toFixed(0)} B): ${(sync.deviceBytesPerDoc / disk).toFixed(2)}×` : ''
  return `server: the documents' JSON, ${sync.serverBytesPerDoc.toFixed(0)} B each${vsDisk}; besides, the app's own offline cache: ${(sync.cacheBytes / 1_048_576).toFixed(1)} MB once per device`
}

/** What the same documents take on the server's disk, as the development server keeps them (server-disk.ts). */
function diskRow(metric: string, sync: InitialSyncFigures): MetricResult[] {
  if (!(sync.serverDiskBytesPerDoc > 0)) return []
  const what = `the same documents on the server's disk, per document: pulled with their revision trees into PouchDB's LevelDB adapter (what \`npm start\` stores under .lobby-data/db), closed and reopened, files summed; baseline their JSON`
  return [summarise(metric, what, [sync.serverDiskBytesPerDoc], 'B', { baseline: round(sync.serverBytesPerDoc) }, sync.sizes.map((s) => `${s.database} ${s.disk ?? '?'} B`).join(', '))]
}

/** Device bytes of one kind against its server JSON (sync-sizes.ts `deviceBytesOfKind` says how they are derived). */
function kindRow(metric: string, what: string, sync: InitialSyncFigures, database: string, type: string): MetricResult[] {
  const kind = deviceBytesOfKind(sync.sizes, database, type)
  if (!kind) return []
  const db = sync.sizes.find((s) => s.database === database)!
  const disk = kind.disk === undefined ? '' : `; on the server's disk a ${type} takes ${kind.disk.toFixed(0)} B (${db.disk} B for the database), so the device holds ${(kind.device / kind.disk).toFixed(2)}× that`
  const note = `${database}: ${db.docs} documents, ${db.bytes} B on the server, ${db.device} B added on the device (IndexedDB, read before and after its pull): ${kind.ratio.toFixed(2)}× applied to a ${type}'s ${kind.server.toFixed(0)} B${disk}`
  return [summarise(metric, what, [kind.device], 'B', { baseline: round(kind.server), goal: round(1.3 * kind.server) }, note)]
}

const counted = <T>(items: T[], key: (item: T) => string) => {
  const n = new Map<string, number>()
  for (const item of items) n.set(key(item), (n.get(key(item)) ?? 0) + 1)
  return [...n].map(([k, c]) => `${c} ${k}`).join(', ')
}

/**
 * Issue 13's "the check-in screen answers a scan while a big sync runs": the timed scans made while the sync still ran
 * (sync-scans.ts), against the desk's own goal; the note says how many of them there were and when.
 */
function scanDuringSyncRow(sync: InitialSyncFigures): MetricResult[] {
  const s = sync.scans
  if (!s) return []
  const timed = s.scans.filter((x) => !x.warmup)
  const during = timed.filter((x) => x.duringSync)
  const t = s.timeline
  const warm = s.scans.filter((x) => x.warmup).map((x) => `${x.ms.toFixed(0)} ms, ${x.verdict}${x.duringSync ? '' : ', after the sync'}`)
  const notes = [
    during.length === timed.length
      ? `all ${timed.length} timed scans during the sync (${counted(during, (x) => `while ${x.pulling ?? 'the round ended'} was pulled`)})`
      : `${during.length} of ${timed.length} timed scans during the sync: the sync finished before ${during.length ? 'the rest' : 'the scans'} (${timed.length - during.length} after it, not counted: ${timed.filter((x) => !x.duringSync).map((x) => x.ms.toFixed(0)).join(', ')} ms)`,
    `verdicts ${counted(during, (x) => x.verdict) || 'none'}`,
    `warm-up ${warm.join('; ')}`,
    `the check-in page opened from the nav in ${s.openMs.toFixed(0)} ms${s.syncingAtOpen ? ' while syncing' : ', the sync over'}`,
    `longest main-thread task while it opened and scanned: ${sync.longestTaskDuringScans?.toFixed(0) ?? '?'} ms`,
    `after ${databaseNameFor('desk')} was in: page asked for at ${t.asked.toFixed(0)} ms, shown at ${t.shown.toFixed(0)}, last verdict at ${t.scanned.toFixed(0)}, sync over at ${t.synced?.toFixed(0) ?? 'a later time'}`,
  ]
  const what = `/checkin opened from the nav once ${databaseNameFor('desk')} was in, members with an active membership scanned while the rest of the initial sync of ${sync.docs} documents was pulled: Enter → verdict`
  return [summarise('checkin_scan_during_sync_ms', what, during.map((x) => x.ms), 'ms', { goal: checkinScanGoalMs }, notes.join('; '))]
}

/** The mixed 100,000 documents (bench/mixed-plan.ts) joined as a manager; `scale` 0.01 → 1,000 documents. */
export async function sync100kRows(browser: Browser, scale: number, log: (line: string) => void): Promise<MetricResult[]> {
  const sizes = mixedSizes(scale)
  log(`initial sync of about ${Math.round(100_000 * scale)} mixed documents (${sizes.people} people, ${sizes.members} members, ${sizes.checkIns} check-ins, ${sizes.accounts} broadband accounts, …) …`)
  let mix: MixedSeedResult | undefined
  const seed = async (lobby: Parameters<typeof seedMixed>[0]) => (mix = await seedMixed(lobby, sizes, log))
  const budget = 10 * minutes + 50 * minutes * scale
  const scans = { count: 5, warmup: 1, stepMs: (scale >= 1 ? 5 : 1) * minutes }
  const sync = await within(budget, 'initial sync bench (mixed documents)', withServer((s) => initialSyncBench(browser, s, { seed, timeoutMs: budget, scans, log })))
  for (const x of sync.scans?.scans ?? []) log(`  scan${x.warmup ? ' (warm-up)' : ''}: ${x.ms.toFixed(0)} ms, ${x.verdict}, ${x.duringSync ? `during the sync (${x.pulling ?? 'the round ending'})` : 'after the sync'}`)
  const scanned = sync.scans ? `; the check-in page opened and ${sync.scans.scans.length} scans made during it (checkin_scan_during_sync_ms)` : ''
  const c = mix!.counts
  const seeded = `${c.people} people, ${c.members} members, ${c.fees} fees, ${c.checkIns} check-ins, ${c.accounts} broadband agreements, ${c.statusEvents} status events, ${c.ledgerLines} ledger lines, seeded in ${mix!.seconds.toFixed(0)} s`
  const perDb = sync.sizes.map((s) => `${s.database} ${s.docs}`).join(', ')
  const tag = scale === 1 ? '100k' : 'mixed'
  return [
    summarise(`initial_sync_${tag}_ms`, `initial sync of ${sync.docs} mixed documents as a ${mix!.user.role} (${perDb}): join → synced (verified, in Dexie), against a raw PouchDB pull of the same databases${scanned}`, [sync.synced], 'ms', { baseline: round(sync.rawMs), goal: round(1.5 * sync.rawMs) }, `${one}; ${seeded}; ${stepsNote(sync)}`),
    summarise(`initial_sync_${tag}_phone_lookup_ms`, `then phone lookup among ${c.people} people (blind index + decrypt)`, [sync.lookup], 'ms', {}, one),
    summarise(`device_${tag}_bytes_per_doc`, 'what the sync added to IndexedDB (navigator.storage.estimate() usageDetails, before the join and after the sync), per document pulled', [sync.deviceBytesPerDoc], 'B', { baseline: round(sync.serverBytesPerDoc), goal: round(1.3 * sync.serverBytesPerDoc) }, deviceNote(sync)),
    ...diskRow(`server_${tag}_disk_bytes_per_doc`, sync),
    ...kindRow('device_bytes_per_person', 'device bytes per person synced (lobby_directory\'s device-to-server ratio × a person\'s server JSON)', sync, 'lobby_directory', 'person'),
    ...kindRow('device_bytes_per_ledger_line', 'device bytes per broadband ledger line synced (lobby_accounts\' device-to-server ratio × a line\'s server JSON)', sync, 'lobby_accounts', 'bb-ledger'),
    summarise(`sync_${tag}_max_main_thread_task_ms`, `the longest main-thread task during the initial sync of ${sync.docs} documents (Long Tasks API)${scanned}`, [sync.longestTask], 'ms', { goal: 100 }, `${one}${sync.scans ? `; while the check-in page opened and scanned: ${sync.longestTaskDuringScans?.toFixed(0) ?? '?'} ms` : ''}; within the engine's steps: ${sync.longestTaskInSyncSteps.toFixed(0)} ms; tasks of 80 ms and more: ${sync.longTasks.join(', ') || 'none'}; before the click, while the app started and drew the join page: ${sync.longestTaskBeforeJoin.toFixed(0)} ms`),
    summarise(`sync_${tag}_peak_heap_mb`, `the JS heap at its peak during the initial sync of ${sync.docs} documents (sampled every 100 ms)${scanned}`, [sync.heapPeakMb], 'MB', { goal: 200 }, one),
    ...scanDuringSyncRow(sync),
  ]
}
