/**
 * A photo's bytes as chunks of base64url text, and back (issue 15 §4). Where the cuts fall and when chunks make a
 * whole are core/service's rules (`chunksOf`, `checkReassembly`); this only turns bytes into text and text into
 * bytes. Each chunk is sealed as a record by the storage layer, like any other.
 */
import { checkReassembly, chunksOf, photoChunkBytes, type ReassemblyCheck } from '@/core/service/job-photo'
import { fromBase64Url, toBase64Url } from '@/crypto/bytes'

export interface Chunk {
  /** 0-based place of this chunk. */
  index: number
  /** How many chunks the bytes were split into; every chunk of one whole says the same. */
  count: number
  /** Unpadded base64url of this chunk's bytes. */
  data: string
}

/** `bytes` as chunks of at most `chunkBytes` (64 KiB) each, in order; none for no bytes. */
export function toChunks(bytes: Uint8Array, chunkBytes: number = photoChunkBytes): Chunk[] {
  const ranges = chunksOf(bytes.length, chunkBytes)
  return ranges.map(({ index, start, end }) => ({ index, count: ranges.length, data: toBase64Url(bytes.subarray(start, end)) }))
}

type Refusal = Extract<ReassemblyCheck<Chunk>, { ok: false }>
export type JoinResult = { ok: true; bytes: Uint8Array } | Refusal | { ok: false; problem: 'not-base64url'; index: number }

/**
 * The bytes `chunks` (one photo's, in any order, a chunk copied twice taken once) were made from; refused as
 * core's `checkReassembly` says (`chunks-missing` names the indexes still to come), or when a chunk's text is not
 * base64url.
 */
export function fromChunks(chunks: readonly Chunk[]): JoinResult {
  const whole = checkReassembly(chunks)
  if (!whole.ok) return whole
  const parts: Uint8Array[] = []
  for (const c of whole.chunks) {
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
