/**
 * Bytes too large for one record (a job's photo) split into chunks of base64url text, and joined back. This only
 * shapes the bytes: each chunk is sealed as a record by the storage layer, like any other.
 */
import { fromBase64Url, toBase64Url } from '@/crypto/bytes'

/** 64 KiB of bytes a chunk: about 87 KB of text once base64url-encoded. */
export const defaultChunkBytes = 65_536

export interface Chunk {
  /** 0-based place of this chunk. */
  index: number
  /** How many chunks the bytes were split into; every chunk of one whole says the same. */
  count: number
  /** Unpadded base64url of this chunk's bytes. */
  data: string
}

export type JoinProblem = 'no-chunks' | 'count-mismatch' | 'missing-chunk' | 'out-of-order' | 'not-base64url'
export type JoinResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: JoinProblem; index?: number }

/** `bytes` as chunks of at most `chunkBytes` each, in order. No bytes are still one (empty) chunk, so they are stored. */
export function toChunks(bytes: Uint8Array, chunkBytes: number = defaultChunkBytes): Chunk[] {
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`not a chunk size: ${chunkBytes}`)
  const count = Math.max(1, Math.ceil(bytes.length / chunkBytes))
  return Array.from({ length: count }, (_, index) => ({ index, count, data: toBase64Url(bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes)) }))
}

/**
 * The bytes `chunks` were made from, given in order. Refused, saying which, when they are not the whole: a chunk
 * missing (fewer than their count), one in the wrong place or twice, chunks of different wholes (counts that
 * disagree), or text that is not base64url. Putting the chunks in order is the reader's job (by `index`).
 */
export function fromChunks(chunks: readonly Chunk[]): JoinResult {
  if (!chunks.length) return { ok: false, problem: 'no-chunks' }
  const count = chunks[0]!.count
  if (!Number.isSafeInteger(count) || count < 1) return { ok: false, problem: 'count-mismatch', index: 0 }
  const disagreeing = chunks.findIndex((c) => c.count !== count)
  if (disagreeing >= 0) return { ok: false, problem: 'count-mismatch', index: disagreeing }
  const misplaced = chunks.findIndex((c, i) => c.index !== i)
  // A later index where an earlier one belongs: one is missing if it never comes, out of order if it does.
  if (misplaced >= 0) {
    const missing = !chunks.some((c) => c.index === misplaced)
    return { ok: false, problem: missing ? 'missing-chunk' : 'out-of-order', index: misplaced }
  }
  if (chunks.length !== count) return { ok: false, problem: chunks.length < count ? 'missing-chunk' : 'count-mismatch', index: chunks.length < count ? chunks.length : count }
  const parts: Uint8Array[] = []
  for (const c of chunks) {
    try {
      parts.push(fromBase64Url(c.data))
    } catch {
      return { ok: false, problem: 'not-base64url', index: c.index }
    }
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    bytes.set(p, offset)
    offset += p.length
  }
  return { ok: true, bytes }
}
