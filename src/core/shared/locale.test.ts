import { describe, expect, it } from 'vitest'
import { pickLocale } from './locale'

describe('pickLocale', () => {
  it('keeps a remembered supported choice over the browser', () => {
    expect(pickLocale('en', ['zh-CN'])).toBe('en')
  })
  it('ignores a remembered value we do not ship', () => {
    expect(pickLocale('fr', ['zh-TW', 'en'])).toBe('zh-CN')
  })
  it('takes the first supported browser language in order', () => {
    expect(pickLocale(null, ['de-DE', 'en-GB', 'zh-CN'])).toBe('en')
    expect(pickLocale(null, ['zh-Hans-CN', 'en-US'])).toBe('zh-CN')
  })
  it('falls back to English when nothing matches', () => {
    expect(pickLocale(undefined, ['de', 'fr'])).toBe('en')
    expect(pickLocale(undefined, [])).toBe('en')
  })
})
