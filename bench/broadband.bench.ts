/**
 * Issue 12 "Done means": `bill_run_10k_ms` (a month's bill run over 10,000 accounts, preview and post) and
 * `statement_open_ms` (a statement of an account with 3 years of history). Its own browser context and organisation,
 * seeded in the page (bench/browser/broadband-seed.ts) with an agent's keys (the `accounts` realm). Each bill run bills
 * a fresh month, so each posts a charge for every billable account. Timed in the page.
 */
import type { Browser, Page } from 'playwright-core'
import type { BroadbandSeedResult, BroadbandSeedSizes, BroadbandSeedUsers, PostBreakdown, StoreBillRun, StoreStatement } from './browser/broadband-seed-types'
import { benchUsers, repeat, startProfile, type Runs } from './desk.bench'
import { addMonths } from './browser/broadband-plan'
import { screenBillRuns, screenStatements, signInAs } from './broadband-screens'
import { within, type BenchServer } from './server'
import { percentile, summarise, type MetricResult } from './stats'

export const broadbandUsers: BroadbandSeedUsers = {
  admin: benchUsers.admin,
  manager: benchUsers.manager,
  agent: { name: '基准宽带专员', username: 'bench.agent', passphrase: 'ten thousand bills at once', role: 'agent' },
}

export interface BroadbandPlan {
  sizes: BroadbandSeedSizes
  billRuns: Runs
  statementOpens: Runs
  warmup: number
  seedTimeoutMs: number
  stepMs: number
  /** Which figures are taken on the desk's screens (the rest through the store in the seed page). */
  screens: { billRun: boolean; statement: boolean }
  log: (line: string) => void
}

/** How a figure was taken: on the screen (click → shown) or, before the screen existed, through the store in the page. */
export type Path = 'screen' | 'store'

export interface BroadbandFigures {
  seed: BroadbandSeedResult
  billRuns: number[]
  billRunPath: Path
  /** The store path's runs, with where their time went. */
  storeBillRuns: StoreBillRun[]
  /** Charges each timed run posted. */
  charged: number[]
  /** On the screen: each run's time from the click on Preview to the plan shown (the rest is Post: the plan again, then the write). */
  previews: number[]
  /** Where a post's time goes (fresh months of their own). */
  postBreakdown: PostBreakdown
  statementOpens: number[]
  statementPath: Path
}

type BenchWindow = Window & {
  lobbyBroadbandSeed?: (sizes: BroadbandSeedSizes, users: BroadbandSeedUsers) => Promise<BroadbandSeedResult>
  lobbyBroadbandBillRun?: (month: string) => Promise<StoreBillRun>
  lobbyBroadbandStatement?: (month: string) => Promise<StoreStatement>
  lobbyBroadbandPostBreakdown?: (bareMonth: string, auditedMonth: string) => Promise<PostBreakdown>
}

/** Bill runs through the store's actions in the seed page: agreements and status events read, the month's charges, preview, post. */
async function storeBillRuns(page: Page, plan: BroadbandPlan, months: string[]): Promise<{ times: number[]; runs: StoreBillRun[] }> {
  const runs: StoreBillRun[] = []
  const times = await repeat(plan.billRuns, plan.warmup, async (i) => {
    const month = months.shift()
    if (!month) throw new Error('no fresh month left for a bill run: raise sizes.billRunMonths')
    const run = await within(plan.stepMs, `bill run of ${month}`, page.evaluate((m) => (window as unknown as BenchWindow).lobbyBroadbandBillRun!(m), month))
    const p = run.parts
    plan.log(
      `    bill run ${i + 1}${i < plan.warmup ? ' (warm-up)' : ''} ${month}: ${run.totalMs.toFixed(0)} ms = preview ${run.previewMs.toFixed(0)} (agreements ${p.agreementsMs.toFixed(0)}, status events ${p.statusesMs.toFixed(0)}, month's charges ${p.billedMs.toFixed(0)}, plan ${p.planMs.toFixed(0)}) + post ${run.postMs.toFixed(0)}; ${run.charged} charged, ${run.skipped} skipped`,
    )
    if (i >= plan.warmup) runs.push(run)
    return run.totalMs
  })
  return { times, runs }
}

async function storeStatements(page: Page, plan: BroadbandPlan, seed: BroadbandSeedResult): Promise<number[]> {
  return repeat(plan.statementOpens, plan.warmup, async (i) => {
    const month = seed.statementMonths[i % seed.statementMonths.length]!
    const s = await within(plan.stepMs, `statement of ${month}`, page.evaluate((m) => (window as unknown as BenchWindow).lobbyBroadbandStatement!(m), month))
    if (i < plan.warmup + 3 || i % 10 === 0) plan.log(`    statement ${month}${i < plan.warmup ? ' (warm-up)' : ''}: ${s.ms.toFixed(1)} ms, ${s.lines} lines`)
    return s.ms
  })
}

export async function broadbandBench(browser: Browser, server: BenchServer, plan: BroadbandPlan, report: (figures: Partial<BroadbandFigures>) => void): Promise<Partial<BroadbandFigures>> {
  const step = plan.stepMs
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en', serviceWorkers: 'block' })
  const figures: Partial<BroadbandFigures> = {}
  try {
    await context.addInitScript({ content: 'window.__name = (f) => f;' })
    const page = await context.newPage()
    page.setDefaultTimeout(step)
    page.on('console', (m) => {
      if (/^\[(seed|bench)\]/.test(m.text())) plan.log(`  ${m.text()}`)
    })
    try {
      await page.goto(`${server.url}/bench/seed.html`)
      await page.locator('body[data-ready=true]').waitFor({ timeout: step })
      const seed = await within(
        plan.seedTimeoutMs,
        'seeding the browser (bench/browser/broadband-seed.ts)',
        page.evaluate(({ sizes, users }) => (window as unknown as BenchWindow).lobbyBroadbandSeed!(sizes, users), { sizes: plan.sizes, users: broadbandUsers }),
      )
      plan.log(`  seeded in ${seed.seconds.toFixed(0)} s: ${seed.accounts} agreements (${seed.suspended} suspended, ${seed.terminated} terminated), ${seed.statusEvents} status events, one account with ${seed.historyLines} ledger lines (today ${seed.today})`)
      Object.assign(figures, { seed })
      report(figures)

      // Each run takes the next fresh month; the last two are the breakdown's.
      const months = seed.billRunMonths.slice(0, -2)
      if (!plan.screens.billRun) {
        // LOBBY_BENCH_PROFILE=artifacts/bill-run.cpuprofile: a CPU profile of the timed bill runs, its top functions printed.
        const profiling = await startProfile(page, context)
        const bills = await storeBillRuns(page, plan, months)
        await profiling?.stop(plan.log)
        Object.assign(figures, { billRuns: bills.times, storeBillRuns: bills.runs, charged: bills.runs.map((r) => r.charged), billRunPath: 'store' })
        report(figures)
        plan.log(`  bill_run_10k_ms: ${bills.times.length} runs through the store`)
      }
      const [bareMonth, auditedMonth] = seed.billRunMonths.slice(-2) as [string, string]
      const postBreakdown = await within(plan.stepMs * 2, 'post breakdown', page.evaluate(([b, a]) => (window as unknown as BenchWindow).lobbyBroadbandPostBreakdown!(b, a), [bareMonth, auditedMonth]))
      plan.log(
        `  post of ${postBreakdown.charges} charges: sealed and written ${postBreakdown.sealAndWriteMs.toFixed(0)} ms, with their audit entries ${postBreakdown.auditedMs.toFixed(0)} ms (both on an in-memory clock)`,
      )
      Object.assign(figures, { postBreakdown })
      report(figures)
      if (!plan.screens.statement) {
        const statements = await storeStatements(page, plan, seed)
        Object.assign(figures, { statementOpens: statements, statementPath: 'store' })
        report(figures)
        plan.log(`  statement_open_ms: ${statements.length} statements through the store`)
      }
      if (!plan.screens.statement && !plan.screens.billRun) return figures

      await signInAs(page, server, broadbandUsers.agent, step)
      await page.waitForTimeout(3_000)
      const sync = await page.getByTestId('sync-status').getAttribute('data-state').catch(() => 'none')
      plan.log(`  signed in as the agent (sync: ${sync})`)
      if (plan.screens.statement) {
        const statements = await screenStatements(page, seed, plan.statementOpens, plan, (m) => addMonths(m, -1))
        Object.assign(figures, { statementOpens: statements, statementPath: 'screen' })
        report(figures)
        plan.log(`  statement_open_ms: ${statements.length} statements on the screen`)
      }
      if (plan.screens.billRun) {
        const bills = await screenBillRuns(page, months, plan.billRuns, plan)
        Object.assign(figures, { billRuns: bills.times, charged: bills.charged, previews: bills.previews, billRunPath: 'screen' })
        report(figures)
        plan.log(`  bill_run_10k_ms: ${bills.times.length} runs on the screen`)
      }
      return figures
    } catch (e) {
      const screen = await page.evaluate(() => (document.querySelector('main') ?? document.body).textContent?.replace(/\s+/g, ' ').slice(0, 300)).catch(() => '?')
      throw new Error(`${e instanceof Error ? e.message.split('\n')[0] : String(e)} — the page at ${page.url()} showed: ${screen}`)
    }
  } finally {
    await context.close()
  }
}

/** The two rows issue 12 asks for, with how each was taken and where a bill run's time goes. */
export function broadbandRows(figures: Partial<BroadbandFigures>): MetricResult[] {
  const { seed, billRuns, billRunPath, storeBillRuns, charged, previews, postBreakdown, statementOpens, statementPath } = figures
  if (!seed) return []
  const rows: MetricResult[] = []
  if (billRuns?.length) {
    const how =
      billRunPath === 'screen'
        ? 'on /broadband/bill-run: click on Preview → the posted confirmation (Post and its confirmation pressed in the page as soon as each shows)'
        : "through the store in the page (no bill-run screen yet): agreements, status events and the month's charges read, billRunPreview, chargeEntries, postEntries with its audit entries"
    const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50).toFixed(0)
    const runs = storeBillRuns ?? []
    const notes = [
      charged?.length ? `${Math.min(...charged)}–${Math.max(...charged)} charges posted a run` : '',
      previews?.length ? `plan shown after ${median(previews)} ms (median), the rest is Post` : '',
      runs.length ? `medians: preview ${median(runs.map((r) => r.previewMs))} ms (agreements ${median(runs.map((r) => r.parts.agreementsMs))}, status events ${median(runs.map((r) => r.parts.statusesMs))}), post ${median(runs.map((r) => r.postMs))} ms` : '',
      postBreakdown ? `${postBreakdown.charges} charges without audit on an in-memory clock: ${postBreakdown.sealAndWriteMs.toFixed(0)} ms, audited on it: ${postBreakdown.auditedMs.toFixed(0)} ms` : '',
    ]
    rows.push(summarise('bill_run_10k_ms', `bill run of a fresh month over ${seed.accounts} accounts, preview and post, ${how}`, billRuns, 'ms', { baseline: 17_810, goal: 5_000 }, notes.filter(Boolean).join('; ') || undefined))
  }
  if (statementOpens?.length) {
    const how =
      statementPath === 'screen'
        ? "from another account's page to /broadband/accounts/:id/statement/:month with its lines shown (the account's ledger read and folded each time)"
        : "through the store in the page (no statement screen yet): the account's ledger read and statementOf"
    rows.push(summarise('statement_open_ms', `statement of an account with ${seed.historyLines} ledger lines over 3 years, ${seed.statementMonths.length} months in turn: ${how}`, statementOpens, 'ms', { baseline: 39.5, goal: 100 }))
  }
  return rows
}
