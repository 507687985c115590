/**
 * `npm run bench` (`-- --quick`: a tenth of the sizes): each benchmark in real headless Chromium
 * against the built app and the embedded server (in memory). Prints one table and writes
 * bench/results.json (bench/results.quick.json for --quick). Timings live here, never in tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../scripts/chromium.js'
import { broadbandBench, broadbandRows, type BroadbandFigures, type BroadbandPlan } from './broadband.bench'
import { checkinScanGoalMs, deskBench, type DeskFigures, type DeskPlan } from './desk.bench'
import { jobPhotoBench, jobPhotoRows, type JobPhotoPlan } from './job-photo.bench'
import { jobSyncBench, jobSyncRows, type JobSyncPlan } from './job-sync.bench'
import { jobPhotoOptions } from '../src/platform/photo-size'
import { memberPhoneBench, memberPhoneRows, type MemberPhoneFigures, type MemberPhonePlan } from './member-phone.bench'
import { receptionBench, type ReceptionFigures, type ReceptionPlan } from './reception.bench'
import { within, withServer } from './server'
import { signInBench } from './sign-in.bench'
import { sync100kRows, sync10kRows } from './sync-rows'
import { formatTable, percentile, resultsJson, summarise, type MetricResult } from './stats'

const quick = process.argv.includes('--quick')
/** `--only=desk` (or reception, broadband, member, photo, job, sign-in, sync): one part, when working on it; `sync` is both initial syncs, `sync10k` and `sync100k` one each. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const runs = (part: string) => only === undefined || only === part || (only === 'sync' && part === 'sync100k') || (only === 'sync10k' && part === 'sync')
/** `--scale=0.01`: any fraction of the sizes, when working on the bench itself. */
const scaleArg = process.argv.find((a) => a.startsWith('--scale='))
const scale = scaleArg ? Number(scaleArg.slice('--scale='.length)) : quick ? 0.1 : 1
const minutes = 60_000
const log = (line: string) => console.log(line)

/** Issue 9 §6: the sizes of a desk a few years in, and the goals (p95) the desk has to meet there. */
const sizes = { seed: 9, people: Math.round(50_000 * scale), members: Math.round(20_000 * scale), checkIns: Math.round(200_000 * scale), years: 3, sample: 2_000, width: 16 }
const syncPeople = Number(process.env.LOBBY_BENCH_PEOPLE ?? Math.round(10_000 * scale))
const deskPlan: Omit<DeskPlan, 'report'> = {
  sizes,
  // At least 5 timed runs each; more while a part is within its time (a slow desk at full size gets 5).
  scans: { min: 5, max: 30, budgetMs: 3 * minutes },
  warmup: 1,
  unlocks: { min: 5, max: 5, budgetMs: 0 },
  searches: { min: 5, max: 20, budgetMs: 2 * minutes },
  listOpens: { min: 5, max: 10, budgetMs: 2 * minutes },
  heapScans: 2_000,
  heapWarmup: 300,
  heapBudgetMs: (scale >= 1 ? 4 : 5) * minutes,
  seedTimeoutMs: (quick ? 10 : 60) * minutes,
  stepMs: (scale >= 1 ? 5 : 1) * minutes,
  log,
}

/** Issue 11 "Done means": 100,000 past visits over 3 years by 20,000 visitors with phones, a few staff as hosts. */
const receptionPlan: ReceptionPlan = {
  sizes: { seed: 11, visitors: Math.round(20_000 * scale), visits: Math.round(100_000 * scale), years: 3, hosts: 4, sample: 200, width: 16 },
  registrations: { min: 5, max: 30, budgetMs: 2 * minutes },
  warmup: 1,
  seedTimeoutMs: (quick ? 10 : 40) * minutes,
  stepMs: (scale >= 1 ? 5 : 1) * minutes,
  log,
}

/** Issue 12 "Done means": a bill run over 10,000 accounts (a fresh month each run), an account with 3 years of history. */
const broadbandPlan: BroadbandPlan = {
  sizes: { seed: 12, accounts: Math.round(10_000 * scale), billRunMonths: 14, years: 3, width: 4, batch: 500 },
  billRuns: { min: 5, max: 10, budgetMs: 4 * minutes },
  statementOpens: { min: 20, max: 60, budgetMs: 1 * minutes },
  warmup: 1,
  seedTimeoutMs: (quick ? 10 : 30) * minutes,
  stepMs: (scale >= 1 ? 5 : 1) * minutes,
  // On the screens once they exist (LOBBY_BENCH_BROADBAND_STORE=1: through the store in the page regardless).
  screens: {
    billRun: !process.env.LOBBY_BENCH_BROADBAND_STORE && existsSync('src/features/broadband/BroadbandBillRunPage.vue'),
    statement: !process.env.LOBBY_BENCH_BROADBAND_STORE && existsSync('src/features/broadband/BroadbandStatementPage.vue'),
  },
  log,
}

/** Issue 14 "Done means": a fresh phone signs in and opens a statement of 3 years of history; the member app's first load. */
const memberPlan: MemberPhonePlan = {
  // The history is one person's (36 months, 3 years of fees and visits): the same at every scale.
  sizes: { seed: 14, years: 3, visitsPerYear: 150 },
  // At most 8 after the warm-up: each phone's sign-in is refused once (the code with its dashes, member-phone.bench.ts),
  // and the server locks a name out after 10 refusals in 15 minutes (server/sign-in-limits.js).
  signIns: { min: 5, max: 8, budgetMs: 2 * minutes },
  warmup: 1,
  stepMs: 2 * minutes,
  log,
}

/** Issue 15 "Done means": 5 phone photos of 12 megapixels, each compressed as the technician's phone does. */
const photoPlan: JobPhotoPlan = {
  // The same at every scale: a photo is a photo.
  seeds: [1, 2, 3, 4, 5],
  warmup: 1,
  // Issue 15's photo rules (core/service/job-photo.ts), as the app passes them.
  options: jobPhotoOptions,
  stepMs: 2 * minutes,
  log,
}

/** Issue 15 "Done means": a job finished offline with one 12-megapixel photo and a signature, from the phone online to the lead's screen. */
const jobPlan: JobSyncPlan = {
  // The same at every scale: one job is one job.
  runs: { min: 5, max: 8, budgetMs: 3 * minutes },
  warmup: 1,
  photoSeed: 15,
  stepMs: 2 * minutes,
  log,
}

const file = scaleArg ? 'bench/results.scaled.json' : quick ? 'bench/results.quick.json' : 'bench/results.json'

/** Desk first (what issue 9 §6 is about), then sign-in and sync; the file is rewritten after each metric, so a cut-short run keeps what it measured. */
async function measure(browser: Browser, rows: MetricResult[]): Promise<void> {
  // `--only`: the other parts' rows already in the file are kept.
  const kept = only !== undefined && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MetricResult[]) : []
  const save = (latest: MetricResult[]) => {
    const mine = new Set(latest.map((r) => r.metric))
    writeFileSync(file, resultsJson([...kept.filter((r) => !mine.has(r.metric)).map((r) => ({ ...r, label: r.metric })), ...latest]))
  }
  if (runs('desk')) {
    log(`desk: seeding ${sizes.people} people, ${sizes.members} members (${sizes.years} years of fees), ${sizes.checkIns} check-ins in the browser …`)
    const before = rows.length
    const report = (figures: Partial<DeskFigures>) => {
      rows.splice(before, rows.length - before, ...deskRows(figures))
      save(rows)
    }
    const desk = await within(deskPlan.seedTimeoutMs + 6 * deskPlan.stepMs + 3 * deskPlan.heapBudgetMs, 'desk bench', withServer((s) => deskBench(browser, s, { ...deskPlan, report })))
    log(`  seeded through the repositories without audit entries (the repo context has no events), in ${desk.seed.seconds.toFixed(0)} s`)
  }
  if (runs('reception')) {
    const { sizes } = receptionPlan
    log(`reception: seeding ${sizes.visitors} visitors, ${sizes.visits} visits over ${sizes.years} years in a browser of its own …`)
    const before = rows.length
    const report = (figures: Partial<ReceptionFigures>) => {
      rows.splice(before, rows.length - before, ...receptionRows(figures))
      save(rows)
    }
    await within(receptionPlan.seedTimeoutMs + 4 * receptionPlan.stepMs + receptionPlan.registrations.budgetMs, 'reception bench', withServer((s) => receptionBench(browser, s, receptionPlan, report)))
  }
  if (runs('broadband')) {
    const { sizes } = broadbandPlan
    log(`broadband: seeding ${sizes.accounts} agreements and one account with ${sizes.years} years of history in a browser of its own …`)
    const before = rows.length
    const report = (figures: Partial<BroadbandFigures>) => {
      rows.splice(before, rows.length - before, ...broadbandRows(figures))
      save(rows)
    }
    const { billRuns, statementOpens } = broadbandPlan
    await within(broadbandPlan.seedTimeoutMs + 4 * broadbandPlan.stepMs + billRuns.budgetMs + statementOpens.budgetMs, 'broadband bench', withServer((s) => broadbandBench(browser, s, broadbandPlan, report)))
  }
  if (runs('member')) {
    log('member: the member app\'s first load, then fresh phones signing in to a statement of 3 years of history …')
    const before = rows.length
    const report = (figures: Partial<MemberPhoneFigures>) => {
      rows.splice(before, rows.length - before, ...memberPhoneRows(figures))
      save(rows)
    }
    const { signIns, stepMs } = memberPlan
    await within(4 * stepMs + signIns.budgetMs + (signIns.max + 1) * stepMs, 'member bench', withServer((s) => memberPhoneBench(browser, s, memberPlan, report)))
  }
  if (runs('photo')) {
    log('photo: 12-megapixel phone photos compressed in the page …')
    const { seeds, warmup, stepMs } = photoPlan
    const figures = await within((seeds.length + warmup) * 2 * stepMs, 'photo bench', withServer((s) => jobPhotoBench(browser, s, photoPlan)))
    rows.push(...jobPhotoRows(figures, photoPlan.options))
    save(rows)
  }
  if (runs('job')) {
    log('job: a job finished offline on a technician\'s phone with a 12-megapixel photo, to the lead\'s request page …')
    const { runs: jobs, warmup, stepMs } = jobPlan
    const figures = await within(6 * stepMs + (jobs.max + warmup) * 4 * stepMs, 'job bench', withServer((s) => jobSyncBench(browser, s, jobPlan)))
    rows.push(...jobSyncRows(figures))
    save(rows)
  }
  const parts = [
    ['sign-in', () => signInRows(browser)],
    ['sync', () => sync10kRows(browser, syncPeople, log)],
    ['sync100k', () => sync100kRows(browser, scale, log)],
  ] as const
  for (const [part, run] of parts) {
    if (!runs(part)) continue
    rows.push(...(await run()))
    save(rows)
  }
}

async function signInRows(browser: Browser): Promise<MetricResult[]> {
  log('sign-in …')
  const signIns = await within(10 * minutes, 'sign-in bench', withServer((s) => signInBench(browser, s.url)))
  return [summarise('sign_in_ms', 'sign-in: passphrase → home (Argon2id 64 MiB, t=3)', signIns)]
}

function receptionRows(figures: Partial<ReceptionFigures>): MetricResult[] {
  const { seed, registrations, automated } = figures
  if (!seed || !registrations) return []
  const auto = [...(automated ?? [])].sort((a, b) => a - b)
  const note = `automated run (Playwright types the phone → saved panel seen): median ${percentile(auto, 50).toFixed(0)} ms; a returning visitor takes 4 taps (phone field, Look up, purpose field, Register) and two typed fields`
  return [summarise('visitor_register_ms', `returning visitor among ${seed.visits} past visits of ${seed.visitors} visitors: Enter in the phone field → visit saved (purpose filled and Register pressed in the page)`, registrations, 'ms', { baseline: 91.7, goal: 100 }, note)]
}

function deskRows(desk: Partial<DeskFigures>): MetricResult[] {
  const rows: MetricResult[] = []
  if (!desk.seed) return rows
  const scale = `${desk.seed.members} members, ${desk.seed.fees} fees, ${desk.seed.checkIns} check-ins`
  const seen = [...(desk.verdicts ?? [])].map(([v, n]) => `${n} ${v}`).join(', ')
  if (desk.scans) rows.push(summarise('checkin_scan_ms', `check-in among ${scale}: Enter → verdict`, desk.scans, 'ms', { baseline: 137, goal: checkinScanGoalMs }, seen))
  if (desk.firstAfterUnlock) rows.push(summarise('checkin_first_after_unlock_ms', 'lock, unlock, first scan: Enter → verdict', desk.firstAfterUnlock, 'ms', { goal: 300 }))
  if (desk.phoneSearch) rows.push(summarise('phone_search_ms', `phone search among ${desk.seed.people} people: Enter → rows`, desk.phoneSearch, 'ms', { baseline: 72, goal: 10 }))
  if (desk.membersListBuild) rows.push(summarise('members_list_build_ms', `/members among ${desk.seed.members}: this device's one-time fold of the list (first opening → first page)`, desk.membersListBuild, 'ms', {}))
  if (desk.membersListOpen) rows.push(summarise('members_list_open_ms', `/members among ${desk.seed.members}: click → first 50 sorted rows`, desk.membersListOpen, 'ms', { goal: 300 }))
  const h = desk.heap
  if (h) {
    const heap = summarise(
      'desk_heap_growth_mb',
      `desk JS heap after GC, before → after ${h.scans} scans`,
      [h.afterMb - h.beforeMb],
      'MB',
      {},
      `${h.beforeMb.toFixed(1)} → ${h.afterMb.toFixed(1)} MB in ${h.seconds.toFixed(0)} s${h.cutShort ? `; cut short at ${h.scans} of ${deskPlan.heapScans} scans by the time budget` : ''}`,
    )
    rows.push({ ...heap, heap_before_mb: Math.round(h.beforeMb * 100) / 100, heap_after_mb: Math.round(h.afterMb * 100) / 100, scans: h.scans })
  }
  return rows
}

const browser = await launchChromium()
// Ctrl-C or a CI timeout: close Chromium rather than leave it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`\nbench stopped (${signal})`)
    void browser.close().finally(() => process.exit(130))
  })
const rows: MetricResult[] = []
try {
  await measure(browser, rows)
} catch (e) {
  console.error(`\nbench failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
if (rows.length) {
  console.log(`\nLobby benchmarks${quick ? ' (--quick: a tenth of the sizes)' : ''} — headless Chromium, ${new Date().toISOString()}\n`)
  console.log(formatTable(rows))
  console.log(`\nwritten to ${file}${process.exitCode ? ' (the parts measured before the failure)' : ''}`)
}
// The embedded server leaves timers of its own behind: the run is over once the figures are written.
process.exit()
