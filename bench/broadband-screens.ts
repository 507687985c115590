/**
 * The broadband bench on the desk's screens (issue 12 "Done means"), signed in as the agent: a statement opened
 * (navigation → its lines shown) and a month's bill run (click on Preview → the posted confirmation, Post and its
 * confirmation pressed in the page as soon as they show). Timed in the page; the router is the app's own.
 */
import type { Page } from 'playwright-core'
import type { BroadbandSeedResult } from './browser/broadband-seed-types'
import type { SeedUser } from './browser/seed-types'
import { repeat, type Runs } from './desk.bench'
import { within, type BenchServer } from './server'

interface Step {
  stepMs: number
  warmup: number
  log: (line: string) => void
}

export async function signInAs(page: Page, server: BenchServer, user: SeedUser, step: number) {
  await page.goto(`${server.url}/`)
  await page.getByTestId('sign-in-username').fill(user.username)
  await page.getByTestId('sign-in-secret').fill(user.passphrase)
  await page.getByTestId('sign-in-submit').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: step })
}

/** The app's router (Vue sets `__vue_app__` on the element it is mounted on), so a navigation is the app's, not a reload. */
type RouterWindow = Window & { __routerPush?: (path: string) => Promise<unknown> }
async function installRouterPush(page: Page) {
  await page.evaluate(() => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push: (p: string) => Promise<unknown> } } } } }).__vue_app__
    ;(window as RouterWindow).__routerPush = (path) => app.config.globalProperties.$router.push(path)
  })
}

/**
 * One statement open: from another account's page (so the desk's store holds another account and reads this one's
 * ledger, as an agent opening it from a search does) to the statement of `month` with its lines in the document.
 */
async function openStatement(page: Page, seed: BroadbandSeedResult, month: string, previous: string, step: number): Promise<{ ms: number; lines: number }> {
  const other = `/broadband/accounts/${seed.otherAccountId}`
  await page.evaluate((path) => (window as RouterWindow).__routerPush!(path), other)
  await page.locator(`[data-testid=broadband-statement-link][href^="${other}/"]`).waitFor({ timeout: step })
  const timed = page.evaluate(
    ({ path, previousHref }) =>
      new Promise<{ ms: number; lines: number }>((resolve) => {
        const shown = () => document.querySelector(`[data-testid=broadband-statement-previous][href="${previousHref}"]`) !== null && document.querySelector('[data-testid=broadband-statement-lines]') !== null
        const t0 = performance.now()
        const observer = new MutationObserver(() => {
          if (!shown()) return
          observer.disconnect()
          resolve({ ms: performance.now() - t0, lines: document.querySelectorAll('[data-testid=broadband-statement-line]').length })
        })
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
        void (window as RouterWindow).__routerPush!(path)
      }),
    { path: `/broadband/accounts/${seed.historyAccountId}/statement/${month}`, previousHref: `/broadband/accounts/${seed.historyAccountId}/statement/${previous}` },
  )
  return within(step, `statement of ${month} → lines shown`, timed)
}

export async function screenStatements(page: Page, seed: BroadbandSeedResult, runs: Runs, plan: Step, previousOf: (month: string) => string): Promise<number[]> {
  await installRouterPush(page)
  return repeat(runs, plan.warmup, async (i) => {
    const month = seed.statementMonths[i % seed.statementMonths.length]!
    const { ms, lines } = await openStatement(page, seed, month, previousOf(month), plan.stepMs)
    if (i < plan.warmup + 3 || i % 10 === 0) plan.log(`    statement ${month}${i < plan.warmup ? ' (warm-up)' : ''}: ${ms.toFixed(1)} ms on the screen, ${lines} lines`)
    return ms
  })
}

/**
 * Installed before the click on Preview: starts the clock at that click; as soon as the plan shows, presses Post and
 * then its confirmation; stops once the posted confirmation names the month.
 */
function armBillRun(month: string) {
  const w = window as unknown as { __billRun?: Promise<{ ms: number; previewMs: number; done: string }> }
  w.__billRun = new Promise((resolve) => {
    let t0: number | undefined
    let shown = 0
    let posted = false
    let confirmed = false
    const start = () => void (t0 ??= performance.now())
    document.addEventListener('click', start, { capture: true, once: true })
    const observer = new MutationObserver(() => {
      if (t0 === undefined) return
      const post = document.querySelector<HTMLButtonElement>('[data-testid=bill-run-post]')
      if (!posted && post && !post.disabled) {
        posted = true
        shown = performance.now()
        post.click()
      }
      const yes = document.querySelector<HTMLButtonElement>('[data-testid=bill-run-post-yes]')
      if (posted && !confirmed && yes && !yes.disabled) {
        confirmed = true
        yes.click()
      }
      const done = document.querySelector<HTMLElement>('[data-testid=bill-run-done]')
      if (confirmed && done && !done.hidden && done.textContent?.includes(month)) {
        observer.disconnect()
        resolve({ ms: performance.now() - t0, previewMs: shown - t0, done: done.textContent.trim() })
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
  })
}

/** The timed runs, the part of each until the plan showed, and how many charges each posted (read from the confirmation). */
export async function screenBillRuns(page: Page, months: string[], runs: Runs, plan: Step): Promise<{ times: number[]; previews: number[]; charged: number[] }> {
  const charged: number[] = []
  const previews: number[] = []
  await installRouterPush(page)
  await page.evaluate(() => (window as RouterWindow).__routerPush!('/broadband/bill-run'))
  await page.getByTestId('bill-run-month').waitFor({ timeout: plan.stepMs })
  const times = await repeat(runs, plan.warmup, async (i) => {
    const month = months.shift()
    if (!month) throw new Error('no fresh month left for a bill run: raise sizes.billRunMonths')
    await page.getByTestId('bill-run-month').fill(month)
    await page.evaluate(armBillRun, month)
    await page.getByTestId('bill-run-preview').click()
    const { ms, previewMs, done } = await within(
      plan.stepMs,
      `bill run of ${month} on the screen → posted`,
      page.evaluate(() => (window as unknown as { __billRun: Promise<{ ms: number; previewMs: number; done: string }> }).__billRun),
    )
    plan.log(`    bill run ${i + 1}${i < plan.warmup ? ' (warm-up)' : ''} ${month} on the screen: ${ms.toFixed(0)} ms (plan shown after ${previewMs.toFixed(0)} ms) ("${done}")`)
    if (i >= plan.warmup) {
      charged.push(Number(/\d[\d,]*/.exec(done)?.[0]?.replace(/,/g, '') ?? NaN))
      previews.push(previewMs)
    }
    return ms
  })
  return { times, previews, charged }
}
