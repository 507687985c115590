/**
 * Issue 15 §4: drawing the customer's signature on the service voucher. Its shape (strokes of `[x, y, t]` points,
 * in CSS px of the pad and ms since the first touch) and when it counts as signed (`checkSignature`, at least
 * `minInkPx` of ink) are core/service's rules; these are the pad's drawing helpers. Pure: FieldSignaturePad.vue
 * feeds them pointer positions and draws what they trace.
 */
import type { SignaturePoint, SignatureStroke } from '@/core/service/types'

export type StrokePoint = SignaturePoint
export type Stroke = SignatureStroke

/** What the pad hands over: the strokes to keep, the pad's size they were drawn in, a small PNG for the voucher. */
export interface Signature {
  strokes: Stroke[]
  width: number
  height: number
  /** The PNG cropped to the ink, as unpadded base64url (how a `job-signature` record keeps it). */
  png: string
}

/** Points closer than this to the last one are dropped: a finger held still adds nothing but bytes. */
export const minStepPx = 1

const tenth = (n: number) => Math.round(n * 10) / 10

/** A pointer position as a stored point: clamped into the pad, rounded so a signature stays a few KB. */
export function pointAt(x: number, y: number, t: number, width: number, height: number): StrokePoint {
  return [tenth(Math.min(Math.max(x, 0), width)), tenth(Math.min(Math.max(y, 0), height)), Math.max(0, Math.round(t))]
}

/** Adds `point` to `stroke` unless it is within `minStep` of the last point; says whether it did. */
export function addPoint(stroke: Stroke, point: StrokePoint, minStep: number = minStepPx): boolean {
  const last = stroke.at(-1)
  if (last && Math.hypot(point[0] - last[0], point[1] - last[1]) < minStep) return false
  stroke.push(point)
  return true
}

/** A canvas's `data:image/png;base64,…` as the record's unpadded base64url; '' for anything else. */
export function pngFromDataUrl(dataUrl: string): string {
  const prefix = 'data:image/png;base64,'
  if (!dataUrl.startsWith(prefix)) return ''
  return dataUrl.slice(prefix.length).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A record's PNG (unpadded base64url) as a `data:` URL an `<img>` shows (the CSP allows `img-src data:`). */
export function pngDataUrl(png: string): string {
  const base64 = png.replace(/-/g, '+').replace(/_/g, '/')
  return `data:image/png;base64,${base64}${'='.repeat((4 - (base64.length % 4)) % 4)}`
}

export interface Bounds {
  left: number
  top: number
  right: number
  bottom: number
}

/** The box around every point, or null for no points. */
export function inkBounds(strokes: readonly Stroke[]): Bounds | null {
  const points = strokes.flat()
  if (!points.length) return null
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) }
}

/** How the ink is drawn into the voucher's PNG: pad px → image px is `(x - left) * scale`. */
export interface PngFrame {
  left: number
  top: number
  scale: number
  width: number
  height: number
}

/** The ink cropped with `padding` around it, shrunk (never enlarged) to fit `maxWidth` × `maxHeight` image px. */
export function pngFrame(bounds: Bounds, { padding = 8, maxWidth = 480, maxHeight = 180 } = {}): PngFrame {
  const left = bounds.left - padding
  const top = bounds.top - padding
  const w = bounds.right - bounds.left + 2 * padding
  const h = bounds.bottom - bounds.top + 2 * padding
  const scale = Math.min(1, maxWidth / w, maxHeight / h)
  return { left, top, scale, width: Math.max(1, Math.ceil(w * scale)), height: Math.max(1, Math.ceil(h * scale)) }
}

/** The part of a canvas path a stroke is traced with (CanvasPath's). */
export interface PathSink {
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void
  arc(x: number, y: number, radius: number, start: number, end: number): void
}

/**
 * Traces `stroke` as a smooth line: through the midpoints between samples, each sample a control point, so a
 * signature sampled at 60 Hz does not look like a polygon. One point is a dot of `dotRadius`.
 */
export function traceStroke(path: PathSink, stroke: Stroke, frame: Pick<PngFrame, 'left' | 'top' | 'scale'> = { left: 0, top: 0, scale: 1 }, dotRadius = 1.5): void {
  const at = (p: StrokePoint): [number, number] => [(p[0] - frame.left) * frame.scale, (p[1] - frame.top) * frame.scale]
  if (!stroke.length) return
  const [x0, y0] = at(stroke[0]!)
  if (stroke.length === 1) {
    path.moveTo(x0 + dotRadius, y0)
    path.arc(x0, y0, dotRadius, 0, 2 * Math.PI)
    return
  }
  path.moveTo(x0, y0)
  for (let i = 1; i < stroke.length - 1; i++) {
    const [cx, cy] = at(stroke[i]!)
    const [nx, ny] = at(stroke[i + 1]!)
    path.quadraticCurveTo(cx, cy, (cx + nx) / 2, (cy + ny) / 2)
  }
  const [lx, ly] = at(stroke.at(-1)!)
  path.lineTo(lx, ly)
}
