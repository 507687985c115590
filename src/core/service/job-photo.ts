/**
 * SVC-3: photos taken on a job. The phone compresses each before it is sealed (a 12-megapixel photo is several MB;
 * the target is at most 300 KB), then stores it as encrypted chunk records, never in the service worker's cache.
 * The app does the pixels (canvas); these are the numbers it follows and the checks it makes.
 */

/** 16 MiB: the largest photo the phone takes in. Larger is no phone camera's photo (a 20 MB file is refused). */
export const photoInputMaxBytes = 16 * 1024 * 1024

export type PhotoInputCheck = { ok: true } | { ok: false; problem: 'photo-empty' } | { ok: false; problem: 'photo-too-large'; size: number; max: number }

/** SVC-3: may a picked file of `bytes` bytes be taken in? Exactly 16 MiB may; one byte more may not. */
export function photoInputLimit(bytes: number, max: number = photoInputMaxBytes): PhotoInputCheck {
  if (!(bytes > 0)) return { ok: false, problem: 'photo-empty' }
  return bytes <= max ? { ok: true } : { ok: false, problem: 'photo-too-large', size: bytes, max }
}

/**
 * SVC-3: what a photo is compressed to: scaled so its longest side is at most 1600 px (enough to read a nameplate
 * or a serial number), JPEG, trying each quality in turn until it is at most 300 KB. 300 KB is read as 300,000 bytes,
 * the stricter reading. A photo still larger at the last quality is kept as it is: a job's photo is never lost for
 * being large.
 */
export const photoTarget = {
  longestSide: 1600,
  mime: 'image/jpeg',
  qualities: [0.8, 0.7, 0.6, 0.5],
  maxBytes: 300_000,
} as const

/** The size to draw a `width` × `height` photo at: the longest side at most `longestSide`, never enlarged. */
export function targetSize(width: number, height: number, longestSide: number = photoTarget.longestSide): { width: number; height: number } {
  const scale = Math.min(1, longestSide / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** What the quality steps need of a target: `photoTarget`'s, or a bench's or test's own. */
export interface QualitySteps {
  qualities: readonly number[]
  maxBytes: number
}

/** The quality to try next after an encoding of `bytes` at `quality`; null: keep this one (small enough, or the last step). */
export function nextQuality(quality: number, bytes: number, target: QualitySteps = photoTarget): number | null {
  if (bytes <= target.maxBytes) return null
  return target.qualities.find((q) => q < quality) ?? null
}

/** 64 KiB: the bytes of one chunk record (about 87 KB once base64url-encoded and sealed). */
export const photoChunkBytes = 65_536

/** Bytes `start` (inclusive) to `end` (exclusive) of a photo: chunk `index`. */
export interface ChunkRange {
  index: number
  start: number
  end: number
}

/** SVC-3: the chunks a photo of `bytesLength` bytes is stored in, in order; none for no bytes. */
export function chunksOf(bytesLength: number, chunkSize: number = photoChunkBytes): ChunkRange[] {
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`not a chunk size: ${chunkSize}`)
  if (!Number.isSafeInteger(bytesLength) || bytesLength < 0) throw new RangeError(`not a byte length: ${bytesLength}`)
  const ranges: ChunkRange[] = []
  for (let start = 0, index = 0; start < bytesLength; start += chunkSize, index++) ranges.push({ index, start, end: Math.min(start + chunkSize, bytesLength) })
  return ranges
}

/** The most chunks a photo can have: a 16 MiB input stored uncompressed. A record claiming more is corrupt. */
export const maxPhotoChunks = Math.ceil(photoInputMaxBytes / photoChunkBytes)

export type ReassemblyCheck<T> =
  | { ok: true; chunks: T[] }
  | { ok: false; problem: 'no-chunks' | 'count-mismatch' | 'too-many-chunks' | 'index-out-of-range' }
  | { ok: false; problem: 'chunks-missing'; missing: number[] }

/**
 * SVC-3: can a photo be put back together from these chunk records (one photo's, in any order)? Every chunk must
 * agree on how many there are (at most `maxPhotoChunks`), and each index from 0 to count − 1 be there; then the chunks come back in order. A
 * chunk copied twice (two devices taking the job in) is the same bytes: the first is kept. `chunks-missing` lists
 * the absent indexes, so the screen can say the photo is still syncing rather than broken.
 */
export function checkReassembly<T extends { index: number; count: number }>(chunks: readonly T[]): ReassemblyCheck<T> {
  if (!chunks.length) return { ok: false, problem: 'no-chunks' }
  const count = chunks[0]!.count
  if (!Number.isSafeInteger(count) || count < 1 || chunks.some((c) => c.count !== count)) return { ok: false, problem: 'count-mismatch' }
  if (count > maxPhotoChunks) return { ok: false, problem: 'too-many-chunks' }
  if (chunks.some((c) => !Number.isSafeInteger(c.index) || c.index < 0 || c.index >= count)) return { ok: false, problem: 'index-out-of-range' }
  const byIndex = new Map<number, T>()
  for (const c of chunks) if (!byIndex.has(c.index)) byIndex.set(c.index, c)
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i))
  if (missing.length) return { ok: false, problem: 'chunks-missing', missing }
  return { ok: true, chunks: Array.from({ length: count }, (_, i) => byIndex.get(i)!) }
}
