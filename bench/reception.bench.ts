/**
 * Issue 11 "Done means", `visitor_register_ms`: a returning visitor registered at the reception desk with years of
 * past visits on the device. Its own browser context and organisation (bench/browser/reception-seed.ts), so the
 * desk bench's figures and time are untouched. Timed in the page (stopwatch.ts): from Enter in the phone field to
 * the "visit saved" panel; in between, a script in the page fills what a returning visitor still needs (the
 * purpose; the category and host come from their last visit) and presses Register as soon as the form shows.
 */
import type { Browser, Page } from 'playwright-core'
import type { ReceptionSeedResult, ReceptionSeedSizes } from './browser/seed-types'
import { benchUsers, repeat, signInAsDesk, type Runs } from './desk.bench'
import { within, type BenchServer } from './server'
import { stopwatchScript, type Stopwatch } from './stopwatch'

export interface ReceptionPlan {
  sizes: ReceptionSeedSizes
  registrations: Runs
  warmup: number
  seedTimeoutMs: number
  stepMs: number
  log: (line: string) => void
}

export interface ReceptionFigures {
  seed: ReceptionSeedResult
  /** In the page: Enter in the phone field → the visit saved shown. */
  registrations: number[]
  /** The same registrations as the automated run sees them: phone typed by Playwright → the saved panel seen (round trips included). */
  automated: number[]
}

type BenchWindow = Window & {
  __stopwatch: Stopwatch
  __filled?: Promise<string>
  lobbyReceptionSeed?: (sizes: ReceptionSeedSizes, users: typeof benchUsers) => Promise<ReceptionSeedResult>
}

/**
 * Installed before Enter: once the look-up's form shows, checks it is a returning visitor's (category and host
 * filled from their last visit), types the purpose and presses Register, with no round trip to the runner.
 */
function armFiller(purpose: string) {
  const w = window as unknown as BenchWindow
  w.__stopwatch.arm('visitSaved', document.querySelector('[data-testid=reception-registered]'), 'enter')
  w.__filled = new Promise<string>((resolve, reject) => {
    let entered = false
    const onKey = (e: KeyboardEvent) => void (entered ||= e.key === 'Enter')
    document.addEventListener('keydown', onKey, { capture: true })
    const fill = () => {
      const form = document.querySelector<HTMLFormElement>('[data-testid=reception-form]')
      if (!entered || !form) return false
      observer.disconnect()
      document.removeEventListener('keydown', onKey, { capture: true })
      const category = form.querySelector<HTMLSelectElement>('[data-testid=reception-category]')?.value ?? ''
      const host = form.querySelector<HTMLInputElement>('[data-testid=host-picker] input[type=radio]:checked')
      if (!category || !host) return reject(new Error(`not a returning visitor's form (category "${category}", host ${host ? 'chosen' : 'none'})`)), true
      const field = form.querySelector<HTMLInputElement>('[data-testid=reception-purpose]')!
      field.value = purpose
      field.dispatchEvent(new Event('input', { bubbles: true }))
      form.querySelector<HTMLButtonElement>('[data-testid=reception-submit]')!.click()
      resolve(category)
      return true
    }
    const observer = new MutationObserver(fill)
    observer.observe(document.body, { childList: true, subtree: true })
  })
}

async function registerOnce(page: Page, phone: string, step: number): Promise<{ ms: number; automatedMs: number; category: string }> {
  const started = performance.now()
  const field = page.getByTestId('reception-phone')
  await field.fill(phone)
  await page.evaluate(armFiller, '送货或家长会谈')
  await field.press('Enter')
  const category = await within(step, `look-up of ${phone} → a returning visitor's form`, page.evaluate(() => (window as unknown as BenchWindow).__filled!))
  const ms = await within(step, `registration of ${phone} → visit saved`, page.evaluate(() => (window as unknown as BenchWindow).__stopwatch.result))
  const automatedMs = performance.now() - started
  return { ms, automatedMs, category }
}

export async function receptionBench(browser: Browser, server: BenchServer, plan: ReceptionPlan, report: (figures: Partial<ReceptionFigures>) => void): Promise<ReceptionFigures> {
  const step = plan.stepMs
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en', serviceWorkers: 'block' })
  try {
    await context.addInitScript({ content: `window.__name = (f) => f;${stopwatchScript}` })
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
        'seeding the browser (bench/browser/reception-seed.ts)',
        page.evaluate(({ sizes, users }) => (window as unknown as BenchWindow).lobbyReceptionSeed!(sizes, users), { sizes: plan.sizes, users: benchUsers }),
      )
      plan.log(`  seeded in ${seed.seconds.toFixed(0)} s: ${seed.visitors} visitors, ${seed.visits} visits, ${seed.hosts} hosts (today ${seed.today})`)
      report({ seed })

      await signInAsDesk(page, server, step)
      await page.locator('nav a[href="/reception"]').click()
      await page.getByTestId('reception-phone').waitFor()
      const automated: number[] = []
      const registrations = await repeat(plan.registrations, plan.warmup, async (i) => {
        const { ms, automatedMs, category } = await registerOnce(page, seed.phones[i % seed.phones.length]!, step)
        plan.log(`    registration ${i + 1}${i < plan.warmup ? ' (warm-up)' : ''}: ${ms.toFixed(0)} ms in the page, ${automatedMs.toFixed(0)} ms automated, ${category}`)
        if (i >= plan.warmup) automated.push(automatedMs)
        return ms
      })
      const figures = { seed, registrations, automated }
      report(figures)
      return figures
    } catch (e) {
      const screen = await page.evaluate(() => (document.querySelector('main') ?? document.body).textContent?.replace(/\s+/g, ' ').slice(0, 300)).catch(() => '?')
      throw new Error(`${e instanceof Error ? e.message.split('\n')[0] : String(e)} — the page at ${page.url()} showed: ${screen}`)
    }
  } finally {
    await context.close()
  }
}
