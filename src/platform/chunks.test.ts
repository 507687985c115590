import { describe, expect, it } from 'vitest'
import { photoChunkBytes } from '@/core/service/job-photo'
import { fromChunks, toChunks, type Chunk } from './chunks'

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256)

/**
 * Issue 15 §4: a photo's bytes as base64url chunks and back. The cuts and the reassembly rules are core's
 * (core/service/job-photo.test.ts); these check the text each chunk becomes and that the bytes come back.
 */
describe('photo chunks as text', () => {
  it('splits 200 KB into four 64 KiB chunks of base64url and joins them back byte for byte', () => {
    const bytes = bytesOf(200_000)
    const chunks = toChunks(bytes)
    expect(chunks.map((c) => [c.index, c.count])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]])
    expect(chunks.every((c) => /^[A-Za-z0-9_-]+$/.test(c.data))).toBe(true)
    expect(chunks[0]!.data.length).toBe(Math.ceil((photoChunkBytes * 4) / 3))
    const joined = fromChunks(chunks)
    // Compared as one buffer: a deep equal over 200,000 numbers takes a second.
    expect(joined.ok && Buffer.from(joined.bytes).equals(Buffer.from(bytes))).toBe(true)
  })

  it('cuts where core says: exact multiples whole, no chunk for no bytes, any chunk size', () => {
    expect(toChunks(bytesOf(2 * photoChunkBytes))).toHaveLength(2)
    expect(toChunks(new Uint8Array(0))).toEqual([])
    const tiny = toChunks(bytesOf(10), 3)
    expect(tiny).toHaveLength(4)
    expect(fromChunks(tiny)).toEqual({ ok: true, bytes: bytesOf(10) })
  })

  it('joins chunks in any order, a chunk copied twice once (two devices took the job in)', () => {
    const [a, b, c] = toChunks(bytesOf(150_000)) as [Chunk, Chunk, Chunk]
    const joined = fromChunks([c, a, b, b])
    expect(joined.ok && Buffer.from(joined.bytes).equals(Buffer.from(bytesOf(150_000)))).toBe(true)
  })

  it('refuses what is not whole as core says, naming the chunks still to come', () => {
    const chunks = toChunks(bytesOf(300_000))
    expect(fromChunks(chunks.filter((c) => c.index !== 2))).toEqual({ ok: false, problem: 'chunks-missing', missing: [2] })
    expect(fromChunks([])).toEqual({ ok: false, problem: 'no-chunks' })
    const [a, b] = toChunks(bytesOf(100_000)) as [Chunk, Chunk]
    expect(fromChunks([a, { ...b, count: 3 }])).toEqual({ ok: false, problem: 'count-mismatch' })
  })

  it('refuses a chunk whose text is not base64url, naming it', () => {
    const [a, b] = toChunks(bytesOf(100_000)) as [Chunk, Chunk]
    expect(fromChunks([a, { ...b, data: `${b.data.slice(0, -4)}+/==` }])).toEqual({ ok: false, problem: 'not-base64url', index: 1 })
  })

  it('refuses a chunk size that is not a whole positive number of bytes', () => {
    expect(() => toChunks(bytesOf(10), 0)).toThrow(RangeError)
    expect(() => toChunks(bytesOf(10), 1.5)).toThrow(RangeError)
  })
})
