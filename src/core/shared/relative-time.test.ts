import { describe, expect, it } from 'vitest'
import { formatAgo } from './relative-time'

describe('formatAgo', () => {
  const now = Date.UTC(2026, 10, 28, 12)
  it('says "now" for the last half minute', () => {
    expect(formatAgo(now - 10_000, now, 'en')).toBe('now')
    expect(formatAgo(now - 10_000, now, 'zh-CN')).toBe('现在')
  })
  it('counts minutes, hours and days', () => {
    expect(formatAgo(now - 3 * 60_000, now, 'en')).toBe('3 minutes ago')
    expect(formatAgo(now - 2 * 3600_000, now, 'zh-CN')).toBe('2小时前')
    expect(formatAgo(now - 3 * 86400_000, now, 'en')).toBe('3 days ago')
  })
})
