import { describe, expect, it } from 'vitest'
import { checkinMessages } from './checkin.messages'
import { cleanScanText, scanProblemKey, scanStartedBy, type VerdictKey } from './scan-input'

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

describe('MEM-3 a scan typed while a verdict is up starts the next check-in', () => {
  const key = (k: string, mods: Partial<VerdictKey> = {}): VerdictKey => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods })

  it("takes a scanner's first character (digit, letter, a QR's punctuation) as the start of the next scan", () => {
    for (const k of ['1', '0', 'L', 'b', '.', ':', '-']) expect(scanStartedBy(key(k), false), k).toBe(k)
  })
  it('leaves Enter, Space, Escape and Tab to the verdict: a person dismisses it or moves between its buttons', () => {
    for (const k of ['Enter', ' ', 'Escape', 'Tab', 'ArrowDown', 'F5', 'Shift']) expect(scanStartedBy(key(k), false), k).toBeNull()
  })
  it('leaves shortcuts and an input method mid-composition alone', () => {
    expect(scanStartedBy(key('c', { ctrlKey: true }), false)).toBeNull()
    expect(scanStartedBy(key('r', { metaKey: true }), false)).toBeNull()
    expect(scanStartedBy(key('x', { altKey: true }), false)).toBeNull()
    expect(scanStartedBy(key('n', { isComposing: true }), false)).toBeNull()
  })
  it("leaves the override's reason to the person typing it", () => {
    expect(scanStartedBy(key('1'), true)).toBeNull()
  })
})
