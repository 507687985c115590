/**
 * The job-photo bench's page side (issue 15 "Done means": `job_photo_bytes`), on the bench page beside seed.ts:
 * makes a phone-like 12-megapixel JPEG from a seed, then times the app's own compressPhoto on it, with the page's
 * long tasks (over 50 ms) seen while it runs. Nothing is stored: the photo lives in this page only (or is handed to
 * the runner whole, `takePhoto`, for the job-sync bench's phone to take with its camera input).
 */
import { compressPhoto, type PhotoOptions } from '@/platform/photo-compress'
import type { PhotoMade, PhotoTimed } from './photo-seed-types'

/** mulberry32: a photo per seed, the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * A scene as a technician photographs it: a wall and a floor in soft light, a few boxes and pipes, a nameplate with
 * small print, a vignette, and sensor noise (what makes a phone's JPEG several MB: it is fine detail JPEG keeps).
 */
function paintScene(ctx: OffscreenCanvasRenderingContext2D, width: number, height: number, rnd: () => number): void {
  const hue = Math.floor(rnd() * 360)
  const wall = ctx.createLinearGradient(0, 0, width * rnd(), height * 0.65)
  wall.addColorStop(0, `hsl(${hue} 18% 78%)`)
  wall.addColorStop(1, `hsl(${(hue + 30) % 360} 14% 52%)`)
  ctx.fillStyle = wall
  ctx.fillRect(0, 0, width, height)
  const floor = ctx.createLinearGradient(0, height * 0.62, 0, height)
  floor.addColorStop(0, `hsl(${(hue + 180) % 360} 12% 40%)`)
  floor.addColorStop(1, `hsl(${(hue + 200) % 360} 10% 22%)`)
  ctx.fillStyle = floor
  ctx.fillRect(0, height * 0.62, width, height * 0.38)
  for (let i = 0; i < 14; i++) {
    const w = width * (0.05 + rnd() * 0.2)
    const h = height * (0.05 + rnd() * 0.3)
    const x = rnd() * (width - w)
    const y = height * (0.2 + rnd() * 0.6)
    const body = ctx.createLinearGradient(x, y, x + w, y + h)
    body.addColorStop(0, `hsl(${Math.floor(rnd() * 360)} ${20 + rnd() * 40}% ${35 + rnd() * 40}%)`)
    body.addColorStop(1, `hsl(${Math.floor(rnd() * 360)} ${10 + rnd() * 30}% ${15 + rnd() * 30}%)`)
    ctx.fillStyle = body
    ctx.fillRect(x, y, w, h)
    ctx.strokeStyle = 'rgb(20 20 20 / 0.6)'
    ctx.lineWidth = 3 + rnd() * 6
    ctx.strokeRect(x, y, w, h)
  }
  ctx.lineCap = 'round'
  for (let i = 0; i < 6; i++) {
    ctx.strokeStyle = `hsl(${Math.floor(rnd() * 60)} 15% ${40 + rnd() * 30}%)`
    ctx.lineWidth = 20 + rnd() * 60
    ctx.beginPath()
    ctx.moveTo(rnd() * width, 0)
    ctx.bezierCurveTo(rnd() * width, rnd() * height, rnd() * width, rnd() * height, rnd() * width, height)
    ctx.stroke()
  }
  // The nameplate the photo is for: model and serial number in small print.
  const px = width * (0.3 + rnd() * 0.2)
  const py = height * (0.3 + rnd() * 0.2)
  ctx.fillStyle = '#d9d9d2'
  ctx.fillRect(px, py, 900, 420)
  ctx.fillStyle = '#1a1a1a'
  ctx.font = '48px sans-serif'
  for (let line = 0; line < 7; line++) ctx.fillText(`MODEL KX-${Math.floor(rnd() * 9000 + 1000)}  SN ${Math.floor(rnd() * 1e9)}  220V~50Hz`, px + 30, py + 70 + line * 52, 840)
  const vignette = ctx.createRadialGradient(width / 2, height / 2, height * 0.3, width / 2, height / 2, width * 0.65)
  vignette.addColorStop(0, 'rgb(0 0 0 / 0)')
  vignette.addColorStop(1, 'rgb(0 0 0 / 0.45)')
  ctx.fillStyle = vignette
  ctx.fillRect(0, 0, width, height)
}

/** Sensor noise: luminance ±9 and a little colour noise per pixel, as a phone's small sensor in indoor light. */
function addNoise(ctx: OffscreenCanvasRenderingContext2D, width: number, height: number, rnd: () => number): void {
  const band = 500
  for (let y = 0; y < height; y += band) {
    const rows = Math.min(band, height - y)
    const image = ctx.getImageData(0, y, width, rows)
    const d = image.data
    for (let i = 0; i < d.length; i += 4) {
      const r = rnd()
      const luma = (r * 19) | 0
      const chroma = ((r * 7919) % 1) * 7 - 3
      d[i] = d[i]! + luma - 9 + chroma
      d[i + 1] = d[i + 1]! + luma - 9
      d[i + 2] = d[i + 2]! + luma - 9 - chroma
    }
    ctx.putImageData(image, 0, y)
  }
}

let photo: Blob | undefined

/** A 4000 × 3000 photo for `seed`, encoded as a phone does (JPEG 0.92); kept in the page for `compress`. */
async function makePhoto(seed: number, width = 4000, height = 3000): Promise<PhotoMade> {
  const t0 = performance.now()
  const canvas = new OffscreenCanvas(width, height)
  const ctx = canvas.getContext('2d')!
  const rnd = random(seed)
  paintScene(ctx, width, height, rnd)
  addNoise(ctx, width, height, rnd)
  photo = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })
  canvas.width = canvas.height = 0
  return { bytes: photo.size, width, height, ms: performance.now() - t0 }
}

/** compressPhoto on the photo made last, timed from the call to the result, with the page's long tasks meanwhile. */
async function compress(options: PhotoOptions): Promise<PhotoTimed> {
  if (!photo) throw new Error('no photo made')
  const tasks: number[] = []
  let t0 = Infinity
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= t0) tasks.push(e.duration)
  })
  observer.observe({ type: 'longtask' })
  // A frame first: the photo's making is over and its long tasks are not counted.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  t0 = performance.now()
  const result = await compressPhoto(photo, options)
  const ms = performance.now() - t0
  // Long tasks are reported after they end: one more turn so the last is in.
  await new Promise((r) => setTimeout(r, 50))
  observer.disconnect()
  photo = undefined
  if (!result.ok) return { ok: false, problem: result.problem, ms, longTasks: tasks }
  return { ok: true, bytes: result.blob.size, width: result.width, height: result.height, quality: result.quality, ms, longTasks: tasks }
}

/** The photo made last as base64, then forgotten: the job-sync bench hands it to the phone's camera input. */
async function takePhoto(): Promise<string> {
  if (!photo) throw new Error('no photo made')
  const bytes = new Uint8Array(await photo.arrayBuffer())
  photo = undefined
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

declare global {
  interface Window {
    lobbyPhoto?: { makePhoto: typeof makePhoto; compress: typeof compress; takePhoto: typeof takePhoto }
  }
}
window.lobbyPhoto = { makePhoto, compress, takePhoto }
