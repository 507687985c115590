/**
 * Issue 9 §6, the desk at the scale of years: a browser seeded through the app's repositories
 * (bench/browser/seed.ts), the desk user signed in through the app, then check-in scans, the
 * first scan after an unlock, phone searches, opening the members list and the desk's heap over
 * many scans. Every figure is taken in the page (stopwatch.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { SeedResult, SeedSizes, SeedUsers } from './browser/seed-types'
import { within, type BenchServer } from './server'
import { stopwatchScript, type Stopwatch } from './stopwatch'

export const benchUsers: SeedUsers = {
  admin: { name: '基准管理员', username: 'bench.admin', passphrase: 'benchmarks measure the real thing', role: 'admin' },
  manager: { name: '基准经理', username: 'bench.manager', passphrase: 'numbers on a monday morning', role: 'manager' },
  desk: { name: '基准前台', username: 'bench.desk', passphrase: 'cards scanned all afternoon', role: 'frontdesk' },
}

/** At least `min` timed runs (after the warm-up), more up to `max` while the part has not used `budgetMs`. */
export interface Runs {
  min: number
  max: number
  budgetMs: number
}

export interface DeskPlan {
  sizes: SeedSizes
  /** Scans timed one by one (after `warmup` untimed ones). */
  scans: Runs
  warmup: number
  /** Lock → unlock → first scan, timed (after one untimed). */
  unlocks: Runs
  searches: Runs
  listOpens: Runs
  /** Scans run in the page between the two heap readings, and the time they may take at most. */
  heapScans: number
  /** Scans before the first heap reading (the caches of opened records fill). */
  heapWarmup: number
  heapBudgetMs: number
  seedTimeoutMs: number
  /** The longest one step (a scan, a search, a page) may take before the bench gives up. */
  stepMs: number
  /** Called after each metric with what is measured so far: a later failure keeps the earlier figures. */
  report: (figures: Partial<DeskFigures>) => void
  log: (line: string) => void
}

export interface DeskFigures {
  seed: SeedResult
  scans: number[]
  verdicts: Map<string, number>
  firstAfterUnlock: number[]
  phoneSearch: number[]
  membersListOpen: number[]
  /** The list's one-time fold on this device (from the first opening to its first page), not a screen's speed. */
  membersListBuild: number[]
  heap: { beforeMb: number; afterMb: number; scans: number; seconds: number; cutShort: boolean }
}

type BenchWindow = Window & { __stopwatch: Stopwatch; lobbySeed?: (sizes: SeedSizes, users: SeedUsers) => Promise<SeedResult> }

async function seedBrowser(page: Page, server: BenchServer, plan: DeskPlan): Promise<SeedResult> {
  const step = plan.stepMs
  page.on('console', (m) => {
    if (/^\[(seed|bench)\]/.test(m.text())) plan.log(`  ${m.text()}`)
  })
  await page.goto(`${server.url}/bench/seed.html`)
  await page.locator('body[data-ready=true]').waitFor({ timeout: step })
  return within(
    plan.seedTimeoutMs,
    'seeding the browser (bench/browser/seed.ts)',
    page.evaluate(({ sizes, users }) => (window as unknown as BenchWindow).lobbySeed!(sizes, users), { sizes: plan.sizes, users: benchUsers }),
  )
}

export async function signInAsDesk(page: Page, server: BenchServer, step: number) {
  await page.goto(`${server.url}/`)
  await page.getByTestId('sign-in-username').fill(benchUsers.desk.username)
  await page.getByTestId('sign-in-secret').fill(benchUsers.desk.passphrase)
  await page.getByTestId('sign-in-submit').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: step })
}

async function goTo(page: Page, path: string) {
  await page.locator(`nav a[href="${path}"]`).click()
}

/** `checkin_scan_ms`'s goal (p95), the desk's own: a scan during an initial sync is held to it too (sync-rows.ts). */
export const checkinScanGoalMs = 50

/** One scan as a USB scanner does it: the text in the field, then Enter; timed from the key to the verdict. */
async function scanOnce(page: Page, memberNo: string, step: number): Promise<{ ms: number; verdict: string }> {
  const field = page.getByTestId('scan-text')
  await field.fill(memberNo)
  await page.evaluate(() => (window as unknown as BenchWindow).__stopwatch.arm('verdict', null, 'enter'))
  await field.press('Enter')
  const ms = await within(step, `scan of ${memberNo} → verdict`, page.evaluate(() => (window as unknown as BenchWindow).__stopwatch.result))
  const verdict = (await page.getByTestId('checkin-verdict').getAttribute('data-verdict')) ?? '?'
  // Clicked in the page: a verdict that goes by itself (an admit closes after a few seconds) is no failure.
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid=verdict-dismiss]')?.click())
  await page.getByTestId('checkin-verdict').waitFor({ state: 'detached', timeout: step })
  return { ms, verdict }
}

/** Runs `once` (warm-up runs untimed) until `runs` says enough; returns the timed figures. */
export async function repeat(runs: Runs, warmup: number, once: (i: number) => Promise<number | undefined>): Promise<number[]> {
  const times: number[] = []
  const started = performance.now()
  for (let i = 0; times.length < runs.max && (times.length < runs.min || performance.now() - started < runs.budgetMs); i++) {
    const ms = await once(i)
    if (i >= warmup && ms !== undefined) times.push(ms)
  }
  return times
}

async function heapMb(page: Page, context: BrowserContext): Promise<number> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / 1024 / 1024
}

/**
 * `LOBBY_BENCH_PROFILE=artifacts/scans.cpuprofile npm run bench …`: a CPU profile of the timed scans (open it in
 * Chromium's devtools), and the functions that took the most time, printed; the bench stops after the scans. The app is
 * then built unminified.
 */
export async function startProfile(page: Page, context: BrowserContext) {
  const file = process.env.LOBBY_BENCH_PROFILE
  if (!file) return undefined
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return {
    async stop(log: (line: string) => void) {
      const { profile } = await cdp.send('Profiler.stop')
      await cdp.detach()
      const { mkdirSync, writeFileSync } = await import('node:fs')
      const { dirname } = await import('node:path')
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, JSON.stringify(profile))
      for (const line of profileSummary(profile)) log(`    ${line}`)
    },
  }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** Self and total time per function (a function's total counted once per sample, however deep it recurses). */
function profileSummary(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000
    let node = byId.get(samples[i]!)
    if (!node) continue
    self.set(name(node), (self.get(name(node)) ?? 0) + ms)
    const seen = new Set<string>()
    for (; node; node = byId.get(parent.get(node.id) ?? -1)) {
      const n = name(node)
      if (seen.has(n)) continue
      seen.add(n)
      total.set(n, (total.get(n) ?? 0) + ms)
    }
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${n}`)
  return ['profile, self time:', ...top(self, 25), 'profile, total time:', ...top(total, 40)]
}

/** An hour at the desk, compressed: scans one after the other in the page, each dismissed, until done or out of time. */
async function scanMany(page: Page, numbers: string[], count: number, budgetMs: number, stepMs: number) {
  return page.evaluate(
    async ({ numbers, count, budgetMs, stepMs }) => {
      const until = (what: string, check: () => boolean) => (window as unknown as BenchWindow).__stopwatch.until(what, check, stepMs)
      const verdict = () => document.querySelector<HTMLElement>('[data-testid=checkin-verdict]')
      const started = performance.now()
      let done = 0
      while (done < count && performance.now() - started < budgetMs) {
        const no = numbers[done % numbers.length]!
        await until('the scan field ready', () => !document.querySelector('[data-testid=scan-submit]')?.hasAttribute('disabled'))
        const field = document.querySelector<HTMLInputElement>('[data-testid=scan-text]')!
        field.value = no
        field.dispatchEvent(new Event('input', { bubbles: true }))
        field.form!.requestSubmit()
        await until(`a verdict for ${no}`, () => verdict() !== null)
        document.querySelector<HTMLButtonElement>('[data-testid=verdict-dismiss]')!.click()
        await until('the verdict dismissed', () => verdict() === null)
        if (++done % 200 === 0) console.log(`[bench] ${done} scans in ${((performance.now() - started) / 1000).toFixed(0)} s`)
      }
      return { done, seconds: (performance.now() - started) / 1000 }
    },
    { numbers, count, budgetMs, stepMs },
  )
}

export async function deskBench(browser: Browser, server: BenchServer, plan: DeskPlan): Promise<DeskFigures> {
  // No service worker: its precaching would compete with the figures (and it has nothing to do with the desk's reads).
  const step = plan.stepMs
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en', serviceWorkers: 'block' })
  try {
    await context.addInitScript({ content: `window.__name = (f) => f;${stopwatchScript}` })
    const page = await context.newPage()
    page.setDefaultTimeout(step)
    try {
      return await measureDesk(page, context, server, plan)
    } catch (e) {
      // What the screen showed when a step failed: the lock screen, an error, a verdict that never went.
      const screen = await page.evaluate(() => (document.querySelector('main') ?? document.body).textContent?.replace(/\s+/g, ' ').slice(0, 300)).catch(() => '?')
      throw new Error(`${e instanceof Error ? e.message.split('\n')[0] : String(e)} — the page at ${page.url()} showed: ${screen}`)
    }
  } finally {
    await context.close()
  }
}

async function measureDesk(page: Page, context: BrowserContext, server: BenchServer, plan: DeskPlan): Promise<DeskFigures> {
  const step = plan.stepMs
  {
    const seed = await seedBrowser(page, server, plan)
    const figures: Partial<DeskFigures> = { seed }
    const report = <K extends keyof DeskFigures>(key: K, value: DeskFigures[K]) => {
      figures[key] = value
      plan.report(figures)
    }
    plan.log(`  seeded in ${seed.seconds.toFixed(0)} s: ${seed.people} people, ${seed.members} members, ${seed.fees} fees, ${seed.checkIns} check-ins (today ${seed.today})`)

    await signInAsDesk(page, server, step)
    plan.log('  signed in as the front desk')
    const numbers = seed.memberNos
    let next = 0
    const nextNumber = () => numbers[next++ % numbers.length]!

    // Cheapest first: a full-size run cut short still has the most metrics.
    await goTo(page, '/people')
    const phoneSearch = await repeat(plan.searches, 1, async (i) => {
      const phone = seed.phones[i % seed.phones.length]!
      await page.getByTestId('person-search').fill(phone)
      await page.evaluate(() => {
        const sw = (window as unknown as BenchWindow).__stopwatch
        sw.arm('newPeopleRows', sw.firstPerson(), 'enter')
      })
      await page.getByTestId('person-search').press('Enter')
      return within(step, `phone search of ${phone} → rows`, page.evaluate(() => (window as unknown as BenchWindow).__stopwatch.result))
    })
    report('phoneSearch', phoneSearch)
    plan.log(`  phone_search_ms: ${phoneSearch.length} searches`)

    await goTo(page, '/checkin')
    await page.getByTestId('scan-text').waitFor()
    const verdicts = new Map<string, number>()
    const profiling = await startProfile(page, context)
    const scans = await repeat(plan.scans, plan.warmup, async (i) => {
      const { ms, verdict } = await scanOnce(page, nextNumber(), step)
      if (i < plan.warmup + 2 || i % 10 === 0) plan.log(`    scan ${i + 1}${i < plan.warmup ? ' (warm-up)' : ''}: ${ms.toFixed(0)} ms, ${verdict}`)
      if (i >= plan.warmup) verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1)
      return ms
    })
    await profiling?.stop(plan.log)
    report('verdicts', verdicts)
    report('scans', scans)
    plan.log(`  checkin_scan_ms: ${scans.length} scans`)
    // A profile is of the scans: the rest is not measured then.
    if (profiling) return figures as DeskFigures

    const firstPage = Math.min(50, seed.members)
    // The list is folded once per device (its sealed rows): that one-time build is reported apart from the openings.
    await goTo(page, '/checkin')
    await page.getByTestId('scan-text').waitFor()
    const buildStart = Date.now()
    await goTo(page, '/members')
    await within(
      step * 4,
      'members list one-time build',
      page.waitForFunction((n) => !document.querySelector('[data-testid=members-list-preparing]') && document.querySelectorAll('[data-testid=members-table] tbody tr').length >= n, firstPage, { timeout: 0, polling: 250 }),
    )
    const buildMs = Date.now() - buildStart
    plan.log(`    members list one-time build: ${(buildMs / 1000).toFixed(1)} s`)
    report('membersListBuild', [buildMs])
    const membersListOpen = await repeat(plan.listOpens, 1, async () => {
      await goTo(page, '/checkin')
      await page.getByTestId('scan-text').waitFor()
      await page.evaluate((n) => (window as unknown as BenchWindow).__stopwatch.arm('memberRows', n, 'click'), firstPage)
      await goTo(page, '/members')
      const ms = await within(step, 'members list → first 50 rows', page.evaluate(() => (window as unknown as BenchWindow).__stopwatch.result))
      plan.log(`    members list: ${ms.toFixed(0)} ms`)
      return ms
    })
    report('membersListOpen', membersListOpen)
    plan.log(`  members_list_open_ms: ${membersListOpen.length} opens`)

    // Locking drops the session's keys and decrypted records: the first scan after the unlock reads cold.
    await goTo(page, '/checkin')
    await page.getByTestId('scan-text').waitFor()
    const firstAfterUnlock = await repeat(plan.unlocks, 1, async () => {
      await page.getByTestId('lock-button').click()
      await page.getByTestId('lock-screen').waitFor()
      await page.getByTestId('unlock-secret').fill(benchUsers.desk.passphrase)
      await page.getByTestId('unlock-submit').click()
      await page.getByTestId('lock-screen').waitFor({ state: 'detached', timeout: step })
      await page.getByTestId('scan-text').waitFor()
      const { ms } = await scanOnce(page, nextNumber(), step)
      plan.log(`    first scan after unlock: ${ms.toFixed(0)} ms`)
      return ms
    })
    report('firstAfterUnlock', firstAfterUnlock)
    plan.log(`  checkin_first_after_unlock_ms: ${firstAfterUnlock.length} unlocks`)

    await goTo(page, '/checkin')
    await page.getByTestId('scan-text').waitFor()
    // The unlock emptied the caches of opened records (bounded: `keptOpen` per kind, 250 by default): the reading
    // starts once scans have filled them, so what it shows is what an evening of scans adds, not the caches filling.
    const warm = await within(plan.heapBudgetMs + step * 5, `${plan.heapWarmup} warm-up scans`, scanMany(page, numbers.slice(-plan.heapWarmup), plan.heapWarmup, plan.heapBudgetMs, step))
    plan.log(`  heap warm-up: ${warm.done} scans in ${warm.seconds.toFixed(0)} s`)
    const beforeMb = await heapMb(page, context)
    const run = await within(plan.heapBudgetMs + step * 5, `${plan.heapScans} scans for the heap reading`, scanMany(page, numbers, plan.heapScans, plan.heapBudgetMs, step))
    const afterMb = await heapMb(page, context)
    plan.log(`  desk_heap_growth_mb: ${run.done} scans in ${run.seconds.toFixed(0)} s, heap ${beforeMb.toFixed(1)} → ${afterMb.toFixed(1)} MB`)

    report('heap', { beforeMb, afterMb, scans: run.done, seconds: run.seconds, cutShort: run.done < plan.heapScans })
    return figures as DeskFigures
  }
}
