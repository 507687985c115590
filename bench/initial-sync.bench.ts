import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { generatePeople } from '../scripts/demo/people'
import { demoSignIns } from '../scripts/demo/sign-ins'
import { runDemo } from '../scripts/demo/demo'
import { remoteServer } from '../scripts/demo/server'
import { startProfile } from './desk.bench'

const pouchScript = createRequire(import.meta.url).resolve('pouchdb/dist/pouchdb.min.js')
const seed = 7

/**
 * Initial sync of `count` people into a fresh browser, as the app does it
 * (server → PouchDB → integrity check → Dexie, then found by phone through the
 * blind index), next to a raw PouchDB pull of the same database.
 */
/** The databases a front-desk device pulls (channels.ts `channelsFor` for its realms), in the order it pulls them. */
const deskDatabases = ['lobby_public', 'lobby_org', 'lobby_directory', 'lobby_desk']

/** What the page collects while it syncs (installed before the app loads; nothing of a record, only timings and sizes). */
const watchScript = `
  window.__syncWatch = { steps: {}, longest: 0, heapPeak: 0, progress: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === 'measure' && e.name.startsWith('lobby-sync ')) window.__syncWatch.steps[e.name.slice(11)] = (window.__syncWatch.steps[e.name.slice(11)] || 0) + e.duration;
      if (e.entryType === 'longtask') window.__syncWatch.longest = Math.max(window.__syncWatch.longest, e.duration);
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
  heapPeak: number
  /** The progress texts the header showed, in turn. */
  progress: string[]
}

export interface InitialSyncFigures {
  synced: number
  lookup: number
  rawMs: number
  /** Documents the raw pull brought (every database the desk pulls). */
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
}

export async function initialSyncBench(browser: Browser, lobby: { url: string; adminUser: string; adminPassword: string }, count: number, log: (line: string) => void = () => {}): Promise<InitialSyncFigures> {
  const server = await remoteServer(`${lobby.url}/db/`, lobby.adminUser, lobby.adminPassword)
  await runDemo(server, { seed, people: count, forceNew: false }, () => {})
  const probe = generatePeople(seed, count).at(-1)!
  const desk = demoSignIns.find((s) => s.username === 'desk1')!
  const auth = `Basic ${btoa(`${lobby.adminUser}:${lobby.adminPassword}`)}`

  // The server's side: each database's documents as JSON (what a replica has to hold, revision trees aside).
  let serverBytes = 0
  let serverDocs = 0
  for (const db of deskDatabases) {
    const res = await fetch(`${lobby.url}/db/${db}/_all_docs?include_docs=true`, { headers: { Authorization: auth } })
    const body = (await res.json()) as { rows: { id: string; doc: unknown }[] }
    for (const row of body.rows) {
      if (row.id.startsWith('_design/')) continue
      serverBytes += new TextEncoder().encode(JSON.stringify(row.doc)).length
      serverDocs++
    }
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' })
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  await context.addInitScript({ content: watchScript })
  const page = await context.newPage()
  await page.goto(`${lobby.url}/join`)
  await page.getByTestId('join-username').fill(desk.username)
  await page.getByTestId('join-secret').fill(desk.passphrase)
  // LOBBY_BENCH_PROFILE=artifacts/sync.cpuprofile: a CPU profile of the sync, its top functions printed.
  const profiling = await startProfile(page, context)
  const t0 = performance.now()
  await page.getByTestId('join-submit').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: 120_000 })
  // Idle after the round that took in the desk realm (the join's first round, before sign-in, is idle too, with only
  // the organisation's documents in).
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=sync-status]')
      const steps = (window as unknown as { __syncWatch?: SyncWatch }).__syncWatch?.steps ?? {}
      return el?.getAttribute('data-state') === 'idle' && el.getAttribute('data-pending') === '0' && steps['apply lobby_desk'] !== undefined
    },
    undefined,
    { timeout: 600_000, polling: 200 },
  )
  const synced = performance.now() - t0
  await profiling?.stop(log)
  const watch = (await page.evaluate(() => (window as unknown as { __syncWatch: SyncWatch }).__syncWatch)) as SyncWatch
  const usage = (await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)) as number
  await page.locator('nav a[href="/people"]').click()
  await page.getByTestId('person-search').fill(probe.phone ?? '')
  const q0 = performance.now()
  await page.getByTestId('person-search-submit').click()
  await page.getByTestId('people-table').locator('tbody tr').first().waitFor()
  const lookup = performance.now() - q0
  await context.close()

  // The app's CSP refuses the inline PouchDB script this comparison injects: bypassed for this context only.
  const raw = await browser.newContext({ bypassCSP: true })
  // tsx (esbuild keepNames) wraps functions in __name(); functions sent to the page need it defined there.
  await raw.addInitScript({ content: 'window.__name = (f) => f' })
  const rawPage = await raw.newPage()
  await rawPage.goto(`${lobby.url}/diagnostics`)
  await rawPage.addScriptTag({ path: pouchScript })
  const rawPull = await rawPage.evaluate(
    async ({ base, databases, auth }) => {
      type PouchCtor = { new (name: string, options?: object): { info(): Promise<{ doc_count: number }> }; replicate(a: unknown, b: unknown, o: object): Promise<unknown> }
      const P = (window as unknown as { PouchDB: PouchCtor }).PouchDB
      const fetchAs = (u: string, o: RequestInit) => fetch(u, { ...o, headers: { ...Object.fromEntries(new Headers(o.headers)), Authorization: auth } })
      let docs = 0
      const s = performance.now()
      // One database after another, as the app pulls them.
      for (const db of databases) {
        const target = new P(`raw-bench-${db}`)
        await P.replicate(new P(`${base}${db}`, { fetch: fetchAs }), target, { batch_size: 250, batches_limit: 4 })
        docs += (await target.info()).doc_count
      }
      return { ms: performance.now() - s, docs }
    },
    { base: `${lobby.url}/db/`, databases: deskDatabases, auth },
  )
  await raw.close()
  return {
    synced,
    lookup,
    rawMs: rawPull.ms,
    docs: rawPull.docs,
    steps: watch.steps,
    longestTask: watch.longest,
    heapPeakMb: watch.heapPeak / 1_048_576,
    progressShown: [...new Set([watch.progress[0], watch.progress[Math.floor(watch.progress.length / 2)], watch.progress.at(-1)].filter((x): x is string => !!x))],
    deviceBytesPerDoc: usage / Math.max(1, serverDocs),
    serverBytesPerDoc: serverBytes / Math.max(1, serverDocs),
  }
}
