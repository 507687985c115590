/**
 * The arithmetic of compressing a photo (issue 15 §4), kept apart from the pixels so it is unit-tested in Node:
 * what a photo is drawn at, which quality to try next, and whether a picked file is an image at all.
 */

/** What a photo is compressed to. The numbers are core/service's photo rules, passed in (never read from here). */
export interface PhotoOptions {
  /** The longest side after scaling, in pixels; a smaller photo is never enlarged. */
  maxSide: number
  /** JPEG qualities to try, best first, until the photo is at most `targetBytes`. */
  qualities: readonly number[]
  targetBytes: number
  /** A picked file larger than this is refused before it is decoded. */
  maxInputBytes: number
}

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

/** Refused before any decoding: a file over the limit (its size is said), or an empty one. */
export function inputProblem(bytes: number, maxInputBytes: number): PhotoProblem | null {
  if (bytes > maxInputBytes) return 'photo-too-large'
  return bytes > 0 ? null : 'not-an-image'
}

/** The size to draw a `width` × `height` photo at: the longest side at most `maxSide`, never enlarged, never 0. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * The quality to try after an encoding of `bytes` at `qualities[tried]`; null: keep this one, because it is small
 * enough or was the last quality (a photo still over the target is kept rather than lost).
 */
export function nextQualityIndex(tried: number, bytes: number, options: Pick<PhotoOptions, 'qualities' | 'targetBytes'>): number | null {
  if (bytes <= options.targetBytes) return null
  return tried + 1 < options.qualities.length ? tried + 1 : null
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
