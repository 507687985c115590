import { describe, expect, it } from 'vitest'
import { checkSignature } from '@/core/service/signature'
import { addPoint, inkBounds, pngDataUrl, pngFrame, pngFromDataUrl, pointAt, traceStroke, type PathSink, type Stroke } from './signature-strokes'

/** A zig-zag "signature" across the pad: 10 points, 20 px apart along x. */
const scrawl: Stroke = Array.from({ length: 10 }, (_, i) => [20 + 20 * i, i % 2 ? 60 : 80, 16 * i])

describe('a signature on the service voucher (issue 15 §4)', () => {
  it('draws strokes in the shape core checks: a zig-zag across the pad is a signature, a tap is not', () => {
    expect(checkSignature([scrawl])).toEqual({ ok: true, ink: expect.closeTo(9 * Math.hypot(20, 20)) })
    expect(checkSignature([[[100, 100, 0]]])).toMatchObject({ ok: false, problem: 'signature-empty' })
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

  it('keeps the voucher PNG as the record\'s base64url and shows it again as a data: URL', () => {
    // "ÿû¿" is bytes whose base64 holds both '+' and '/', and needs padding.
    const base64 = btoa('\xff\xfb\xbf\x01')
    expect(base64).toBe('//u/AQ==')
    expect(pngFromDataUrl(`data:image/png;base64,${base64}`)).toBe('__u_AQ')
    expect(pngDataUrl('__u_AQ')).toBe(`data:image/png;base64,${base64}`)
    expect(pngFromDataUrl('data:,')).toBe('')
  })
})
