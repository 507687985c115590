/** SVC-3: the customer's signature on the service voucher, drawn on the phone's signature pad. */
import type { SignatureStroke } from './types'

/**
 * The least ink a signature has, in CSS px of path: two strokes' worth of 50 px, a third of the height of a pad on a
 * phone held upright (about 340 × 150). The shortest names written by hand (丁, 王, "Li") take more; a tap, a dot or
 * a brush of the thumb while handing the phone over takes a few px and is no signature.
 */
export const minInkPx = 100

/** The total length of the strokes' paths in CSS px (a point whose coordinates are not numbers adds nothing). */
export function inkLength(strokes: readonly SignatureStroke[]): number {
  let length = 0
  for (const stroke of strokes)
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1]!
      const b = stroke[i]!
      const d = Math.hypot(b[0] - a[0], b[1] - a[1])
      if (Number.isFinite(d)) length += d
    }
  return length
}

export type SignatureCheck = { ok: true; ink: number } | { ok: false; problem: 'signature-empty'; ink: number }

/** SVC-3: is this a signature, or was the pad left (all but) empty? At least `minInkPx` of ink is a signature. */
export function checkSignature(strokes: readonly SignatureStroke[]): SignatureCheck {
  const ink = inkLength(strokes)
  return ink >= minInkPx ? { ok: true, ink } : { ok: false, problem: 'signature-empty', ink }
}
