import { describe, expect, it } from 'vitest'
import { defaultChunkBytes, fromChunks, toChunks, type Chunk } from './chunks'

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256)

/** Issue 15 §4: a photo stored as chunk records and put back together, or refused when it is not whole. */
describe('photo chunks', () => {
  it('splits 200 KB into four 64 KiB chunks of base64url and joins them back byte for byte', () => {
    const bytes = bytesOf(200_000)
    const chunks = toChunks(bytes)
    expect(chunks.map((c) => [c.index, c.count])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]])
    expect(chunks.every((c) => /^[A-Za-z0-9_-]+$/.test(c.data))).toBe(true)
    expect(chunks[0]!.data.length).toBe(Math.ceil((defaultChunkBytes * 4) / 3))
    const joined = fromChunks(chunks)
    // Compared as one buffer: a deep equal over 200,000 numbers takes a second.
    expect(joined.ok && Buffer.from(joined.bytes).equals(Buffer.from(bytes))).toBe(true)
  })

  it('keeps exact multiples and empty bytes whole (an empty photo is still one record)', () => {
    expect(toChunks(bytesOf(2 * defaultChunkBytes))).toHaveLength(2)
    const empty = toChunks(new Uint8Array(0))
    expect(empty).toEqual([{ index: 0, count: 1, data: '' }])
    expect(fromChunks(empty)).toEqual({ ok: true, bytes: new Uint8Array(0) })
    const tiny = toChunks(bytesOf(10), 3)
    expect(tiny).toHaveLength(4)
    expect(fromChunks(tiny)).toEqual({ ok: true, bytes: bytesOf(10) })
  })

  it('refuses a missing chunk, in the middle or at the end, and names it', () => {
    const chunks = toChunks(bytesOf(300_000))
    expect(fromChunks(chunks.filter((c) => c.index !== 2))).toEqual({ ok: false, problem: 'missing-chunk', index: 2 })
    expect(fromChunks(chunks.slice(0, -1))).toEqual({ ok: false, problem: 'missing-chunk', index: 4 })
    expect(fromChunks([])).toEqual({ ok: false, problem: 'no-chunks' })
  })

  it('refuses reordered or doubled chunks rather than join them wrong', () => {
    const [a, b, c] = toChunks(bytesOf(150_000)) as [Chunk, Chunk, Chunk]
    expect(fromChunks([a, c, b])).toEqual({ ok: false, problem: 'out-of-order', index: 1 })
    expect(fromChunks([b, a, c])).toEqual({ ok: false, problem: 'out-of-order', index: 0 })
    expect(fromChunks([a, b, b, c])).toEqual({ ok: false, problem: 'out-of-order', index: 2 })
    expect(fromChunks([a, b, c, { ...c, index: 3 }])).toEqual({ ok: false, problem: 'count-mismatch', index: 3 })
  })

  it('refuses chunks of two different wholes and text that is not base64url', () => {
    const [a, b] = toChunks(bytesOf(100_000)) as [Chunk, Chunk]
    expect(fromChunks([a, { ...b, count: 3 }])).toEqual({ ok: false, problem: 'count-mismatch', index: 1 })
    expect(fromChunks([{ ...a, count: 0 }])).toEqual({ ok: false, problem: 'count-mismatch', index: 0 })
    expect(fromChunks([a, { ...b, data: `${b.data.slice(0, -4)}+/==` }])).toEqual({ ok: false, problem: 'not-base64url', index: 1 })
  })

  it('refuses a chunk size that is not a whole positive number of bytes', () => {
    expect(() => toChunks(bytesOf(10), 0)).toThrow(RangeError)
    expect(() => toChunks(bytesOf(10), 1.5)).toThrow(RangeError)
  })
})
