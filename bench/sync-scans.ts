/**
 * Issue 13, "the check-in screen answers a scan while a big sync runs": in the initial-sync bench, once the desk realm
 * is on the device (the engine's `lobby-sync apply lobby_desk` measure: members, fees, card key, settings) and while
 * later databases are still being pulled, the check-in page is opened through the app's navigation and members with an
 * active membership are scanned. A scan counts as during the sync if, when its verdict showed, the sync status was not
 * idle and the last database's apply had not been measured.
 */
import type { Page } from 'playwright-core'
import type { Stopwatch } from './stopwatch'

export interface ScanPlan {
  /** Member numbers to scan, one each, in turn (the seed's members covered today). */
  numbers: string[]
  /** Timed scans, after `warmup` untimed ones (as `checkin_scan_ms`). */
  count: number
  warmup: number
  /** The longest one step (the desk realm's arrival, the page, a scan) may take. */
  stepMs: number
}

export interface SyncScan {
  memberNo: string
  ms: number
  verdict: string
  warmup: boolean
  /** The sync was still running when the verdict showed. */
  duringSync: boolean
  /** The database being pulled then (the one after the last applied), if any. */
  pulling?: string
}

export interface ScansDuringSync {
  /** From the click on the nav's check-in link to the scan field shown (Playwright's clock, round trips included). */
  openMs: number
  /** The sync was still running when the check-in page was asked for. */
  syncingAtOpen: boolean
  scans: SyncScan[]
  /** The page's clock (performance.now) at the click on the nav link and after the last verdict: the scans' window. */
  window: { from: number; to: number }
  /** On the page's clock, from the end of the desk realm's apply: the page asked for and shown, the last verdict, the sync's end (its last apply). */
  timeline: { asked: number; shown: number; scanned: number; synced?: number }
}

interface WatchView {
  applies: { database: string; end?: number }[]
}

type InPage = Window & { __syncWatch: WatchView; __stopwatch: Stopwatch }

/**
 * The scans, in the page one after the other (no round trip to the bench between them: the sync window after the desk
 * realm is short at small scales): each number typed into the scan field, then Enter, timed with stopwatch.ts from the
 * key to the verdict as desk.bench.ts `scanOnce` times it; the verdict read, and dismissed.
 */
function scanInPage(page: Page, numbers: string[], last: string, stepMs: number) {
  return page.evaluate(
    async ({ numbers, last, stepMs }) => {
      const w = window as unknown as InPage
      const until = (what: string, check: () => boolean) => w.__stopwatch.until(what, check, stepMs)
      const verdict = () => document.querySelector<HTMLElement>('[data-testid=checkin-verdict]')
      const done = []
      for (const memberNo of numbers) {
        await until('the scan field ready', () => !document.querySelector('[data-testid=scan-submit]')?.hasAttribute('disabled'))
        const field = document.querySelector<HTMLInputElement>('[data-testid=scan-text]')!
        field.value = memberNo
        field.dispatchEvent(new Event('input', { bubbles: true }))
        w.__stopwatch.arm('verdict', null, 'enter')
        // The key starts the clock; the form is then submitted as the field's implicit submission does.
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
        field.form!.requestSubmit()
        let timer: ReturnType<typeof setTimeout> | undefined
        const late = new Promise<number>((_, reject) => (timer = setTimeout(() => reject(new Error(`no verdict for ${memberNo} within ${stepMs / 1000} s`)), stepMs)))
        const ms = await Promise.race([w.__stopwatch.result, late])
        clearTimeout(timer)
        const state = document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state')
        const syncing = state !== 'idle' && performance.getEntriesByName(`lobby-sync apply ${last}`, 'measure').length === 0
        done.push({ memberNo, ms, verdict: verdict()?.getAttribute('data-verdict') ?? '?', syncing, applied: w.__syncWatch.applies.at(-1)?.database })
        document.querySelector<HTMLButtonElement>('[data-testid=verdict-dismiss]')?.click()
        await until('the verdict dismissed', () => verdict() === null)
      }
      return { done, at: performance.now() }
    },
    { numbers, last, stepMs },
  )
}

/**
 * Waits for `apply <desk>`, opens /checkin from the nav as a user would, and scans `plan.warmup + plan.count` of the
 * numbers. Runs beside the sync: it neither waits for the sync's end nor changes what the sync does.
 */
export async function scanWhileSyncing(page: Page, databases: string[], desk: string, plan: ScanPlan): Promise<ScansDuringSync> {
  const last = databases.at(-1)!
  // Read from the timeline itself: the watch's observer is called back only when the busy page gets to it.
  await page.waitForFunction((desk) => performance.getEntriesByName(`lobby-sync apply ${desk}`, 'measure').length > 0, desk, { timeout: plan.stepMs, polling: 50 })
  const atOpen = await page.evaluate((last) => {
    const state = document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state')
    return { syncing: state !== 'idle' && performance.getEntriesByName(`lobby-sync apply ${last}`, 'measure').length === 0, now: performance.now() }
  }, last)
  const o0 = performance.now()
  await page.locator('nav a[href="/checkin"]').click()
  await page.getByTestId('scan-text').waitFor({ timeout: plan.stepMs })
  const openMs = performance.now() - o0
  const shown = await page.evaluate(() => performance.now())
  const numbers = Array.from({ length: plan.warmup + plan.count }, (_, i) => plan.numbers[i % plan.numbers.length]!)
  const { done, at } = await scanInPage(page, numbers, last, plan.stepMs)
  const scans = done.map((s, i) => ({
    memberNo: s.memberNo,
    ms: s.ms,
    verdict: s.verdict,
    warmup: i < plan.warmup,
    duringSync: s.syncing,
    pulling: s.syncing && s.applied ? databases[databases.indexOf(s.applied) + 1] : undefined,
  }))
  const ends = await page.evaluate(() => (window as unknown as InPage).__syncWatch.applies)
  const deskIn = ends.find((a) => a.database === desk)?.end ?? NaN
  const synced = ends.find((a) => a.database === last && (a.end ?? 0) > deskIn)?.end
  const since = (t: number) => t - deskIn
  return {
    openMs,
    syncingAtOpen: atOpen.syncing,
    scans,
    window: { from: atOpen.now, to: at },
    timeline: { asked: since(atOpen.now), shown: since(shown), scanned: since(at), synced: synced === undefined ? undefined : since(synced) },
  }
}
