/**
 * Issue 15 "Done means", the technician's photo:
 *
 * - `job_photo_bytes`: a 12-megapixel photo (4000 × 3000, a scene with gradients, shapes, small print and sensor
 *   noise, JPEG 0.92: several MB, like a phone's) after the app's compressPhoto (src/platform/photo-compress.ts),
 *   one photo per seed; the goal is 300 KB (307,200 B) at p95.
 * - `job_photo_compress_ms`: compressPhoto from the call to the result, in the page (the worker started, the photo
 *   decoded, scaled and encoded at each quality tried). Its note gives the page's longest task meanwhile: the work
 *   is in a worker so the screen stays responsive (no task over ~100 ms).
 *
 * In a phone-sized Chromium context on the bench's seed page (bench/browser/photo-seed.ts); nothing is stored.
 */
import type { Browser } from 'playwright-core'
import type { PhotoOptions } from '../src/platform/photo-compress'
import type { PhotoMade, PhotoTimed } from './browser/photo-seed-types'
import { within, type BenchServer } from './server'
import { summarise, type MetricResult } from './stats'

/** Issue 15's goal: a compressed photo under 300 KB. */
export const jobPhotoGoalBytes = 307_200

export interface JobPhotoPlan {
  /** One photo per seed, timed; `warmup` more before them, untimed (the worker's code loaded once). */
  seeds: number[]
  warmup: number
  /** The photo rules (core/service's): longest side, qualities, target, input limit. */
  options: PhotoOptions
  stepMs: number
  log: (line: string) => void
}

export interface JobPhotoFigures {
  made: PhotoMade[]
  bytes: number[]
  ms: number[]
  qualities: number[]
  sizes: string[]
  /** The longest main-thread task (over 50 ms) during each compression; 0 when there was none. */
  longestTaskMs: number[]
}

type PhotoWindow = Window & { lobbyPhoto: { makePhoto(seed: number): Promise<PhotoMade>; compress(options: PhotoOptions): Promise<PhotoTimed> } }

export async function jobPhotoBench(browser: Browser, server: BenchServer, plan: JobPhotoPlan): Promise<JobPhotoFigures> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' })
  const figures: JobPhotoFigures = { made: [], bytes: [], ms: [], qualities: [], sizes: [], longestTaskMs: [] }
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(plan.stepMs)
    await page.goto(`${server.url}/bench/seed.html`)
    await page.locator('body[data-ready=true]').waitFor({ state: 'attached' })
    const warmups = Array.from({ length: plan.warmup }, (_, i) => -1 - i)
    for (const seed of [...warmups, ...plan.seeds]) {
      const made = await within(plan.stepMs, `making photo ${seed}`, page.evaluate((s) => (window as unknown as PhotoWindow).lobbyPhoto.makePhoto(s), seed))
      const timed = await within(plan.stepMs, `compressing photo ${seed}`, page.evaluate((o) => (window as unknown as PhotoWindow).lobbyPhoto.compress(o), plan.options))
      if (!timed.ok) throw new Error(`photo ${seed} (${made.bytes} B) was refused: ${timed.problem}`)
      const longest = Math.max(0, ...timed.longTasks)
      plan.log(`  photo ${seed}${seed < 0 ? ' (warm-up)' : ''}: ${(made.bytes / 1e6).toFixed(2)} MB → ${timed.bytes} B at ${timed.quality}, ${timed.width}×${timed.height}, ${timed.ms.toFixed(0)} ms, longest page task ${longest.toFixed(0)} ms`)
      if (seed < 0) continue
      figures.made.push(made)
      figures.bytes.push(timed.bytes)
      figures.ms.push(timed.ms)
      figures.qualities.push(timed.quality)
      figures.sizes.push(`${timed.width}×${timed.height}`)
      figures.longestTaskMs.push(longest)
    }
    return figures
  } finally {
    await context.close()
  }
}

export function jobPhotoRows(f: JobPhotoFigures, options: PhotoOptions): MetricResult[] {
  if (!f.bytes.length) return []
  const inputs = f.made.map((m) => m.bytes)
  const mb = (n: number) => (n / 1e6).toFixed(1)
  const input = `${f.made[0]!.width}×${f.made[0]!.height} JPEG 0.92 of ${mb(Math.min(...inputs))}–${mb(Math.max(...inputs))} MB`
  const rules = `longest side ${options.maxSide} px, qualities ${options.qualities.join('/')} until ≤ ${options.targetBytes} B`
  // In the note, so bench/results.json (which drops the label) says what went in too.
  const note = `from ${input}; qualities used ${f.qualities.join(', ')}; ${[...new Set(f.sizes)].join(', ')}`
  return [
    summarise('job_photo_bytes', `a 12-megapixel photo after compressPhoto (${rules})`, f.bytes, 'B', { goal: jobPhotoGoalBytes }, note),
    summarise(
      'job_photo_compress_ms',
      'compressPhoto on a 12-megapixel photo: call → compressed JPEG (worker start, decode, scale, encode)',
      f.ms,
      'ms',
      {},
      `in a worker; the page's longest task meanwhile ${Math.max(...f.longestTaskMs).toFixed(0)} ms (0: none over 50 ms)`,
    ),
  ]
}
