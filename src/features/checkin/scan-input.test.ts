import { describe, expect, it } from 'vitest'
import { checkinMessages } from './checkin.messages'
import { cleanScanText, scanProblemKey } from './scan-input'

describe('MEM-3 desk scan input', () => {
  it("strips a scanner's framing and surrounding spaces", () => {
    expect(cleanScanText('\u0002LBY1.member:abc.1.sig\u0003\r\n')).toBe('LBY1.member:abc.1.sig')
    expect(cleanScanText('  10023\t')).toBe('10023')
  })
  it('keeps the inner spaces of a typed phone number for the lookup to read', () => {
    expect(cleanScanText(' 138 0013 8000 ')).toBe('138 0013 8000')
  })
  it('treats an empty or blank entry as nothing to check', () => {
    for (const blank of ['', '   ', '\r\n', '\u0002\u0003']) expect(cleanScanText(blank)).toBeNull()
  })
  it('has a message for every problem', () => {
    for (const key of Object.values(scanProblemKey)) {
      for (const words of Object.values(checkinMessages)) {
        expect(words.scan[key.slice('scan.'.length) as keyof typeof words.scan], key).toBeTypeOf('string')
      }
    }
  })
})
