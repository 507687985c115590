import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkYuanText, fenToYuanText, formatFen, parseYuan, roundHalfUpToFen } from './money'

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

describe('roundHalfUpToFen (BB-5, BB-6: "rounded to the fen")', () => {
  it('rounds half a fen up, and less than half down', () => {
    expect(roundHalfUpToFen(1)).toBe(1)
    expect(roundHalfUpToFen(2.5)).toBe(3)
    expect(roundHalfUpToFen(2.4)).toBe(2)
    expect(roundHalfUpToFen(0.5)).toBe(1)
  })
  it('divides exactly: numerator and denominator in whole units never pass through a float quotient', () => {
    // BB-6: 3 affected days × ¥100.00 ÷ 30 days = 1000 fen; × ÷ 31 days = 967.74… → 968.
    expect(roundHalfUpToFen(3 * 10000, 30)).toBe(1000)
    expect(roundHalfUpToFen(3 * 10000, 31)).toBe(968)
    // BB-5: 3‰ of 1.50 for one day is 0.45 fen → 0; of 5.00 for one day: 1.5 fen → 2 (exactly half, up).
    expect(roundHalfUpToFen(150 * 3, 1000)).toBe(0)
    expect(roundHalfUpToFen(500 * 3, 1000)).toBe(2)
    // A float would say 1.005 × 100 = 100.49999…: the exact division does not.
    expect(roundHalfUpToFen(201, 2)).toBe(101)
  })
  it('is symmetric for negative amounts: half a fen goes away from zero', () => {
    expect(roundHalfUpToFen(-2.5)).toBe(-3)
    expect(roundHalfUpToFen(-500 * 3, 1000)).toBe(-2)
    expect(roundHalfUpToFen(500 * 3, -1000)).toBe(-2)
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => roundHalfUpToFen(-n, d) === -roundHalfUpToFen(n, d) || (roundHalfUpToFen(n, d) === 0 && roundHalfUpToFen(-n, d) === 0)))
  })
  it('is never more than half a fen away from the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const fen = roundHalfUpToFen(n, d)
        return Number.isSafeInteger(fen) && Math.abs(fen * d - n) * 2 <= d
      }),
    )
  })
  it('refuses what is not a finite amount or a whole division', () => {
    expect(() => roundHalfUpToFen(Number.NaN)).toThrow(RangeError)
    expect(() => roundHalfUpToFen(10, 0)).toThrow(RangeError)
    expect(() => roundHalfUpToFen(10.5, 3)).toThrow(RangeError)
  })
})

describe('checkYuanText: an amount typed against its ceiling (issue 10: a price of 99,999,999,999.00 saved)', () => {
  const ceiling = 1_000_000_00
  it('accepts the ceiling itself and refuses one fen more', () => {
    expect(checkYuanText('1000000.00', ceiling)).toBeUndefined()
    expect(checkYuanText('¥1,000,000', ceiling)).toBeUndefined()
    expect(checkYuanText('1000000.01', ceiling)).toBe('too-high')
    expect(checkYuanText('99,999,999,999.00', ceiling)).toBe('too-high')
  })
  it('refuses a negative amount and one with more than two decimals', () => {
    expect(checkYuanText('-5', ceiling)).toBe('negative')
    expect(checkYuanText('－5', ceiling)).toBe('negative')
    expect(checkYuanText('960.505', ceiling)).toBe('format')
    expect(checkYuanText('abc', ceiling)).toBe('format')
  })
  it('says whether an amount still being typed can become one ("960." and "" can, "1.234" cannot)', () => {
    expect(checkYuanText('960.', ceiling)).toBe('unfinished')
    expect(checkYuanText('', ceiling)).toBe('unfinished')
    expect(checkYuanText('¥1,0', ceiling)).toBe('unfinished')
    expect(checkYuanText('0', ceiling)).toBeUndefined()
  })
})
