import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenToYuanText, formatFen, parseYuan } from './money'

describe('formatFen', () => {
  it('shows yuan with the ¥ sign and two decimals in both languages', () => {
    expect(formatFen(96000, 'zh-CN')).toBe('¥960.00')
    expect(formatFen(96000, 'en')).toBe('¥960.00')
    expect(formatFen(5, 'en')).toBe('¥0.05')
    expect(formatFen(0, 'zh-CN')).toBe('¥0.00')
  })
  it('groups thousands', () => {
    expect(formatFen(960000, 'zh-CN')).toBe('¥9,600.00')
    expect(formatFen(123456789, 'en')).toBe('¥1,234,567.89')
  })
  it('is exact for the largest amounts', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER, 'en')).toBe('¥90,071,992,547,409.91')
  })
  it('shows a negative amount with a minus sign', () => {
    expect(formatFen(-1205, 'en')).toBe('-¥12.05')
  })
  it('refuses an amount that is not whole fen', () => {
    expect(() => formatFen(0.5, 'en')).toThrow(RangeError)
  })
})

describe('fenToYuanText', () => {
  it('writes yuan for a form field', () => {
    expect(fenToYuanText(96000)).toBe('960.00')
    expect(fenToYuanText(96050)).toBe('960.50')
    expect(fenToYuanText(7)).toBe('0.07')
    expect(fenToYuanText(-1205)).toBe('-12.05')
  })
})

describe('parseYuan', () => {
  it('reads whole yuan and one or two decimals as fen', () => {
    expect(parseYuan('960')).toBe(96000)
    expect(parseYuan('960.5')).toBe(96050)
    expect(parseYuan('960.50')).toBe(96050)
    expect(parseYuan('0.01')).toBe(1)
    expect(parseYuan(' 0 ')).toBe(0)
  })
  it('reads the ¥ sign and grouped thousands', () => {
    expect(parseYuan('¥1,000.00')).toBe(100000)
    expect(parseYuan('¥ 9,600')).toBe(960000)
    expect(parseYuan('1,234,567.89')).toBe(123456789)
  })
  it('reads fullwidth digits, point, comma and sign typed with a Chinese IME', () => {
    expect(parseYuan('９６０．５０')).toBe(96050)
    expect(parseYuan('￥１，０００')).toBe(100000)
  })
  it('refuses negatives, more than two decimals, bad grouping and junk', () => {
    for (const text of ['-5', '¥-5', '960.505', '1,00', '1,0000', '12a', '', ' ', '.5', '960.', '1e3', 'NaN', '¥', '1 000', '99999999999999999'])
      expect(parseYuan(text), text).toBeUndefined()
  })
  it('reads back what fenToYuanText wrote', () => {
    fc.assert(fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (fen) => parseYuan(fenToYuanText(fen)) === fen))
  })
})
