import { describe, expect, it } from 'vitest'
import { formatBytes } from './bytes'

describe('formatBytes', () => {
  it('keeps small counts in bytes', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte')
    expect(formatBytes(1023, 'en')).toBe('1,023 byte')
  })
  it('moves to the next unit at 1024', () => {
    expect(formatBytes(1024, 'en')).toBe('1 kB')
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB')
    expect(formatBytes(3 * 1024 ** 3, 'en')).toBe('3 GB')
  })
  it('formats for the UI language', () => {
    expect(formatBytes(1.5 * 1024 * 1024, 'zh-CN')).toMatch(/^1\.5\s?MB$/)
  })
  it('refuses nonsense rather than printing NaN', () => {
    expect(() => formatBytes(-1, 'en')).toThrow(RangeError)
    expect(() => formatBytes(Number.NaN, 'en')).toThrow(RangeError)
  })
})
