/**
 * Issue 14 "Done means", the member's phone:
 *
 * - `member_first_statement_ms`: a fresh phone (a new Chromium context, 390×844) opens the desk's QR link, and from the
 *   click on "sign in" to the newest month's statement on screen (`self-statement-closing` visible), for a person with
 *   3 years of history (bench/member-phone-seed.ts). In between, as fast as it goes and with no round trip to the
 *   runner, a script in the page types the new password into the set-password form as soon as it shows and submits it,
 *   then opens the statement (`#/me/bills/<account>/<month>`) as soon as the home page shows. So the figure holds the
 *   code's Argon2id and the server sign-in, the password's Argon2id and the keyring locked again, the first sync of the
 *   member's database and the statement drawn; a person's reading and typing is not in it. Each run is a fresh phone
 *   with a fresh code: the desk issues a new one for the same person between runs (a forgotten password), not timed.
 * - `member_first_load_js_kb`: the JS `me/index.html` loads before anything is clicked, gzipped (bench/first-load.ts),
 *   with what weighs in it and why when over the goal.
 */
import type { Browser, Page } from 'playwright-core'
import { repeat, type Runs } from './desk.bench'
import { firstLoadJs, firstLoadWeight, gzippedFiles, type FirstLoad, type FirstLoadWeight } from './first-load'
import { seedMemberPhone, type MemberPhoneSeed, type MemberPhoneSizes } from './member-phone-seed'
import { within, type BenchServer } from './server'
import { percentile, summarise, type MetricResult } from './stats'
import { stopwatchScript, type Stopwatch } from './stopwatch'

/** Issue 14's goals: the statement within 3 s of signing in, the member app's first load under 130 KB. */
export const firstStatementGoalMs = 3_000
export const firstLoadGoalKb = 130
/** The member's own password, chosen on each fresh phone (BB-11: 12 characters or more). */
const password = 'rain on the tin roof 88'

export interface MemberPhonePlan {
  sizes: MemberPhoneSizes
  signIns: Runs
  warmup: number
  stepMs: number
  log: (line: string) => void
}

/** Where a run's time went, each from the click on "sign in". */
export interface PhonePhases {
  /** The set-password form shown: the code's Argon2id, the server sign-in, the keyring opened. */
  setPasswordMs: number
  /** The home page shown: the password's Argon2id, the keyring locked under it, the user document written, signed in again. */
  homeMs: number
  /** The statement's closing balance visible: the first sync round (PouchDB loaded, the member's database pulled), the views read. */
  statementMs: number
  /** Server sign-ins (POST /db/_session) in the timed span, and how many of them were refused. */
  serverSignIns: number
  refusedSignIns: number
  /**
   * From the first server sign-in's refusal to the next one's start: one Argon2id derivation (the phone tries the code
   * as printed, with its dashes, then without: member-sign-in.ts), undefined if none was refused.
   */
  retryGapMs?: number
}

export interface MemberPhoneFigures {
  firstLoad: FirstLoad
  weight: FirstLoadWeight
  /** What the phone's page actually fetched of JS before the click (the network quiet, the form shown), from dist/. */
  fetchedBeforeClick: FirstLoad
  seed: Omit<MemberPhoneSeed, 'reissue' | 'code'>
  firstStatement: number[]
  phases: PhonePhases[]
}

type PhoneWindow = Window & { __stopwatch: Stopwatch; __phone?: Promise<PhonePhases> }

/**
 * Installed before the click: answers the set-password form and opens the statement as soon as each screen shows,
 * and keeps when each showed (from the click). A problem shown on a form ends the run.
 */
function armPhone({ password, statement }: { password: string; statement: string }) {
  const w = window as unknown as PhoneWindow
  w.__stopwatch.arm('statementShown', null, 'click')
  w.__phone = new Promise((resolve, reject) => {
    let t0: number | undefined
    const marks: { setPasswordMs?: number; homeMs?: number } = {}
    document.addEventListener('click', () => void (t0 ??= performance.now()), { capture: true, once: true })
    const type = (testid: string, value: string) => {
      const field = document.querySelector<HTMLInputElement>(`[data-testid=${testid}]`)!
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
    const step = () => {
      if (t0 === undefined) return
      const clicked = t0
      const problem = document.querySelector('[data-testid=form-problem]')
      if (problem) return observer.disconnect(), reject(new Error(`the phone showed a problem: ${problem.textContent?.trim()}`))
      if (marks.setPasswordMs === undefined && document.querySelector('[data-testid=member-set-password]')) {
        marks.setPasswordMs = performance.now() - t0
        type('member-password', password)
        type('member-password-repeat', password)
        document.querySelector<HTMLButtonElement>('[data-testid=member-password-submit]')!.click()
      }
      if (marks.setPasswordMs !== undefined && marks.homeMs === undefined && document.querySelector('[data-testid=self-home]')) {
        marks.homeMs = performance.now() - t0
        location.hash = `#${statement}`
      }
      if (marks.homeMs !== undefined && document.querySelector('[data-testid=self-statement-closing]')?.checkVisibility()) {
        const statementMs = performance.now() - t0
        observer.disconnect()
        // The server sign-ins in the span, from the page's own resource timing (no round trip to the runner in them).
        const sessions = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new URL(e.name).pathname === '/db/_session' && e.startTime >= clicked)
        const refused = sessions.findIndex((e) => e.responseStatus !== 200)
        const retry = refused >= 0 ? sessions[refused + 1] : undefined
        resolve({
          setPasswordMs: marks.setPasswordMs!,
          homeMs: marks.homeMs,
          statementMs,
          serverSignIns: sessions.length,
          refusedSignIns: sessions.filter((e) => e.responseStatus !== 200).length,
          ...(retry ? { retryGapMs: retry.startTime - sessions[refused]!.responseEnd } : {}),
        })
      }
    }
    const observer = new MutationObserver(step)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
  })
}

/** One fresh phone: the QR link opened (not timed), then the click on "sign in" → the statement on screen. */
async function phoneOnce(browser: Browser, server: BenchServer, seed: Pick<MemberPhoneSeed, 'signInName' | 'accountId' | 'month'>, code: string, step: number): Promise<{ ms: number; phases: PhonePhases; scripts: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // As in the other benches: the service worker's precache would compete with the figure.
    serviceWorkers: 'block',
  })
  let page: Page | undefined
  try {
    await context.addInitScript({ content: `window.__name = (f) => f;${stopwatchScript}` })
    page = await context.newPage()
    page.setDefaultTimeout(step)
    // What the desk's QR holds (member-signins.store.ts): the name and the code as printed, after `#`.
    await page.goto(`${server.url}/me/#/sign-in?${new URLSearchParams({ n: seed.signInName, c: code })}`)
    await page.getByTestId('member-sign-in').waitFor()
    await page.waitForFunction(() => !location.hash.includes('c='))
    if ((await page.getByTestId('member-secret').inputValue()) !== code) throw new Error('the link did not fill in the code')
    // The page settled, as a person reading the form would find it; what JS it fetched meanwhile.
    await page.waitForLoadState('networkidle')
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').flatMap((e) => (new URL(e.name).pathname.endsWith('.js') ? [new URL(e.name).pathname.slice(1)] : [])),
    )
    await page.evaluate(armPhone, { password, statement: `/me/bills/${seed.accountId}/${seed.month}` })
    await page.getByTestId('member-sign-in-submit').click()
    const phases = await within(step, 'sign-in → statement on the phone', page.evaluate(() => (window as unknown as PhoneWindow).__phone!))
    const ms = await within(step, 'the stopwatch', page.evaluate(() => (window as unknown as PhoneWindow).__stopwatch.result))
    return { ms, phases, scripts }
  } catch (e) {
    const screen = await page?.evaluate(() => (document.querySelector('main') ?? document.body).textContent?.replace(/\s+/g, ' ').slice(0, 300)).catch(() => '?')
    throw new Error(`${e instanceof Error ? e.message.split('\n')[0] : String(e)} — the phone at ${page?.url()} showed: ${screen}`)
  } finally {
    await context.close()
  }
}

export async function memberPhoneBench(browser: Browser, server: BenchServer, plan: MemberPhonePlan, report: (figures: Partial<MemberPhoneFigures>) => void): Promise<Partial<MemberPhoneFigures>> {
  const figures: Partial<MemberPhoneFigures> = {}
  const firstLoad = firstLoadJs('dist', 'me/index.html')
  plan.log(`  me/index.html loads ${firstLoad.files.length} JS files before a click: ${firstLoad.gzipKb.toFixed(1)} KB gzipped (${(firstLoad.bytes / 1024).toFixed(0)} KB as built)`)
  Object.assign(figures, { firstLoad })
  report(figures)
  if (firstLoad.gzipKb >= firstLoadGoalKb) {
    const weight = await firstLoadWeight(firstLoad, 'src/member-app/main.ts')
    plan.log(`  what weighs in it (an analysis build with source maps, ${weight.seconds.toFixed(0)} s${weight.sameFiles ? ', the same files' : ', NOT the same files as dist/'}):`)
    for (const o of weight.owners.slice(0, 12)) plan.log(`    ${(o.gzipBytes / 1024).toFixed(1)} KB ${o.owner}: ${o.chain?.join(' → ') ?? 'not imported at start (in a shared chunk)'}`)
    Object.assign(figures, { weight })
    report(figures)
  }

  const { reissue, code, ...seed } = await within(plan.stepMs, 'seeding the member (bench/member-phone-seed.ts)', seedMemberPhone(server, plan.sizes, plan.log))
  plan.log(`  seeded in ${seed.seconds.toFixed(0)} s: ${seed.counts.ledgerLines} ledger lines (${seed.counts.chargedMonths} months charged), ${seed.counts.fees} fees, ${seed.counts.visits} visits; ${seed.counts.views} views; the statement of ${seed.month}`)
  Object.assign(figures, { seed })
  report(figures)

  const phases: PhonePhases[] = []
  const firstStatement = await repeat(plan.signIns, plan.warmup, async (i) => {
    const fresh = i === 0 ? code : await within(plan.stepMs, 'a new code for the same person', reissue())
    const run = await phoneOnce(browser, server, seed, fresh, plan.stepMs)
    const p = run.phases
    plan.log(
      `    phone ${i + 1}${i < plan.warmup ? ' (warm-up)' : ''}: ${run.ms.toFixed(0)} ms (set-password form at ${p.setPasswordMs.toFixed(0)}, home at ${p.homeMs.toFixed(0)}, statement at ${p.statementMs.toFixed(0)}; ${p.serverSignIns} server sign-ins, ${p.refusedSignIns} refused${p.retryGapMs === undefined ? '' : `, the retry ${p.retryGapMs.toFixed(0)} ms after the refusal`})`,
    )
    if (i >= plan.warmup) phases.push(p)
    if (i === 0) {
      const fetched = gzippedFiles('dist', 'me/index.html', run.scripts)
      plan.log(`  before the click the phone fetched ${fetched.files.length} JS files: ${fetched.gzipKb.toFixed(1)} KB gzipped`)
      Object.assign(figures, { fetchedBeforeClick: fetched })
    }
    return run.ms
  })
  Object.assign(figures, { firstStatement, phases })
  report(figures)
  return figures
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)

export function memberPhoneRows(figures: Partial<MemberPhoneFigures>): MetricResult[] {
  const { firstLoad, weight, fetchedBeforeClick: fetched, seed, firstStatement, phases } = figures
  const rows: MetricResult[] = []
  if (seed && firstStatement?.length) {
    const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50).toFixed(0)
    const p = phases ?? []
    const signIns = [...new Set(p.map((x) => x.serverSignIns))].join(' or ')
    const refused = [...new Set(p.map((x) => x.refusedSignIns))].join(' or ')
    const retries = p.flatMap((x) => (x.retryGapMs === undefined ? [] : [x.retryGapMs]))
    const note = [
      `from the click on "sign in" (the desk's QR link opened beforehand) to the closing balance visible, ${p.length} fresh phones, each with a new code`,
      `includes the code's Argon2id (64 MiB, t=3) and server sign-in, the password's Argon2id and the keyring locked under it, the first sync of the member's database and the statement drawn`,
      `medians from the click: set-password form ${median(p.map((x) => x.setPasswordMs))} ms, home ${median(p.map((x) => x.homeMs))} ms, statement ${median(p.map((x) => x.statementMs))} ms`,
      retries.length
        ? `${signIns} server sign-ins a run, ${refused} refused: a first derivation was refused and the phone derived again (median ${median(retries)} ms from the refusal to the retry: one Argon2id); each refusal counts against the member's name (10 in 15 minutes lock it out)`
        : `${signIns} server sign-ins a run (the code's, the new password's), none refused`,
      'the new password typed and submitted by a script in the page as soon as the form shows, the statement opened as soon as the home page shows (no reading or typing time)',
      'service worker blocked, CPU not throttled',
      `baseline: the goal (no earlier figure)`,
    ]
    rows.push(
      summarise(
        'member_first_statement_ms',
        `fresh phone (390×844): sign in with the desk's code, set a password → the newest month's statement (${seed.month}) of an account with ${seed.counts.ledgerLines} ledger lines over ${seed.counts.chargedMonths} months, a membership with ${seed.counts.fees} fees and ${seed.counts.visits} visits`,
        firstStatement,
        'ms',
        { baseline: firstStatementGoalMs, goal: firstStatementGoalMs },
        note.join('; '),
      ),
    )
  }
  if (firstLoad) {
    const largest = [...firstLoad.files].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3)
    const note = [
      `${firstLoad.files.length} files (entry, modulepreload, static imports), each gzip -9; largest: ${largest.map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzipBytes)}`).join(', ')}`,
      weight ? `what weighs (KB the files lose without it): ${weight.owners.slice(0, 8).map((o) => `${o.owner} ${kb(o.gzipBytes)}${o.chain ? ` (${o.chain.slice(1).join(' → ')})` : ' (not imported at start)'}`).join('; ')}` : '',
      fetched
        ? `at run time the phone fetched ${fetched.files.length} JS files before the click, ${kb(fetched.gzipKb * 1024)} KB (besides these: ${
            fetched.files.filter((f) => !firstLoad.files.some((s) => s.file === f.file)).map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzipBytes)}`).join(', ') || 'none'
          })`
        : '',
      'KB of 1,024 bytes; baseline: the goal',
    ]
    rows.push(
      summarise('member_first_load_js_kb', "member app's first-load JS (me/index.html before any click), gzip", [firstLoad.gzipKb], 'KB', { baseline: firstLoadGoalKb, goal: firstLoadGoalKb }, note.filter(Boolean).join('; ')),
    )
  }
  return rows
}
