import { describe, expect, it } from 'vitest'
import { bitmapBytes, checkPhotoOptions, fitWithin, inputProblem, nextQualityIndex, sniffImage, type PhotoOptions } from './photo-size'

const MiB = 1024 * 1024
/** Issue 15's numbers (core/service's photo rules): 16 MiB in, 1600 px, 0.8 → 0.5 until ≤ 300 KB. */
const options: PhotoOptions = { maxSide: 1600, qualities: [0.8, 0.7, 0.6, 0.5], targetBytes: 300_000, maxInputBytes: 16 * MiB }
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('photo size arithmetic (issue 15 §4)', () => {
  it('scales a 12-megapixel photo to 1600 px on its longest side, either way up', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(4080, 3072, 1600)).toEqual({ width: 1600, height: 1205 })
  })

  it('never enlarges a small photo and never gives a side of 0', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 })
    expect(fitWithin(1600, 1600, 1600)).toEqual({ width: 1600, height: 1600 })
    expect(fitWithin(10_000, 2, 1600)).toEqual({ width: 1600, height: 1 })
  })

  it('refuses a 20 MB photo before decoding it, takes exactly 16 MiB, and calls 0 bytes no image', () => {
    expect(inputProblem(20 * 1000 * 1000, options.maxInputBytes)).toBe('photo-too-large')
    expect(inputProblem(16 * MiB + 1, options.maxInputBytes)).toBe('photo-too-large')
    expect(inputProblem(16 * MiB, options.maxInputBytes)).toBeNull()
    expect(inputProblem(0, options.maxInputBytes)).toBe('not-an-image')
  })

  it('steps the quality down only while the photo is over the target, and keeps the last quality\'s result', () => {
    expect(nextQualityIndex(0, 300_000, options)).toBeNull()
    expect(nextQualityIndex(0, 300_001, options)).toBe(1)
    expect(nextQualityIndex(2, 450_000, options)).toBe(3)
    expect(nextQualityIndex(3, 450_000, options)).toBeNull()
  })

  it('knows a decoded 12-megapixel photo weighs 48 MB whatever its file size', () => {
    expect(bitmapBytes(4000, 3000)).toBe(48_000_000)
  })

  it('refuses options no caller can mean', () => {
    expect(checkPhotoOptions(options)).toBe(options)
    expect(() => checkPhotoOptions({ ...options, qualities: [] })).toThrow(RangeError)
    expect(() => checkPhotoOptions({ ...options, qualities: [0.5, 0.8] })).toThrow(RangeError)
    expect(() => checkPhotoOptions({ ...options, qualities: [1.2] })).toThrow(RangeError)
    expect(() => checkPhotoOptions({ ...options, maxSide: 0 })).toThrow(RangeError)
    expect(() => checkPhotoOptions({ ...options, targetBytes: 0 })).toThrow(RangeError)
  })

  it('tells images from other files by their first bytes, not their name', () => {
    expect(sniffImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xe1))).toBe('jpeg')
    expect(sniffImage(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png')
    expect(sniffImage(ascii('GIF89a'))).toBe('gif')
    expect(sniffImage(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(sniffImage(ascii('\0\0\0\x1cftypheic'))).toBe('heic')
    expect(sniffImage(ascii('\0\0\0\x1cftypavif'))).toBe('avif')
    expect(sniffImage(ascii('%PDF-1.7'))).toBeNull()
    expect(sniffImage(ascii('\0\0\0\x18ftypmp42'))).toBeNull()
    expect(sniffImage(new Uint8Array(0))).toBeNull()
  })
})
