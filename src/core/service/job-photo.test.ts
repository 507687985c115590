import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkReassembly, chunksOf, maxPhotoChunks, nextQuality, photoInputLimit, photoInputMaxBytes, photoTarget, targetSize } from './job-photo'

const MiB = 1024 * 1024

describe('SVC-3 photos taken on a job', () => {
  it('SVC-3: a photo of exactly 16 MiB is taken in; one byte more, or 20 MB, is refused with its size', () => {
    expect(photoInputMaxBytes).toBe(16 * MiB)
    expect(photoInputLimit(16 * MiB)).toEqual({ ok: true })
    expect(photoInputLimit(16 * MiB + 1)).toEqual({ ok: false, problem: 'photo-too-large', size: 16 * MiB + 1, max: 16 * MiB })
    expect(photoInputLimit(20_000_000)).toEqual({ ok: false, problem: 'photo-too-large', size: 20_000_000, max: 16 * MiB })
  })

  it('SVC-3: an empty file is refused as empty', () => {
    expect(photoInputLimit(0)).toEqual({ ok: false, problem: 'photo-empty' })
    expect(photoInputLimit(Number.NaN)).toEqual({ ok: false, problem: 'photo-empty' })
  })

  it('SVC-3: a 12-megapixel photo is drawn at 1600 × 1200 (portrait 1200 × 1600); a small one is never enlarged', () => {
    expect(targetSize(4032, 3024)).toEqual({ width: 1600, height: 1200 })
    expect(targetSize(3024, 4032)).toEqual({ width: 1200, height: 1600 })
    expect(targetSize(1600, 900)).toEqual({ width: 1600, height: 900 })
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 })
    expect(targetSize(8000, 10)).toEqual({ width: 1600, height: 2 })
    expect(targetSize(20000, 1)).toEqual({ width: 1600, height: 1 })
  })

  it('SVC-3: JPEG qualities 0.8 → 0.5 are tried until the photo is at most 300 KB', () => {
    expect(photoTarget).toMatchObject({ longestSide: 1600, mime: 'image/jpeg', qualities: [0.8, 0.7, 0.6, 0.5], maxBytes: 300_000 })
    expect(nextQuality(0.8, 300_000)).toBeNull()
    expect(nextQuality(0.8, 300_001)).toBe(0.7)
    expect(nextQuality(0.7, 450_000)).toBe(0.6)
    expect(nextQuality(0.6, 310_000)).toBe(0.5)
  })

  it('SVC-3: still too large at 0.5, the photo is kept as it is (never lost for its size)', () => {
    expect(nextQuality(0.5, 900_000)).toBeNull()
  })

  it('SVC-3: the same steps over another target and limit (a bench\'s, a test\'s)', () => {
    expect(nextQuality(0.9, 1_001, { qualities: [0.9, 0.3], maxBytes: 1_000 })).toBe(0.3)
    expect(nextQuality(0.9, 1_000, { qualities: [0.9, 0.3], maxBytes: 1_000 })).toBeNull()
    expect(photoInputLimit(11, 10)).toEqual({ ok: false, problem: 'photo-too-large', size: 11, max: 10 })
    expect(photoInputLimit(10, 10)).toEqual({ ok: true })
  })
})

describe('SVC-3 photo chunks', () => {
  it('SVC-3: chunks are 64 KiB: 65,536 bytes are one chunk, 65,537 two', () => {
    expect(chunksOf(65_536)).toEqual([{ index: 0, start: 0, end: 65_536 }])
    expect(chunksOf(65_537)).toEqual([
      { index: 0, start: 0, end: 65_536 },
      { index: 1, start: 65_536, end: 65_537 },
    ])
    expect(chunksOf(1)).toEqual([{ index: 0, start: 0, end: 1 }])
    expect(chunksOf(0)).toEqual([])
    expect(chunksOf(10, 4)).toEqual([
      { index: 0, start: 0, end: 4 },
      { index: 1, start: 4, end: 8 },
      { index: 2, start: 8, end: 10 },
    ])
  })

  it('SVC-3: a nonsense length or chunk size is a bug, not a photo', () => {
    expect(() => chunksOf(-1)).toThrow(RangeError)
    expect(() => chunksOf(10, 0)).toThrow(RangeError)
    expect(() => chunksOf(1.5)).toThrow(RangeError)
  })

  it('SVC-3: the chunks cover every byte once, in order, and no chunk is larger than the chunk size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * MiB }), fc.integer({ min: 1, max: 300_000 }), (length, size) => {
        const chunk = Math.max(size, Math.ceil(length / 4096)) // at most 4096 chunks a run, so 100 runs stay quick
        const ranges = chunksOf(length, chunk)
        let next = 0
        const wrong = ranges.filter((r, i) => {
          const bad = r.index !== i || r.start !== next || r.end <= r.start || r.end - r.start > chunk
          next = r.end
          return bad
        })
        expect(wrong).toEqual([])
        expect(next).toBe(length)
        expect(ranges.length).toBe(Math.ceil(length / chunk))
      }),
    )
  })

  const chunk = (index: number, count = 3) => ({ id: `job-photo:${index}`, index, count })

  it('SVC-3: all chunks present in any order come back in order', () => {
    expect(checkReassembly([chunk(2), chunk(0), chunk(1)])).toEqual({ ok: true, chunks: [chunk(0), chunk(1), chunk(2)] })
  })

  it('SVC-3: a missing chunk is named (still syncing), and the photo is not put together', () => {
    expect(checkReassembly([chunk(2), chunk(0)])).toEqual({ ok: false, problem: 'chunks-missing', missing: [1] })
    expect(checkReassembly([])).toEqual({ ok: false, problem: 'no-chunks' })
  })

  it('SVC-3: chunks that disagree on their count, an index out of range or an impossible count are refused', () => {
    expect(checkReassembly([chunk(0, 3), chunk(1, 2)])).toEqual({ ok: false, problem: 'count-mismatch' })
    expect(checkReassembly([chunk(0), chunk(1), chunk(3)])).toEqual({ ok: false, problem: 'index-out-of-range' })
    expect(checkReassembly([chunk(0, maxPhotoChunks + 1)])).toEqual({ ok: false, problem: 'too-many-chunks' })
    expect(checkReassembly([chunk(0, maxPhotoChunks)])).toMatchObject({ ok: false, problem: 'chunks-missing' })
  })

  it('SVC-3: a chunk copied twice is taken once', () => {
    const twice = { ...chunk(1), id: 'job-photo:1-again' }
    expect(checkReassembly([chunk(0), chunk(1), twice, chunk(2)])).toEqual({ ok: true, chunks: [chunk(0), chunk(1), chunk(2)] })
  })
})
