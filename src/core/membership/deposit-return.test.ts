import { describe, expect, it } from 'vitest'
import { checkDepositReturn } from './deposit-return'

describe('MEM-6 deposit return', () => {
  it('MEM-6: returns the whole deposit, or keeps part of it only with a reason', () => {
    expect(checkDepositReturn(100000, 100000, 0, '')).toBeUndefined()
    expect(checkDepositReturn(100000, 80000, 20000, '储物柜钥匙丢失')).toBeUndefined()
    expect(checkDepositReturn(100000, 80000, 20000, '  ')).toBe('reason-required')
  })
  it('MEM-6: refunded and kept add up to what is held, never more or less, never negative', () => {
    expect(checkDepositReturn(100000, 100000, 1, 'x')).toBe('more-than-held')
    expect(checkDepositReturn(100000, 50000, 0, '')).toBe('more-than-held')
    expect(checkDepositReturn(100000, 110000, -10000, 'x')).toBe('more-than-held')
  })
  it('MEM-6: nothing to return when nothing is held', () => {
    expect(checkDepositReturn(0, 0, 0, '')).toBe('nothing-held')
  })
})
