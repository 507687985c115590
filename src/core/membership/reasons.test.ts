import { describe, expect, it } from 'vitest'
import { checkReason } from './reasons'

describe('MEM-3/MEM-6/MEM-9 a reason staff give', () => {
  it('is required', () => {
    expect(checkReason('  ')).toBe('reason-required')
  })
  it('is at most 200 characters, counted as characters (a CJK character is one), spaces around it not counted', () => {
    expect(checkReason('损'.repeat(200))).toBeUndefined()
    expect(checkReason(` ${'损'.repeat(200)} `)).toBeUndefined()
    expect(checkReason('损'.repeat(201))).toBe('reason-too-long')
  })
})
