/**
 * What compressing a photo needs besides the pixels (issue 15 §4): the options built from core/service's photo rules
 * (`photoTarget`, `photoInputLimit`, `targetSize`, `nextQuality` in core/service/job-photo.ts, which say the numbers
 * and the steps once), and whether a picked file is an image at all. Unit-tested in Node.
 */
import { photoInputLimit, photoInputMaxBytes, photoTarget } from '@/core/service/job-photo'

/** What a photo is compressed to. The app's are `jobPhotoOptions`; the bench and tests pass the same shape. */
export interface PhotoOptions {
  /** The longest side after scaling, in pixels; a smaller photo is never enlarged. */
  maxSide: number
  /** JPEG qualities to try, best first, until the photo is at most `targetBytes`. */
  qualities: readonly number[]
  targetBytes: number
  /** A picked file larger than this is refused before it is decoded. */
  maxInputBytes: number
}

/** SVC-3's photo rules as compressPhoto's options: 1600 px, JPEG 0.8 → 0.5 until ≤ 300 KB, 16 MiB in at most. */
export const jobPhotoOptions: PhotoOptions = Object.freeze({
  maxSide: photoTarget.longestSide,
  qualities: photoTarget.qualities,
  targetBytes: photoTarget.maxBytes,
  maxInputBytes: photoInputMaxBytes,
})

export type PhotoProblem = 'photo-too-large' | 'not-an-image' | 'no-memory'

export type PhotoResult =
  | { ok: true; blob: Blob; width: number; height: number; quality: number }
  | { ok: false; problem: PhotoProblem; bytes: number }

/** Throws on options no caller can mean (a bug, not a user's mistake): no qualities, a quality outside (0, 1], … */
export function checkPhotoOptions(options: PhotoOptions): PhotoOptions {
  const { maxSide, qualities, targetBytes, maxInputBytes } = options
  if (!Number.isSafeInteger(maxSide) || maxSide < 1) throw new RangeError(`not a longest side: ${maxSide}`)
  if (!qualities.length || qualities.some((q) => !(q > 0 && q <= 1))) throw new RangeError(`not JPEG qualities: ${qualities.join(', ')}`)
  if (qualities.some((q, i) => i > 0 && q >= qualities[i - 1]!)) throw new RangeError(`qualities must fall: ${qualities.join(', ')}`)
  if (!(targetBytes > 0)) throw new RangeError(`not a target size: ${targetBytes}`)
  if (!(maxInputBytes > 0)) throw new RangeError(`not an input limit: ${maxInputBytes}`)
  return options
}

/** Refused before any decoding (core's `photoInputLimit`): a file over the limit, or an empty one, which is no picture. */
export function inputProblem(bytes: number, maxInputBytes: number): PhotoProblem | null {
  const check = photoInputLimit(bytes, maxInputBytes)
  if (check.ok) return null
  return check.problem === 'photo-too-large' ? 'photo-too-large' : 'not-an-image'
}

/** Bytes of a decoded RGBA bitmap: a 12-megapixel photo is 48 MB in memory whatever its file size. */
export const bitmapBytes = (width: number, height: number): number => width * height * 4

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'avif' | 'heic'

/**
 * What a file's first bytes say it is, whatever its name or `type` (both come from the file's name on most phones):
 * null for anything that is no image format, so a PDF or a video is refused without being decoded.
 */
export function sniffImage(head: Uint8Array): ImageKind | null {
  const at = (offset: number, ...bytes: number[]) => bytes.every((b, i) => head[offset + i] === b)
  const ascii = (offset: number, text: string) => at(offset, ...Array.from(text, (c) => c.charCodeAt(0)))
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif'
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp'
  if (ascii(0, 'BM')) return 'bmp'
  if (ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...head.subarray(8, 12))
    if (brand === 'avif' || brand === 'avis') return 'avif'
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic'
  }
  return null
}

/** How many bytes `sniffImage` reads. */
export const sniffBytes = 16
