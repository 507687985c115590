import { beforeAll, describe, expect, it } from 'vitest'
import { blindIndex, blindIndexes } from './blind-index'
import { generateIndexKey } from './realm-keys'

let key: CryptoKey
let otherKey: CryptoKey

beforeAll(async () => {
  ;[key, otherKey] = await Promise.all([generateIndexKey(), generateIndexKey()])
})

describe('CONF-1 blind indexes', () => {
  it('is deterministic per key, field-prefixed and 48 bits long', async () => {
    const a = await blindIndex(key, 'phone', '13800138000')
    expect(a).toMatch(/^phone:[A-Za-z0-9_-]{8}$/)
    expect(await blindIndex(key, 'phone', '13800138000')).toBe(a)
  })
  it('does not contain the value and differs per realm key', async () => {
    const a = await blindIndex(key, 'phone', '13800138000')
    expect(a).not.toContain('138')
    expect(await blindIndex(otherKey, 'phone', '13800138000')).not.toBe(a)
  })
  it('differs per field for the same text', async () => {
    const asMemberNo = await blindIndex(key, 'memberNo', '13800138000')
    const asPhone = await blindIndex(key, 'phone', '13800138000')
    expect(asMemberNo?.slice('memberNo:'.length)).not.toBe(asPhone?.slice('phone:'.length))
  })
  it('normalises first, so a number typed any way finds the same person', async () => {
    const plain = await blindIndex(key, 'phone', '13800138000')
    expect(await blindIndex(key, 'phone', '+86 138 0013 8000')).toBe(plain)
    expect(await blindIndex(key, 'phone', '＋８６　１３８-００１３-８０００')).toBe(plain)
    expect(await blindIndex(key, 'idNumber', '11010519491231002x')).toBe(await blindIndex(key, 'idNumber', '110105 19491231 002X'))
    expect(await blindIndex(key, 'name', ' Li  Wei')).toBe(await blindIndex(key, 'name', 'li wei'))
  })
  it('gives undefined for empty values and skips them in blindIndexes', async () => {
    expect(await blindIndex(key, 'phone', ' - ')).toBeUndefined()
    expect(await blindIndex(key, 'name', '')).toBeUndefined()
    const all = await blindIndexes(key, { phone: '13800138000', name: '  ', memberNo: 'm-1' })
    expect(all).toEqual([await blindIndex(key, 'phone', '13800138000'), await blindIndex(key, 'memberNo', 'M-1')])
  })
})
