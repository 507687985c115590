import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { readsAudit, realmsByRole, type StaffRole } from '@/core/access/roles'
import { channelsFor } from '@/sync/channels'
import { databaseNameFor } from '@/sync/remote-names'
import { runDemo } from '../scripts/demo/demo'
import { generatePeople } from '../scripts/demo/people'
import { remoteServer } from '../scripts/demo/server'
import { demoSignIns, type DemoSignIn } from '../scripts/demo/sign-ins'
import { startProfile } from './desk.bench'
import { stopwatchScript } from './stopwatch'
import { scanWhileSyncing, type ScanPlan, type ScansDuringSync } from './sync-scans'
import { serverDiskBytes } from './server-disk'
import { devicePerDatabase, serverSizes, type ApplyReading, type DatabaseSize } from './sync-sizes'

const pouchScript = createRequire(import.meta.url).resolve('pouchdb/dist/pouchdb.min.js')

/** The databases a device of `role` pulls, in the order it pulls them (channels.ts `channelsFor` for its realms). */
export function pulledDatabases(role: StaffRole): string[] {
  return [...new Set(channelsFor(realmsByRole[role], readsAudit(role)).filter((ch) => ch.pull).map((ch) => ch.database))]
}

/**
 * What the page collects while it syncs (installed before the app loads; nothing of a record, only timings and sizes).
 * `applies`: each `apply <database>` measure in turn, with the origin's IndexedDB usage (`estimate().usageDetails`,
 * Chromium's; the whole usage elsewhere) read right after it (sync-sizes.ts `devicePerDatabase`). `tasks`: each long
 * task's start and duration, to tell those of the scans' window apart.
 */
const watchScript = `
  window.__syncWatch = { steps: {}, longest: 0, tasks: [], heapPeak: 0, progress: [], applies: [], windows: [] };
  new PerformanceObserver((list) => {
    const w = window.__syncWatch;
    for (const e of list.getEntries()) {
      if (e.entryType === 'measure' && e.name.startsWith('lobby-sync ')) { w.steps[e.name.slice(11)] = (w.steps[e.name.slice(11)] || 0) + e.duration; w.windows.push([e.startTime, e.startTime + e.duration, e.name.slice(11)]); }
      if (e.entryType === 'measure' && e.name.startsWith('lobby-sync apply ')) {
        const reading = { database: e.name.slice(17), end: e.startTime + e.duration };
        w.applies.push(reading);
        navigator.storage.estimate().then((est) => { reading.idb = est.usageDetails?.indexedDB ?? est.usage; });
      }
      if (e.entryType === 'longtask') { w.longest = Math.max(w.longest, e.duration); w.tasks.push([e.startTime, e.duration]); }
    }
  }).observe({ entryTypes: ['measure', 'longtask'] });
  setInterval(() => {
    const m = performance.memory; if (m) window.__syncWatch.heapPeak = Math.max(window.__syncWatch.heapPeak, m.usedJSHeapSize);
    const shown = document.querySelector('[data-testid=sync-progress]')?.textContent;
    const seen = window.__syncWatch.progress;
    if (shown && seen[seen.length - 1] !== shown) seen.push(shown);
  }, 100);
`

interface SyncWatch {
  steps: Record<string, number>
  longest: number
  /** Each long task's start and duration (page clock). */
  tasks: [number, number][]
  heapPeak: number
  /** The progress texts the header showed, in turn. */
  progress: string[]
  applies: ApplyReading[]
  /** Each engine step's span (page clock) and name: which step a long task fell in. */
  windows: [number, number, string][]
  /** The page's clock when "join" was clicked. */
  joinAt?: number
}

/** Where a long task fell: the engine steps it overlaps, or none (the join, the sign-in, a page drawn). */
function stepsAt(watch: SyncWatch, [at, ms]: [number, number]): string {
  const names = watch.windows.filter(([from, to]) => at + ms >= from && at <= to).map(([, , name]) => name)
  return names.length ? [...new Set(names)].join(' + ') : 'no sync step (join, sign-in, a page drawn)'
}

/** Who joins the fresh device, and what to look up once it has synced: what a seed hands the bench. */
export interface SyncSeed {
  user: DemoSignIn
  probePhone: string
  /** Members with an active membership today, to scan during the sync (`InitialSyncOptions.scans`). */
  scanNumbers?: string[]
}

export interface InitialSyncOptions {
  /** Seeds the server (an organisation with no device of `user` in the browser yet). */
  seed: (lobby: Lobby) => Promise<SyncSeed>
  /** How long the sync may take before the bench gives up. */
  timeoutMs: number
  /** Scans at the check-in page once the desk realm is in, while the rest is pulled (sync-scans.ts); the seed's `scanNumbers`. */
  scans?: Omit<ScanPlan, 'numbers'>
  log: (line: string) => void
}

type Lobby = { url: string; adminUser: string; adminPassword: string }

/** The 10,000-people bench's seed: `count` people registered through the demo (`runDemo`), a front-desk device joins. */
export function demoPeopleSeed(count: number, seed = 7): InitialSyncOptions['seed'] {
  return async (lobby) => {
    const server = await remoteServer(`${lobby.url}/db/`, lobby.adminUser, lobby.adminPassword)
    await runDemo(server, { seed, people: count, forceNew: false }, () => {})
    return { user: demoSignIns.find((s) => s.username === 'desk1')!, probePhone: generatePeople(seed, count).at(-1)!.phone ?? '' }
  }
}

export interface InitialSyncFigures {
  synced: number
  lookup: number
  rawMs: number
  /** Documents the raw pull brought (every database the device pulls). */
  docs: number
  /** Time per step of the app's rounds (`lobby-sync <step> <database>`, sync-engine.ts), summed. */
  steps: Record<string, number>
  /** The longest main-thread task seen while syncing (Long Tasks API), ms. */
  longestTask: number
  /** The JS heap's peak while syncing (sampled every 100 ms), MB. */
  heapPeakMb: number
  /** What the header's progress said during the sync (first, middle and last of the distinct texts). */
  progressShown: string[]
  /** navigator.storage.estimate() usage after the sync, per document pulled. */
  deviceBytesPerDoc: number
  /** The same documents' JSON size on the server, per document. */
  serverBytesPerDoc: number
  /** The same documents as the development server stores them on disk (LevelDB, server-disk.ts), per document. */
  serverDiskBytesPerDoc: number
  /** Each database on the server, with what pulling it added on the device (sync-sizes.ts `deviceBytesOfKind`). */
  sizes: DatabaseSize[]
  /** The scans made during the sync, when asked for. */
  scans?: ScansDuringSync
  /** The longest main-thread task before the click on "join": the app starting and drawing the join page. */
  longestTaskBeforeJoin: number
  /** The longest main-thread task that overlapped a step of the engine (a push, or a database's pull and apply). */
  longestTaskInSyncSteps: number
  /** The long tasks of 80 ms and more, with the step each fell in. */
  longTasks: string[]
  /** The app's own offline cache (the service worker's precache), bytes: once per device, not per document. */
  cacheBytes: number
  /** The longest main-thread task that began while the check-in page opened and scanned. */
  longestTaskDuringScans?: number
}

/**
 * Initial sync into a fresh browser, as the app does it (server → local replica → integrity check → Dexie, then a
 * person found by phone through the blind index), for whoever `options.seed` makes join, next to a raw PouchDB pull of
 * the same databases. "Synced": the sync is idle after the apply of the last database the user's device pulls. With
 * `options.scans`, the check-in page is opened and scanned meanwhile, once the desk realm is in (sync-scans.ts).
 */
export async function initialSyncBench(browser: Browser, lobby: Lobby, options: InitialSyncOptions): Promise<InitialSyncFigures> {
  const { log } = options
  const { user, probePhone, scanNumbers } = await options.seed(lobby)
  const databases = pulledDatabases(user.role)
  const last = databases.at(-1)!
  const auth = `Basic ${btoa(`${lobby.adminUser}:${lobby.adminPassword}`)}`
  // The server's side: each database's documents as JSON (what a replica has to hold, revision trees aside).
  const sizes = await serverSizes(`${lobby.url}/db/`, auth, databases)
  const serverDocs = sizes.reduce((n, s) => n + s.docs, 0)
  const serverBytes = sizes.reduce((n, s) => n + s.bytes, 0)
  const disk = await serverDiskBytes(`${lobby.url}/db/`, { username: lobby.adminUser, password: lobby.adminPassword }, databases)
  for (const size of sizes) size.disk = disk.get(size.database)
  const serverDisk = sizes.reduce((n, s) => n + (s.disk ?? 0), 0)

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' })
  await context.addInitScript({ content: `window.__name = (f) => f;${stopwatchScript}` })
  await context.addInitScript({ content: watchScript })
  const page = await context.newPage()
  await page.goto(`${lobby.url}/join`)
  await page.getByTestId('join-username').fill(user.username)
  await page.getByTestId('join-secret').fill(user.passphrase)
  // LOBBY_BENCH_PROFILE=artifacts/sync.cpuprofile: a CPU profile of the sync, its top functions printed.
  const profiling = await startProfile(page, context)
  // The origin's IndexedDB before the join (the app shell's cache is counted apart: it is there before any document).
  const idbBefore = (await page.evaluate(async () => ((await navigator.storage.estimate()) as { usageDetails?: { indexedDB?: number } }).usageDetails?.indexedDB ?? 0)) as number
  // The page's clock at the click: a long task before it (the app's own start, the join page drawn) is no part of the sync.
  await page.evaluate(() => void ((window as unknown as { __syncWatch: SyncWatch }).__syncWatch.joinAt = performance.now()))
  const t0 = performance.now()
  await page.getByTestId('join-submit').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: 120_000 })
  const scanning: ScanPlan | undefined = options.scans && scanNumbers?.length ? { ...options.scans, numbers: scanNumbers } : undefined
  // Idle after the round that took in the last database (the join's first round, before sign-in, is idle too, with only
  // the organisation's documents in). Timed when the page sees it, whatever the bench is doing then (scans): a scan's
  // check-in waits for the next round (round-schedule.ts), so with scans the pending count is not asked to be 0.
  const syncedAt = page
    .waitForFunction(
      ({ last, scanning }) => {
        const el = document.querySelector('[data-testid=sync-status]')
        const steps = (window as unknown as { __syncWatch?: SyncWatch }).__syncWatch?.steps ?? {}
        return el?.getAttribute('data-state') === 'idle' && (scanning || el.getAttribute('data-pending') === '0') && steps[`apply ${last}`] !== undefined
      },
      { last, scanning: !!scanning },
      { timeout: options.timeoutMs, polling: 200 },
    )
    .then(() => performance.now() - t0)
  // A scan that fails fails the bench: the sync's wait is not left to reject unhandled meanwhile.
  syncedAt.catch(() => undefined)
  const scans = scanning && (await scanWhileSyncing(page, databases, databaseNameFor('desk'), scanning))
  const synced = await syncedAt
  await profiling?.stop(log)
  const watch = (await page.evaluate(() => (window as unknown as { __syncWatch: SyncWatch }).__syncWatch)) as SyncWatch
  const usage = (await page.evaluate(async () => {
    const est = (await navigator.storage.estimate()) as { usage?: number; usageDetails?: { indexedDB?: number; caches?: number } }
    return { all: est.usage ?? 0, idb: est.usageDetails?.indexedDB, caches: est.usageDetails?.caches ?? 0 }
  })) as { all: number; idb?: number; caches: number }
  devicePerDatabase(sizes, watch.applies)
  const joinAt = watch.joinAt ?? 0
  const duringSync = ([at, ms]: [number, number]) => at + ms > joinAt
  const syncTasks = watch.tasks.filter(duringSync)
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1)
  log(`  synced in ${(synced / 1000).toFixed(1)} s; on the server → added on the device: ${sizes.map((s) => `${s.database} ${s.docs} docs ${mb(s.bytes)} → ${s.device === undefined ? '?' : mb(s.device)} MB`).join(', ')}`)
  await page.locator('nav a[href="/people"]').click()
  await page.getByTestId('person-search').fill(probePhone)
  const q0 = performance.now()
  await page.getByTestId('person-search-submit').click()
  await page.getByTestId('people-table').locator('tbody tr').first().waitFor()
  const lookup = performance.now() - q0
  await context.close()

  const rawPull = await rawPouchPull(browser, lobby.url, databases, auth)
  return {
    synced,
    lookup,
    rawMs: rawPull.ms,
    docs: rawPull.docs,
    steps: watch.steps,
    // From the click on "join" on: the app's own start and the join page before it are reported apart.
    longestTask: Math.max(0, ...syncTasks.map(([, ms]) => ms)),
    longestTaskBeforeJoin: Math.max(0, ...watch.tasks.filter((t) => !duringSync(t)).map(([, ms]) => ms)),
    heapPeakMb: watch.heapPeak / 1_048_576,
    progressShown: [...new Set([watch.progress[0], watch.progress[Math.floor(watch.progress.length / 2)], watch.progress.at(-1)].filter((x): x is string => !!x))],
    // What the documents added to IndexedDB (Chromium's usageDetails; the whole usage where a browser gives no details).
    deviceBytesPerDoc: (usage.idb === undefined ? usage.all : usage.idb - idbBefore) / Math.max(1, serverDocs),
    cacheBytes: usage.caches,
    longestTaskInSyncSteps: Math.max(0, ...watch.tasks.filter((t) => !stepsAt(watch, t).startsWith('no sync step')).map(([, ms]) => ms)),
    longTasks: syncTasks.filter(([, ms]) => ms >= 80).map((t) => `${t[1].toFixed(0)} ms at ${(t[0] - joinAt).toFixed(0)} ms after the click (${stepsAt(watch, t)})`),
    serverBytesPerDoc: serverBytes / Math.max(1, serverDocs),
    serverDiskBytesPerDoc: serverDisk / Math.max(1, serverDocs),
    sizes,
    scans,
    longestTaskDuringScans: scans && Math.max(0, ...watch.tasks.filter(([at, ms]) => at + ms >= scans.window.from && at <= scans.window.to).map(([, ms]) => ms)),
  }
}

/** The baseline: PouchDB pulling the same databases into fresh IndexedDB replicas, one after another as the app pulls them. */
async function rawPouchPull(browser: Browser, url: string, databases: string[], auth: string): Promise<{ ms: number; docs: number }> {
  // The app's CSP refuses the inline PouchDB script this comparison injects: bypassed for this context only.
  const raw = await browser.newContext({ bypassCSP: true })
  try {
    // tsx (esbuild keepNames) wraps functions in __name(); functions sent to the page need it defined there.
    await raw.addInitScript({ content: 'window.__name = (f) => f' })
    const rawPage = await raw.newPage()
    await rawPage.goto(`${url}/diagnostics`)
    await rawPage.addScriptTag({ path: pouchScript })
    return await rawPage.evaluate(
      async ({ base, databases, auth }) => {
        type PouchCtor = { new (name: string, options?: object): { info(): Promise<{ doc_count: number }> }; replicate(a: unknown, b: unknown, o: object): Promise<unknown> }
        const P = (window as unknown as { PouchDB: PouchCtor }).PouchDB
        const fetchAs = (u: string, o: RequestInit) => fetch(u, { ...o, headers: { ...Object.fromEntries(new Headers(o.headers)), Authorization: auth } })
        let docs = 0
        const s = performance.now()
        for (const db of databases) {
          const target = new P(`raw-bench-${db}`)
          await P.replicate(new P(`${base}${db}`, { fetch: fetchAs }), target, { batch_size: 250, batches_limit: 4 })
          docs += (await target.info()).doc_count
        }
        return { ms: performance.now() - s, docs }
      },
      { base: `${url}/db/`, databases, auth },
    )
  } finally {
    await raw.close()
  }
}
