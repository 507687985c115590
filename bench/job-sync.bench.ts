/**
 * Issue 15 "Done means", a technician's finished job reaching the office:
 *
 * - `job_sync_ms`: a technician's phone (390×844, the app with its service worker) has a job finished offline: the
 *   work written, one 12-megapixel photo taken with its camera input (a scene with sensor noise, JPEG 0.92, several
 *   MB: bench/browser/photo-seed.ts, as job_photo_bytes uses) and compressed by the app as FieldPhotoPicker does, and
 *   the customer's signature. A lead's tablet (1280×800) has that request's page open (/service/requests/:id). The
 *   clock starts when the phone goes online (`context.setOffline(false)`) and stops when the lead's page shows the
 *   job's completion with its photo drawn (the `<img>` decoded): the phone's round pushes the work, the photo's chunks
 *   and the signature to the technician's database; the lead's live feed, taking turns with the technicians'
 *   databases (src/sync/remote-watch.ts), sees the change and starts a round; the round pulls them, the page reads
 *   again and takes the finished job in (one write into the field realm, the job deleted from the technician's), and
 *   draws it. The note gives, from the same start, when the phone said "sent" and when the lead's round asked the
 *   technician's database, and the compressed photo's bytes as the lead's device took them in (`job_photo_bytes`
 *   of that photo).
 *
 * The office is played in Node through the app's own functions (scripts/demo: the demo organisation's admin, a
 * technician, a lead, Argon2id at the app's cost): the lead's device there takes each request and dispatches it
 * (SVC-1, SVC-2), so the job reaches the phone through the technician's database as in the app. The phone and the
 * tablet join with the staff members' passphrases, as second devices do. A fresh job each run; one warm-up run.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { dispatchRequest, foldedRequest, serviceContext, takeRequest } from '@/features/service/service-actions'
import { photoOf } from '@/features/service/request-page'
import { createServiceRecords } from '@/features/service/service-records'
import { foundDemoOrganisation, type SignedIn } from '../scripts/demo/organisation'
import { generatePeople } from '../scripts/demo/people'
import { ensureEmpty, remoteServer } from '../scripts/demo/server'
import { demoSignIns } from '../scripts/demo/sign-ins'
import { AuthPage } from '../test/e2e/pages/auth.page'
import { FieldPhonePage } from '../test/e2e/pages/field-phone.page'
import { repeat, type Runs } from './desk.bench'
import { jobPhotoGoalBytes } from './job-photo.bench'
import { within, type BenchServer } from './server'
import { percentile, summarise, type MetricResult } from './stats'

/** Issue 15's goal: a finished job with one photo on the lead's screen within 5 s of the phone being online. */
export const jobSyncGoalMs = 5_000

export interface JobSyncPlan {
  runs: Runs
  warmup: number
  /** The photos' seeds start here (one photo a run, bench/browser/photo-seed.ts). */
  photoSeed: number
  stepMs: number
  log: (line: string) => void
}

/** One run, each time from the phone going online (ms). */
export interface JobSyncRun {
  /** The lead's page shows the completion with its photo drawn: the figure. */
  shownMs: number
  /** The phone's job page says "sent" (its round pushed the job). */
  sentMs: number
  /** The lead's round first asked the technician's database for changes (its feed noticed, or a round came due). */
  pulledMs: number
  /** The camera's JPEG, and the photo as compressed on the phone and taken in by the lead's device. */
  cameraBytes: number
  photoBytes: number
}

export interface JobSyncFigures {
  runs: JobSyncRun[]
  setupSeconds: number
}

type PhotoWindow = Window & { lobbyPhoto: { makePhoto(seed: number): Promise<{ bytes: number }>; takePhoto(): Promise<string> } }
type TabletWindow = Window & { __jobShown?: Promise<number> }
type PhoneWindow = Window & { __jobSent?: Promise<number> }

const technicianSpec = demoSignIns.find((s) => s.role === 'technician')!
const leadSpec = demoSignIns.find((s) => s.role === 'lead')!
const adminSpec = demoSignIns.find((s) => s.role === 'admin')!

/**
 * In the lead's page, before the phone goes online: resolves with the epoch ms at which a completion's photo is in
 * the page and decoded (a DOM change or the image's load, whichever comes last).
 */
function armTablet() {
  performance.clearResourceTimings()
  ;(window as TabletWindow).__jobShown = new Promise((resolve) => {
    const shown = () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=service-completion-photo]')
      if (!img?.complete || img.naturalWidth === 0) return
      observer.disconnect()
      document.removeEventListener('load', shown, true)
      resolve(Date.now())
    }
    const observer = new MutationObserver(shown)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true })
    document.addEventListener('load', shown, true)
  })
}

/** In the phone's page: the epoch ms at which the job's page says it was sent (or that the office already took it in). */
function armPhone() {
  ;(window as PhoneWindow).__jobSent = new Promise((resolve) => {
    const sent = () => {
      if (!document.querySelector('[data-testid=field-job-sync-note].form-ok, [data-testid=field-job-closed]')) return
      observer.disconnect()
      resolve(Date.now())
    }
    const observer = new MutationObserver(sent)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
  })
}

/** In the lead's page: when (epoch ms) its first round after the phone went online asked a technician's database. */
function firstTechnicianPull(since: number): number {
  const pulls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((e) => ({ url: new URL(e.name), at: performance.timeOrigin + e.startTime }))
    .filter(({ url, at }) => at >= since && url.pathname.includes('/lobby_tech_') && url.pathname.endsWith('/_changes') && url.searchParams.get('feed') !== 'longpoll')
  return pulls.length ? Math.min(...pulls.map((p) => p.at)) : NaN
}

/** The app's own route change (vue-router follows `popstate`): the tablet stays signed in, as a lead moving between pages. */
async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to)
    dispatchEvent(new PopStateEvent('popstate'))
  }, path)
  await page.waitForURL((u) => u.pathname === path)
}

export async function jobSyncBench(browser: Browser, server: BenchServer, plan: JobSyncPlan): Promise<JobSyncFigures> {
  const t0 = performance.now()
  const say = (line: string) => plan.log(`  ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  // The technician before the lead: a lead created after them is handed their realm's key with their keyring.
  const demo = await remoteServer(`${server.url}/db/`, server.adminUser, server.adminPassword)
  const specs = [adminSpec, technicianSpec, leadSpec]
  await ensureEmpty(demo, specs.map((s) => s.username), false, () => {})
  const [, technician, lead] = (await within(plan.stepMs, 'founding the organisation', foundDemoOrganisation(demo.base, demo.admin, specs, () => {}))) as [SignedIn, SignedIn, SignedIn]
  const { device: office, session: leadSession } = lead
  const desk = serviceContext({ records: createServiceRecords(office.storage.recordContext), recordContext: office.storage.recordContext, audit: office.storage.audit, userId: leadSession.userId })
  say('organisation founded in Node (admin, technician, lead; Argon2id at the app\'s cost)')

  const contexts: BrowserContext[] = []
  const context = async (viewport: { width: number; height: number }, phone: boolean) => {
    const c = await browser.newContext({
      viewport,
      isMobile: phone,
      hasTouch: phone,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      // The phone works offline with the app's service worker, as in the field; the tablet as the other benches.
      serviceWorkers: phone ? 'allow' : 'block',
    })
    contexts.push(c)
    // tsx keeps function names with a helper the page does not have: functions handed to evaluate() call it.
    await c.addInitScript({ content: 'window.__name = (f) => f' })
    return c
  }
  try {
    // The camera: a page of the bench's own that makes each run's photo.
    const camera = await (await context({ width: 390, height: 844 }, false)).newPage()
    camera.setDefaultTimeout(plan.stepMs)
    await camera.goto(`${server.url}/bench/seed.html`)
    await camera.locator('body[data-ready=true]').waitFor({ state: 'attached' })

    const phoneContext = await context({ width: 390, height: 844 }, true)
    const field = new FieldPhonePage(await phoneContext.newPage(), server.url)
    field.page.setDefaultTimeout(plan.stepMs)
    await field.join(technicianSpec.username, technicianSpec.passphrase)
    await field.page.waitForURL((u) => u.pathname === '/field', { timeout: plan.stepMs })
    await field.waitForServiceWorkerControl()
    await field.dismissNotices()
    say('the technician\'s phone joined (the service worker in control)')

    const tablet = new AuthPage(await (await context({ width: 1280, height: 800 }, false)).newPage(), server.url)
    tablet.page.setDefaultTimeout(plan.stepMs)
    await tablet.join(leadSpec.username, leadSpec.passphrase)
    await tablet.page.getByTestId('signed-in-as').waitFor({ timeout: plan.stepMs })
    say('the lead\'s tablet joined')

    const customers = generatePeople(plan.photoSeed, plan.runs.max + plan.warmup)
    const runs: JobSyncRun[] = []
    await repeat(plan.runs, plan.warmup, async (i) => {
      const customer = customers[i]!
      // The office takes the call and dispatches it; its round sends the job to the technician's database.
      const customerId = await office.storage.people.put(customer)
      const requestId = await takeRequest(desk, {
        customerId, address: `星河花园 ${i + 1} 栋 201`, phone: customer.phone ?? '13800138000', product: '冰箱 Fridge', model: 'BCD-470', spec: '470 L',
        purchasePlace: '', fault: '不制冷 Not cooling', kind: 'b', nature: 'request', complaint: false, faultReport: false, receivedAt: Date.now(), takenBy: leadSession.userId,
      })
      const dispatched = await dispatchRequest(desk, { requestId, technician: { userId: technician.session.userId, role: 'technician', status: 'active' }, customerName: customer.name, at: Date.now() })
      if (!dispatched.ok) throw new Error(`dispatch refused: ${dispatched.problems.join(', ')}`)
      await office.sync(leadSession)
      // The lead opens the request's page on the tablet: no work on it yet.
      await openInApp(tablet.page, `/service/requests/${requestId}`)
      await tablet.page.getByTestId('service-request-details').waitFor()

      // The phone: the job arrives (its live feed), then a basement: the job is done offline, with a photo and a signature.
      if (i > 0) await field.backToJobs()
      await within(plan.stepMs, 'the dispatched job on the phone', field.waitForJob(customer.name, plan.stepMs))
      const made = await within(plan.stepMs, 'making the photo', camera.evaluate((s) => (window as unknown as PhotoWindow).lobbyPhoto.makePhoto(s), plan.photoSeed + i))
      const jpeg = Buffer.from(await camera.evaluate(() => (window as unknown as PhotoWindow).lobbyPhoto.takePhoto()), 'base64')
      await phoneContext.setOffline(true)
      await field.openJob(customer.name)
      await field.start()
      await field.workDone('更换启动继电器，压缩机运转正常。Replaced the start relay.')
      await within(plan.stepMs, 'compressing and storing the photo', field.addPhoto(jpeg))
      await field.sign()
      if ((await field.finish()).length) throw new Error('the phone did not finish the job')
      await field.page.getByTestId('field-job-sync-note').and(field.page.locator('.form-warning')).waitFor()

      // Online: the clock runs until the lead's page shows the completion with its photo.
      await tablet.page.evaluate(armTablet)
      await field.page.evaluate(armPhone)
      const start = Date.now()
      await phoneContext.setOffline(false)
      const shownAt = await within(plan.stepMs, 'the finished job on the lead\'s page', tablet.page.evaluate(() => (window as TabletWindow).__jobShown!))
      const sentAt = await within(plan.stepMs, 'the phone saying "sent"', field.page.evaluate(() => (window as PhoneWindow).__jobSent!))
      const pulledAt = await tablet.page.evaluate(firstTechnicianPull, start)

      // What the lead's device took in (read in Node after a round of its own): the completion and its photo's bytes.
      let photoBytes = NaN
      await within(plan.stepMs, 'the completion in Node', (async () => {
        for (;;) {
          await office.sync(leadSession)
          const folded = await foldedRequest(desk, requestId)
          const completion = folded?.events.completions[0]?.record
          if (completion?.photoIds[0]) {
            const photo = await photoOf(desk, requestId, completion.photoIds[0])
            if (photo.ok) return void (photoBytes = photo.bytes.length)
          }
          await new Promise((r) => setTimeout(r, 500))
        }
      })())
      await field.page.getByTestId('field-job-closed').waitFor({ timeout: plan.stepMs })

      const run = { shownMs: shownAt - start, sentMs: sentAt - start, pulledMs: pulledAt - start, cameraBytes: made.bytes, photoBytes }
      plan.log(`    job ${i + 1}${i < plan.warmup ? ' (warm-up)' : ''}: ${run.shownMs} ms to the lead's page (phone sent at ${run.sentMs} ms, the lead's round asked the technician's database at ${run.pulledMs.toFixed(0)} ms); photo ${(made.bytes / 1e6).toFixed(2)} MB → ${photoBytes} B`)
      if (i >= plan.warmup) runs.push(run)
      return run.shownMs
    })
    return { runs, setupSeconds: (performance.now() - t0) / 1000 }
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined)
    await demo.close()
  }
}

export function jobSyncRows(f: JobSyncFigures): MetricResult[] {
  if (!f.runs.length) return []
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50)
  const bytes = f.runs.map((r) => r.photoBytes)
  const note = [
    `${f.runs.length} jobs, each finished offline on the phone (390×844, service worker in control) with one 12-megapixel photo (JPEG 0.92 of ${(Math.min(...f.runs.map((r) => r.cameraBytes)) / 1e6).toFixed(2)}–${(Math.max(...f.runs.map((r) => r.cameraBytes)) / 1e6).toFixed(2)} MB, compressed by the app) and a signature; the request's page already open on the lead's tablet (1280×800)`,
    `medians from online: the phone's round sent it at ${median(f.runs.map((r) => r.sentMs)).toFixed(0)} ms, the lead's round asked the technician's database at ${median(f.runs.map((r) => r.pulledMs)).toFixed(0)} ms (its live feed takes turns between its desk's database and the technicians', so a change in any is seen within about 3 s)`,
    `job_photo_bytes of these photos as taken in: median ${median(bytes).toFixed(0)} B, max ${Math.max(...bytes)} B (goal ${jobPhotoGoalBytes} B)`,
    'the office in Node (the lead\'s device there takes and dispatches each request); CPU not throttled; baseline: the goal',
  ]
  return [summarise('job_sync_ms', 'a job finished offline with one photo and a signature: the phone online → the lead\'s request page shows the completion with its photo', f.runs.map((r) => r.shownMs), 'ms', { baseline: jobSyncGoalMs, goal: jobSyncGoalMs }, note.join('; '))]
}
