import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalMemberNo, looksLikeMemberNo, memberNumberFrom } from './member-number'

describe('member numbers', () => {
  it('is M and 7 Crockford base32 characters from the first 35 random bits', () => {
    expect(memberNumberFrom(new Uint8Array([0, 0, 0, 0, 0]))).toBe('M0000000')
    expect(memberNumberFrom(new Uint8Array([255, 255, 255, 255, 255]))).toBe('MZZZZZZZ')
    // 00001 00010 00011 … : bits 0000 1000 | 1000 0110 | …
    expect(memberNumberFrom(new Uint8Array([0b00001000, 0b10000110, 0b01000010, 0b10011000, 0b11100000]))).toBe('M1234567')
  })

  it('never uses I, L, O or U, and always reads as a member number', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 8 }), (bytes) => {
        const no = memberNumberFrom(bytes)
        return no.length === 8 && !/[ILOU]/.test(no.slice(1)) && looksLikeMemberNo(no)
      }),
    )
  })

  it('needs at least 5 random bytes', () => {
    expect(() => memberNumberFrom(new Uint8Array(4))).toThrow(RangeError)
  })

  it('recognises a member number typed in any case, fullwidth or with spaces around', () => {
    expect(looksLikeMemberNo('M7K3QX9A')).toBe(true)
    expect(looksLikeMemberNo(' m7k3qx9a ')).toBe(true)
    expect(looksLikeMemberNo('Ｍ７Ｋ３ＱＸ９Ａ')).toBe(true)
  })

  it('does not take a phone number, a short number or letters Crockford leaves out for a member number', () => {
    expect(looksLikeMemberNo('13800138000')).toBe(false)
    expect(looksLikeMemberNo('M7K3QX9')).toBe(false)
    expect(looksLikeMemberNo('M7K3QX9AB')).toBe(false)
    expect(looksLikeMemberNo('M7K3QXOA')).toBe(false)
    expect(looksLikeMemberNo('MUUUUUUU')).toBe(false)
  })

  it('reads O as 0 and I or L as 1, and drops hyphens, when canonicalising what was typed', () => {
    expect(canonicalMemberNo('m7k3-qxoa')).toBe('M7K3QX0A')
    expect(canonicalMemberNo('MIL00000')).toBe('M1100000')
    expect(canonicalMemberNo(' Ｍ７Ｋ３ＱＸ９Ａ ')).toBe('M7K3QX9A')
    expect(canonicalMemberNo('13800138000')).toBe('13800138000')
  })
})
