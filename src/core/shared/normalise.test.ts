import { describe, expect, it } from 'vitest'
import { normaliseIdNumber, normaliseMemberNo, normaliseName, normalisePhone } from './normalise'

describe('normalisePhone', () => {
  it('keeps digits only', () => {
    expect(normalisePhone('138-0013 8000')).toBe('13800138000')
  })
  it('drops +86, 0086 and 86 before a mainland mobile number', () => {
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000')
    expect(normalisePhone('0086 13800138000')).toBe('13800138000')
    expect(normalisePhone('8613800138000')).toBe('13800138000')
  })
  it('keeps 86 when what remains is not a mobile number', () => {
    expect(normalisePhone('86 10 1234 5678')).toBe('861012345678')
    expect(normalisePhone('010-8612-3456')).toBe('01086123456')
  })
  it('folds fullwidth digits typed with a Chinese IME', () => {
    expect(normalisePhone('＋８６　１３８００１３８０００')).toBe('13800138000')
  })
  it('returns empty for empty or digit-free input', () => {
    expect(normalisePhone('')).toBe('')
    expect(normalisePhone(' - ')).toBe('')
  })
})

describe('normaliseIdNumber', () => {
  it('removes spaces and hyphens and uppercases the check character', () => {
    expect(normaliseIdNumber(' 110105-19491231 002x ')).toBe('11010519491231002X')
  })
  it('folds fullwidth characters', () => {
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X')
  })
  it('returns empty for empty input', () => {
    expect(normaliseIdNumber('  ')).toBe('')
  })
})

describe('normaliseMemberNo', () => {
  it('trims, folds fullwidth and uppercases', () => {
    expect(normaliseMemberNo('  ｍ-００４２ ')).toBe('M-0042')
  })
  it('returns empty for empty input', () => {
    expect(normaliseMemberNo('')).toBe('')
  })
})

describe('normaliseName', () => {
  it('trims, collapses inner whitespace (including the ideographic space) and lowercases', () => {
    expect(normaliseName('  Li\u3000\u3000  Wei ')).toBe('li wei')
  })
  it('leaves Chinese characters as they are', () => {
    expect(normaliseName(' 王 小明 ')).toBe('王 小明')
  })
  it('returns empty for empty input', () => {
    expect(normaliseName('\t')).toBe('')
  })
})
