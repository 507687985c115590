import { describe, expect, it } from 'vitest'
import { addPoint, inkBounds, inkLength, pngFrame, pointAt, signatureProblem, traceStroke, type PathSink, type Stroke } from './signature-strokes'

/** A zig-zag "signature" across the pad: 10 points, 20 px apart along x. */
const scrawl: Stroke = Array.from({ length: 10 }, (_, i) => [20 + 20 * i, i % 2 ? 60 : 80, 16 * i])

describe('a signature on the service voucher (issue 15 §4)', () => {
  it('calls a pad with no strokes empty', () => {
    expect(signatureProblem([])).toBe('signature-empty')
    expect(signatureProblem([[]])).toBe('signature-empty')
  })

  it('calls a tap, a few taps or a short brush of the palm empty: ink under 40 px', () => {
    expect(signatureProblem([[[100, 100, 0]]])).toBe('signature-empty')
    expect(signatureProblem([[[10, 10, 0]], [[200, 50, 300]], [[90, 140, 600]]])).toBe('signature-empty')
    expect(signatureProblem([[[10, 10, 0], [30, 10, 20], [49.9, 10, 40]]])).toBe('signature-empty')
  })

  it('takes 40 px of ink or more as signed, over one stroke or several', () => {
    expect(signatureProblem([[[10, 10, 0], [50, 10, 40]]])).toBeNull()
    expect(signatureProblem([[[10, 10, 0], [30, 10, 20]], [[10, 40, 300], [30, 40, 320]]])).toBeNull()
    expect(signatureProblem([scrawl])).toBeNull()
    expect(inkLength([scrawl])).toBeCloseTo(9 * Math.hypot(20, 20))
  })

  it('keeps points inside the pad, to a tenth of a px and whole ms', () => {
    expect(pointAt(12.345, 67.891, 16.6, 300, 200)).toEqual([12.3, 67.9, 17])
    expect(pointAt(-5, 250, -3, 300, 200)).toEqual([0, 200, 0])
  })

  it('drops a point that has not moved a whole px from the last', () => {
    const stroke: Stroke = []
    expect(addPoint(stroke, [10, 10, 0])).toBe(true)
    expect(addPoint(stroke, [10.5, 10.5, 8])).toBe(false)
    expect(addPoint(stroke, [11, 10, 16])).toBe(true)
    expect(stroke).toEqual([[10, 10, 0], [11, 10, 16]])
  })

  it('crops the voucher PNG to the ink with a margin, shrinking a wide signature to 480 px', () => {
    const bounds = inkBounds([scrawl])!
    expect(bounds).toEqual({ left: 20, top: 60, right: 200, bottom: 80 })
    expect(pngFrame(bounds)).toEqual({ left: 12, top: 52, scale: 1, width: 196, height: 36 })
    const wide = pngFrame({ left: 0, top: 0, right: 944, bottom: 100 })
    expect(wide.scale).toBe(0.5)
    expect([wide.width, wide.height]).toEqual([480, 58])
    expect(inkBounds([])).toBeNull()
  })

  it('traces a stroke through its midpoints, and one point as a dot', () => {
    const calls: string[] = []
    const sink: PathSink = {
      moveTo: (x, y) => calls.push(`M ${x} ${y}`),
      lineTo: (x, y) => calls.push(`L ${x} ${y}`),
      quadraticCurveTo: (cx, cy, x, y) => calls.push(`Q ${cx} ${cy} ${x} ${y}`),
      arc: (x, y, r) => calls.push(`A ${x} ${y} ${r}`),
    }
    traceStroke(sink, [[0, 0, 0], [10, 0, 10], [10, 10, 20]])
    expect(calls).toEqual(['M 0 0', 'Q 10 0 10 5', 'L 10 10'])
    calls.length = 0
    traceStroke(sink, [[20, 30, 0]], { left: 10, top: 10, scale: 2 })
    expect(calls).toEqual(['M 21.5 40', 'A 20 40 1.5'])
  })
})
