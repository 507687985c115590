import { describe, expect, it } from 'vitest'
import { checkSignature, inkLength, minInkPx } from './signature'
import type { SignatureStroke } from './types'

const line = (x0: number, y0: number, x1: number, y1: number): SignatureStroke => [[x0, y0, 0], [x1, y1, 40]]

describe('SVC-3 the customer signature', () => {
  it('SVC-3: a pad left empty is refused', () => {
    expect(checkSignature([])).toEqual({ ok: false, problem: 'signature-empty', ink: 0 })
  })

  it('SVC-3: taps and dots are no ink; a single short brush is not enough', () => {
    expect(checkSignature([[[10, 10, 0]], [[40, 12, 0]]])).toEqual({ ok: false, problem: 'signature-empty', ink: 0 })
    expect(checkSignature([line(10, 10, 70, 10)])).toEqual({ ok: false, problem: 'signature-empty', ink: 60 })
  })

  it('SVC-3: two strokes of 50 px are a signature; 99.5 px of ink is not', () => {
    expect(minInkPx).toBe(100)
    expect(checkSignature([line(0, 0, 30, 40), line(100, 0, 100, 50)])).toEqual({ ok: true, ink: 100 })
    expect(checkSignature([line(0, 0, 30, 40), line(100, 0, 100, 49.5)])).toEqual({ ok: false, problem: 'signature-empty', ink: 99.5 })
  })

  it('SVC-3: a short hand-written name (丁: a stroke across and a hooked one down) passes', () => {
    const ding: SignatureStroke[] = [line(40, 40, 160, 40), [[100, 40, 0], [100, 130, 80], [85, 120, 120]]]
    expect(checkSignature(ding).ok).toBe(true)
  })

  it('SVC-3: ink is the length of each stroke’s path; a point that is not a number adds nothing', () => {
    expect(inkLength([[[0, 0, 0], [3, 4, 0], [3, 10, 0]]])).toBe(11)
    expect(inkLength([[[0, 0, 0], [Number.NaN, 4, 0], [3, 4, 0]]])).toBe(0)
  })
})
