import { describe, expect, it } from 'vitest'
import { photoTarget } from '@/core/service/job-photo'
import { bitmapBytes, checkPhotoOptions, inputProblem, jobPhotoOptions, sniffImage } from './photo-size'

const MiB = 1024 * 1024
const options = jobPhotoOptions
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('photo size arithmetic (issue 15 §4)', () => {
  it('builds the app\'s options from core/service\'s photo rules, restating none', () => {
    expect(jobPhotoOptions).toEqual({ maxSide: photoTarget.longestSide, qualities: photoTarget.qualities, targetBytes: photoTarget.maxBytes, maxInputBytes: 16 * MiB })
    expect(checkPhotoOptions(jobPhotoOptions)).toBe(jobPhotoOptions)
  })

  it('refuses a 20 MB photo before decoding it, takes exactly 16 MiB, and calls 0 bytes no image', () => {
    expect(inputProblem(20 * 1000 * 1000, options.maxInputBytes)).toBe('photo-too-large')
    expect(inputProblem(16 * MiB + 1, options.maxInputBytes)).toBe('photo-too-large')
    expect(inputProblem(16 * MiB, options.maxInputBytes)).toBeNull()
    expect(inputProblem(0, options.maxInputBytes)).toBe('not-an-image')
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
